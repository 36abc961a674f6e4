import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  caseScenario,
  rawJson,
  SCENARIO_TIMEOUT,
  type CaseScenario,
} from './case-tasks.fixtures.ts';
import {
  BAD_FIELDS,
  caseCount,
  expectInvalid,
  NAME,
  NEXT_YEAR,
  postCase,
  registerCase,
  TOMORROW,
} from './cases.fixtures.ts';

/** POST /api/cases: what a registration refuses, and how case numbers are given. */
let t: TestApp;
let s: CaseScenario;
beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

describe('cases: bad registrations (problem+json, registering nothing)', () => {
  let before: number;
  beforeEach(async () => {
    before = await caseCount(t.runtime, s.organisationId);
  });
  const registeredNothing = async () =>
    expect(await caseCount(t.runtime, s.organisationId)).toBe(before);

  it('refuses malformed JSON', async () => {
    const malformed = await rawJson(t.app, s.as.admin, {
      method: 'POST',
      url: '/api/cases',
      body: '{"identities": [{"given": "A"}',
    });
    expectProblem(malformed, 400, 'malformed_json');
    await registeredNothing();
  });

  it('refuses each invalid field, naming it', async () => {
    for (const [label, fields, field] of BAD_FIELDS) {
      expectInvalid(await postCase(t.app, s.as.admin, { ...NAME, ...fields }), field, label);
    }
    await registeredNothing();
  });

  it('refuses assignees who are not members able to hold cases', async () => {
    for (const id of [s.users.otherOrgAdmin.id, s.users.viewer.id, s.users.outreach.id]) {
      expectInvalid(
        await postCase(t.app, s.as.admin, { ...NAME, assigneeIds: [id] }),
        'assigneeIds',
        id,
      );
    }
    await registeredNothing();
  });

  it("refuses a minor's own verbal consent", async () => {
    const minor = { birthYear: NEXT_YEAR - 11, consent: { decision: 'given', method: 'verbal' } };
    expectInvalid(await postCase(t.app, s.as.admin, { ...NAME, ...minor }), 'consent', 'minor');
    await registeredNothing();
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const huge = { ...NAME, narrative: 'x'.repeat(1024 * 1024 + 1) };
    expectProblem(await postCase(t.app, s.as.admin, huge), 413, 'payload_too_large');
    await registeredNothing();
  });

  it('refuses a case number already taken with 409', async () => {
    const taken = await postCase(t.app, s.as.admin, { ...NAME, caseNumber: s.caseNumber });
    expectProblem(taken, 409, 'case_number_taken');
    await registeredNothing();
  });
});

describe('cases: dates in the future', () => {
  it('refuses a birth year or date in the future on registration', async () => {
    const before = await caseCount(t.runtime, s.organisationId);
    for (const [label, fields, field] of [
      ['birth year next year', { birthYear: NEXT_YEAR }, 'birthYear'],
      ['birth year 2100', { birthYear: 2100 }, 'birthYear'],
      ['birth date tomorrow', { birthDate: TOMORROW }, 'birthDate'],
    ] as const) {
      expectInvalid(await postCase(t.app, s.as.admin, { ...NAME, ...fields }), field, label);
    }
    expect(await caseCount(t.runtime, s.organisationId)).toBe(before);
  });
});

describe('cases: case numbers', () => {
  it('numbers simultaneous registrations differently', async () => {
    const res = await Promise.all(
      ['admin', 'supervisor', 'caseworker'].map((r) => postCase(t.app, s.as[r as 'admin'], NAME)),
    );
    expect(res.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    const numbers = res.map((r) => r.json().caseNumber as string);
    expect(new Set(numbers).size).toBe(3);
  });
});

describe('cases: case numbers differing only in letter case', () => {
  it('refuses a case number already used in another letter case', async () => {
    await registerCase(t.app, s.as.admin, { ...NAME, caseNumber: 'CASE-ABC-7' });
    const before = await caseCount(t.runtime, s.organisationId);
    const res = await postCase(t.app, s.as.admin, { ...NAME, caseNumber: 'case-abc-7' });
    expectProblem(res, 409, 'case_number_taken');
    expect(await caseCount(t.runtime, s.organisationId)).toBe(before);
  });
});

describe('cases: two simultaneous registrations with the same case number', () => {
  // On PostgreSQL both requests can pass the early check; the unique index then decides.
  it('answers the loser 409 case_number_taken', async () => {
    const payload = { ...NAME, caseNumber: `RACE-${Date.now()}` };
    const res = await Promise.all([
      postCase(t.app, s.as.admin, payload),
      postCase(t.app, s.as.supervisor, payload),
    ]);
    expect(res.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expectProblem(
      res.find((r) => r.statusCode !== 201)!,
      409,
      'case_number_taken',
    );
  });
});
