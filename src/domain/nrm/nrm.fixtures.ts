import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { clockedApp, request, type Session, type TestClock } from '@test/support/build-app.ts';
import type { TestRuntime } from '@test/support/database.ts';
import { buildSession, unique, type TestUser } from '@test/support/factories.ts';
import type { Referral, ReferralStep } from './nrm-views.schema.ts';

/** Helpers the NRM route tests share: an app whose clock the test sets, and referrals. */

/**
 * A GBR referral made on a Friday and a positive reasonable-grounds decision the next Monday,
 * the clock set to that Monday (the access and input suites).
 */
export const GBR_CASE = {
  NOW: '2026-03-02T10:00:00Z',
  GBR: { jurisdiction: 'GBR', referredAt: '2026-02-27T10:00:00Z', authority: 'SCA' },
  RG: {
    kind: 'reasonable_grounds',
    outcome: 'positive',
    decidedOn: '2026-03-02',
    decisionMaker: 'SCA',
  },
} as const;

export interface NrmClock {
  app: FastifyInstance;
  clock: TestClock;
  /** Sets the clock; later sessions are built at that time. */
  at(iso: string): void;
  /** A fresh session of `user` at the clock's time (sessions expire when the clock jumps). */
  as(user: TestUser): Promise<Session>;
}

/** A clocked app on the runtime, starting at `start`. Close `app` in `afterAll`. */
export async function nrmClock(rt: TestRuntime, start: string): Promise<NrmClock> {
  const { app, clock } = await clockedApp(rt, new Date(start));
  return {
    app,
    clock,
    at: (iso) => {
      clock.now = new Date(iso);
    },
    as: (user) => buildSession(rt, user, { now: clock.now }),
  };
}

/** Registers a case as `who` (assigned to them); its id and number. */
export async function nrmCase(
  app: FastifyInstance,
  who: Session,
): Promise<{ id: string; caseNumber: string }> {
  const res = await request(app, who, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Referral', family: `Test${unique()}` }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; caseNumber: string }>();
}

/** POST /api/cases/:caseId/nrm-referrals with any payload. */
export const postReferral = (
  app: FastifyInstance,
  who: Session | null,
  caseId: string,
  payload: unknown,
): Promise<LightMyRequestResponse> =>
  request(app, who, { method: 'POST', url: `/api/cases/${caseId}/nrm-referrals`, payload });

/** Records a referral that must succeed. */
export async function refer(
  app: FastifyInstance,
  who: Session,
  caseId: string,
  payload: { jurisdiction: string; referredAt: string; authority?: string },
): Promise<Referral> {
  const res = await postReferral(app, who, caseId, {
    authority: 'Single Competent Authority',
    ...payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Referral>();
}

/** PATCH a decision onto a referral. */
export const decide = (
  app: FastifyInstance,
  who: Session | null,
  ref: { caseId: string; id: string },
  decision: unknown,
): Promise<LightMyRequestResponse> =>
  request(app, who, {
    method: 'PATCH',
    url: `/api/cases/${ref.caseId}/nrm-referrals/${ref.id}`,
    payload: { decision },
  });

/** The step of a referral by name (fails the test when missing). */
export function stepOf(r: Referral, step: string): ReferralStep {
  const found = r.steps.find((s) => s.step === step);
  expect(found, step).toBeDefined();
  return found!;
}

/** Rows of the NRM tables and journey events of a case (to prove a refusal wrote nothing). */
export async function nrmRows(
  rt: TestRuntime,
  caseId: string,
): Promise<{ referrals: number; steps: number; decisions: number; events: number }> {
  const [row] = await rt.database.query<{
    referrals: number;
    steps: number;
    decisions: number;
    events: number;
  }>(
    `select (select count(*)::int from nrm_referrals where case_id = $1) as referrals,
       (select count(*)::int from nrm_referral_steps s join nrm_referrals r
          on r.id = s.referral_id where r.case_id = $1) as steps,
       (select count(*)::int from nrm_decisions d join nrm_referrals r
          on r.id = d.referral_id where r.case_id = $1) as decisions,
       (select count(*)::int from case_events where case_id = $1) as events`,
    [caseId],
  );
  return row!;
}
