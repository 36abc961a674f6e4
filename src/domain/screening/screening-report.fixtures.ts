import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { request, type Session } from '@test/support/build-app.ts';
import type { TestRuntime } from '@test/support/database.ts';

/** Helpers of the evidence report tests: fetching it, reading its text, consents for it. */

/** Whether poppler's pdftotext is installed (the text tests are skipped, with a notice, if not). */
export const HAS_PDFTOTEXT = spawnSync('pdftotext', ['-v']).error === undefined;
if (!HAS_PDFTOTEXT) {
  console.warn('pdftotext (poppler-utils) not found: the report text tests are skipped');
}

/** GET …/report.pdf with the query given. */
export function getReport(
  app: FastifyInstance,
  who: Session | null,
  ref: { caseId: string; screeningId: string },
  query: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  const qs = new URLSearchParams(query).toString();
  return request(app, who, {
    method: 'GET',
    url: `/api/cases/${ref.caseId}/screenings/${ref.screeningId}/report.pdf${qs ? `?${qs}` : ''}`,
  });
}

/** The text of a PDF as pdftotext reads it. */
export function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'hw-report-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, pdf);
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', file, join(dir, 'r.txt')]);
    expect(out.status, String(out.stderr)).toBe(0);
    return readFileSync(join(dir, 'r.txt'), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Text compared without layout: whitespace removed, and Thai vowel and tone marks dropped (sara
 * am as sara aa), because pdftotext returns some of them out of order or decomposed.
 */
export function norm(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u0E33/g, '\u0E32')
    .replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g, '')
    .replace(/\u0E32+/g, '\u0E32')
    .replace(/[\s\u200B]+/g, '')
    .toLowerCase();
}

/** Asserts a 200 PDF response; its text. */
export function reportText(res: LightMyRequestResponse): string {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  return HAS_PDFTOTEXT ? pdfText(res.rawPayload) : '';
}

/** Records a consent for legal proceedings naming an authority; its id. */
export async function legalConsent(
  app: FastifyInstance,
  who: Session,
  caseId: string,
  extra: Record<string, unknown> = {},
): Promise<string> {
  const res = await request(app, who, {
    method: 'POST',
    url: `/api/cases/${caseId}/consents`,
    payload: {
      purpose: 'legal_proceedings',
      recipientName: 'Royal Thai Police',
      recipientAuthorityKind: 'police',
      dataCategories: ['assessment'],
      method: 'written',
      decision: 'given',
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>().id;
}

export const POLICE = { authorityName: 'Royal Thai Police', authorityKind: 'police' };

/** The `screening.report` audit details of a case, oldest first. */
export async function reportAudits(
  rt: TestRuntime,
  caseId: string,
): Promise<Record<string, unknown>[]> {
  const rows = await rt.database.query<{ details: Record<string, unknown> }>(
    `select details from audit_events where action = 'screening.report' and entity_id = $1
     order by seq`,
    [caseId],
  );
  return rows.map((r) => r.details);
}
