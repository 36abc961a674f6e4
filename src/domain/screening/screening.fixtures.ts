import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { request, type Session } from '@test/support/build-app.ts';
import type { TestRuntime } from '@test/support/database.ts';
import { unique } from '@test/support/factories.ts';
import { builtinInstrument } from './builtin-instruments.ts';
import type { Instrument } from './instrument.schema.ts';
import type { ScreeningSummary } from './screening-views.schema.ts';

/** Helpers the screening route tests share. */

/** Registers a case as `who` (assigned to them) with the given age fields; its id. */
export async function newCase(
  app: FastifyInstance,
  who: Session,
  fields: Record<string, unknown> = {},
): Promise<string> {
  const res = await request(app, who, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Screening', family: `Test${unique()}` }], ...fields },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

/** POST /api/cases/:caseId/screenings as `who` with any payload. */
export const postScreening = (
  app: FastifyInstance,
  who: Session | null,
  caseId: string,
  payload: unknown,
): Promise<LightMyRequestResponse> =>
  request(app, who, { method: 'POST', url: `/api/cases/${caseId}/screenings`, payload });

/** Records a screening that must succeed; its summary. */
export async function screen(
  app: FastifyInstance,
  who: Session,
  caseId: string,
  payload: Record<string, unknown>,
): Promise<ScreeningSummary> {
  const res = await postScreening(app, who, caseId, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<ScreeningSummary>();
}

/** Answers as the API takes them, from `{ indicatorId: answer }`. */
export function answers(byId: Record<string, string>): { indicatorId: string; answer: string }[] {
  return Object.entries(byId).map(([indicatorId, answer]) => ({ indicatorId, answer }));
}

/** Palermo version 1 with act and purpose yes and `means` as given (or left out). */
export function palermo(means?: string, extra: Record<string, unknown> = {}) {
  return {
    instrumentId: 'palermo-elements',
    instrumentVersion: 1,
    answers: answers({ 'PAL-01': 'yes', ...(means && { 'PAL-02': means }), 'PAL-03': 'yes' }),
    ...extra,
  };
}

/**
 * An organisation's own instrument: the Palermo elements under a fresh id, at `version`. With
 * `adultNeedsMeans: false` the adult rules need only the act and the purpose.
 */
export function ownInstrument(
  id: string,
  version: number,
  opts: { adultNeedsMeans?: boolean } = {},
): Instrument {
  const base = structuredClone<Instrument>(builtinInstrument('palermo-elements', 1)!);
  const doc: Instrument = {
    ...base,
    id,
    version,
    title: { en: `Own ${id}`, th: `ของตัวเอง ${id}` },
  };
  if (opts.adultNeedsMeans === false) {
    doc.rule = {
      ...doc.rule,
      requires: { ...doc.rule.requires, adult: doc.rule.requires.child },
    };
  }
  return doc;
}

/** Rows of the screening tables for a case (to prove a refused request wrote nothing). */
export async function screeningRows(
  rt: TestRuntime,
  caseId: string,
): Promise<{ screenings: number; answers: number }> {
  const [row] = await rt.database.query<{ screenings: number; answers: number }>(
    `select (select count(*)::int from screenings where case_id = $1) as screenings,
            (select count(*)::int from screening_answers a join screenings s
               on s.id = a.screening_id where s.case_id = $1) as answers`,
    [caseId],
  );
  return row!;
}

/** The audit actions recorded for a case, oldest first. */
export async function caseAuditActions(rt: TestRuntime, caseId: string): Promise<string[]> {
  const rows = await rt.database.query<{ action: string }>(
    `select action from audit_events where entity_type = 'case' and entity_id = $1 order by seq`,
    [caseId],
  );
  return rows.map((r) => r.action);
}
