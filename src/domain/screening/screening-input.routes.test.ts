import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import {
  caseScenario,
  rawJson,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import { answers, palermo, postScreening, screen, screeningRows } from './screening.fixtures.ts';

/** Bad input gets a 4xx problem+json and writes nothing: no screening, no answer, no audit. */
let t: TestApp;
let s: CaseScenario;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

async function nothingWritten(run: () => Promise<void>): Promise<void> {
  const rows = await screeningRows(t.runtime, s.caseId);
  const audits = await auditCount(t.runtime, s.organisationId);
  await run();
  expect(await screeningRows(t.runtime, s.caseId)).toEqual(rows);
  expect(await auditCount(t.runtime, s.organisationId)).toBe(audits);
}

const BAD_BODIES: [string, unknown, string?][] = [
  ['unknown instrument', { instrumentId: 'no-such-instrument', answers: [] }, 'instrumentId'],
  ['unknown version', { ...palermo(), instrumentVersion: 99 }, 'instrumentVersion'],
  [
    'unknown indicator',
    { ...palermo(), answers: answers({ 'PAL-01': 'yes', 'XX-99': 'yes' }) },
    'answers.1.indicatorId',
  ],
  [
    'an indicator answered twice',
    {
      ...palermo(),
      answers: [
        { indicatorId: 'PAL-01', answer: 'yes' },
        { indicatorId: 'PAL-01', answer: 'no' },
      ],
    },
    'answers.1.indicatorId',
  ],
  ['an answer outside the enum', { ...palermo(), answers: answers({ 'PAL-01': 'maybe' }) }],
  ['answers not a list', { ...palermo(), answers: 'yes' }],
  ['a version that is a string', { ...palermo(), instrumentVersion: '1' }],
  ['an unknown field', { ...palermo(), score: 10 }],
  ['approved on creation', { ...palermo(), status: 'approved' }],
  [
    'an evidence kind outside the enum',
    {
      ...palermo(),
      answers: [{ indicatorId: 'PAL-01', answer: 'yes', evidence: { kind: 'rumour' } }],
    },
  ],
  [
    'an evidence note too long',
    {
      ...palermo(),
      answers: [
        {
          indicatorId: 'PAL-01',
          answer: 'yes',
          evidence: { kind: 'document', note: 'x'.repeat(4001) },
        },
      ],
    },
  ],
  ['no answers field', { instrumentId: 'palermo-elements' }],
];

describe('POST /api/cases/:id/screenings refuses bad input', () => {
  it.each(BAD_BODIES)('%s: 400, nothing written', async (_name, body, path) => {
    await nothingWritten(async () => {
      const problem = expectProblem(
        await postScreening(t.app, s.as.caseworker, s.caseId, body),
        400,
        'validation_failed',
      );
      if (path) {
        expect(problem.errors?.map((e) => e.path)).toContain(path);
      }
    });
  });

  it('malformed JSON, an oversize body, another content type: nothing written', async () => {
    await nothingWritten(async () => {
      const url = `/api/cases/${s.caseId}/screenings`;
      expectProblem(
        await rawJson(t.app, s.as.caseworker, { method: 'POST', url, body: '{"instrumentId":' }),
        400,
        'malformed_json',
      );
      const huge = JSON.stringify({ ...palermo(), statement: 'x'.repeat(1024 * 1024 + 10) });
      expectProblem(
        await rawJson(t.app, s.as.caseworker, { method: 'POST', url, body: huge }),
        413,
        'payload_too_large',
      );
      const text = await request(t.app, s.as.caseworker, {
        method: 'POST',
        url,
        payload: 'instrumentId=palermo-elements',
        headers: { 'content-type': 'text/plain' },
      });
      expectProblem(text, 415, 'unsupported_media_type');
    });
  });

  it('an unknown or unassigned case, or another organisation’s: 404', async () => {
    await nothingWritten(async () => {
      for (const [who, id] of [
        ['caseworker', UNKNOWN_ID],
        ['caseworker', 'not-a-uuid'],
        ['otherCaseworker', s.caseId],
        ['otherOrgAdmin', s.caseId],
      ] as const) {
        expectProblem(
          await postScreening(t.app, s.as[who], id, palermo('yes')),
          404,
          'case_not_found',
        );
      }
    });
  });
});

describe('PATCH refuses bad input', () => {
  it('unknown indicators, bad enums and unknown screenings write nothing', async () => {
    const draft = await screen(t.app, s.as.caseworker, s.caseId, {
      ...palermo(),
      status: 'in_progress',
    });
    const url = `/api/cases/${s.caseId}/screenings/${draft.id}`;
    await nothingWritten(async () => {
      for (const payload of [
        { version: 1, answers: answers({ 'NOPE-01': 'yes' }) },
        { version: 1, answers: answers({ 'PAL-01': 'perhaps' }) },
        { version: 1, status: 'approved' },
        { version: 'one', statement: 'x' },
      ]) {
        expectProblem(
          await request(t.app, s.as.caseworker, { method: 'PATCH', url, payload }),
          400,
          'validation_failed',
        );
      }
      expectProblem(
        await rawJson(t.app, s.as.caseworker, { method: 'PATCH', url, body: '{"version":1,' }),
        400,
        'malformed_json',
      );
      for (const sid of [UNKNOWN_ID, 'zzz']) {
        expectProblem(
          await request(t.app, s.as.caseworker, {
            method: 'PATCH',
            url: `/api/cases/${s.caseId}/screenings/${sid}`,
            payload: { version: 1, statement: 'x' },
          }),
          404,
          'screening_not_found',
        );
      }
    });
    const stored = await request(t.app, s.as.caseworker, { method: 'GET', url });
    expect(stored.json()).toMatchObject({ version: 1, status: 'in_progress' });
  });
});
