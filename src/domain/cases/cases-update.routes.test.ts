import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectProblem, testApp, type Session, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import {
  caseScenario,
  rawJson,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';
import type { Case } from './case-views.schema.ts';
import { openCase, patchCase } from './cases-routes.fixtures.ts';
import {
  BAD_FIELDS,
  caseSnapshot,
  expectInvalid,
  NAME,
  NEXT_YEAR,
  registerCase,
  TOMORROW,
} from './cases.fixtures.ts';

/** PATCH /api/cases/:caseId: optimistic locking and what an edit refuses. */
let t: TestApp;
let s: CaseScenario;
beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

const open = (who: Session | null, id: string) => openCase(t.app, who, id);
const patch = (who: Session | null, id: string, payload: unknown, headers = {}) =>
  patchCase(t.app, who, id, { payload, headers });

describe('cases: optimistic locking', () => {
  const fresh = () => registerCase(t.app, s.as.caseworker, { identities: [{ given: 'Lock' }] });

  it('refuses a second edit based on the same version, keeping the first', async () => {
    const c = await fresh();
    const first = await patch(s.as.caseworker, c.id, { version: 1, gender: 'woman' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, gender: 'woman' });
    expect(first.headers.etag).toBe('"2"');
    const audit = await auditCount(t.runtime, s.organisationId);
    const snapshot = await caseSnapshot(t.runtime, c.id);
    const second = await patch(s.as.supervisor, c.id, { version: 1, gender: 'non-binary' });
    expectProblem(second, 409, 'version_conflict');
    expect(await caseSnapshot(t.runtime, c.id)).toBe(snapshot);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audit);
    expect((await open(s.as.caseworker, c.id)).json()).toMatchObject({
      version: 2,
      gender: 'woman',
    });
  });

  it('lets exactly one of two simultaneous edits win', async () => {
    const c = await fresh();
    const [a, b] = await Promise.all([
      patch(s.as.caseworker, c.id, { version: 1, gender: 'a' }),
      patch(s.as.supervisor, c.id, { version: 1, gender: 'b' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const winner = a.statusCode === 200 ? 'a' : 'b';
    expect((await open(s.as.caseworker, c.id)).json()).toMatchObject({
      version: 2,
      gender: winner,
    });
  });

  it('accepts the version as If-Match (the ETag of the case)', async () => {
    const c = await fresh();
    const opened = await open(s.as.caseworker, c.id);
    expect(opened.headers.etag).toBe('"1"');
    const ok = await patch(
      s.as.caseworker,
      c.id,
      { gender: 'x' },
      { 'if-match': opened.headers.etag },
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('"2"');
    const snapshot = await caseSnapshot(t.runtime, c.id);
    const stale = await patch(s.as.caseworker, c.id, { gender: 'y' }, { 'if-match': '"1"' });
    expectProblem(stale, 409, 'version_conflict');
    expect(await caseSnapshot(t.runtime, c.id)).toBe(snapshot);
  });

  it('requires a version (428) and changes nothing without one', async () => {
    const c = await fresh();
    const snapshot = await caseSnapshot(t.runtime, c.id);
    expectProblem(await patch(s.as.caseworker, c.id, { gender: 'x' }), 428, 'version_required');
    const junk = await patch(s.as.caseworker, c.id, { gender: 'x' }, { 'if-match': 'soon' });
    expectProblem(junk, 428, 'version_required');
    expect(await caseSnapshot(t.runtime, c.id)).toBe(snapshot);
  });
});

describe('cases: bad edits (problem+json, changing nothing)', () => {
  let c: Case;
  let snapshot: string;
  beforeAll(async () => {
    c = await registerCase(t.app, s.as.admin, { ...NAME, nationality: 'KHM' });
  });
  beforeEach(async () => {
    snapshot = await caseSnapshot(t.runtime, c.id);
  });
  const edit = (payload: unknown) => patch(s.as.admin, c.id, payload);
  const changedNothing = async () => expect(await caseSnapshot(t.runtime, c.id)).toBe(snapshot);

  it('refuses malformed JSON', async () => {
    expectProblem(
      await rawJson(t.app, s.as.admin, {
        method: 'PATCH',
        url: `/api/cases/${c.id}`,
        body: '{"version":1,',
      }),
      400,
      'malformed_json',
    );
    await changedNothing();
  });

  it('refuses each invalid field, naming it', async () => {
    for (const [label, fields, field] of BAD_FIELDS) {
      expectInvalid(await edit({ version: 1, ...fields }), field, label);
    }
    await changedNothing();
  });

  it("refuses another organisation's member as assignee", async () => {
    expectInvalid(
      await edit({ version: 1, assigneeIds: [s.users.otherOrgAdmin.id] }),
      'assigneeIds',
      'foreign',
    );
    await changedNothing();
  });

  it('refuses a version that is not a positive integer', async () => {
    expectInvalid(await edit({ version: 0, gender: 'x' }), 'version', 'version 0');
    expectInvalid(await edit({ version: '1', gender: 'x' }), 'version', 'version as text');
    await changedNothing();
  });

  it('refuses an unknown status', async () => {
    expectInvalid(await edit({ version: 1, status: 'archived' }), 'status', 'status');
    await changedNothing();
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const huge = { version: 1, narrative: 'x'.repeat(1024 * 1024 + 1) };
    expectProblem(await edit(huge), 413, 'payload_too_large');
    await changedNothing();
  });

  it('refuses a birth year or date in the future', async () => {
    for (const [label, fields, field] of [
      ['birth year next year', { birthYear: NEXT_YEAR }, 'birthYear'],
      ['birth year 2100', { birthYear: 2100 }, 'birthYear'],
      ['birth date tomorrow', { birthDate: TOMORROW }, 'birthDate'],
    ] as const) {
      expectInvalid(await edit({ version: 1, ...fields }), field, label);
    }
    await changedNothing();
  });
});

describe('cases: edits of cases the caller cannot reach', () => {
  it('answers unknown, foreign and malformed case ids like an unknown case', async () => {
    const foreign = await registerCase(t.app, s.as.otherOrgAdmin, {
      identities: [{ given: 'Far' }],
    });
    const snapshot = await caseSnapshot(t.runtime, foreign.id);
    for (const id of [UNKNOWN_ID, 'not-a-uuid', foreign.id, `${s.caseId}x`, 'x'.repeat(64)]) {
      expectProblem(
        await patch(s.as.admin, id, { version: 1, gender: 'x' }),
        404,
        'case_not_found',
      );
    }
    expect(await caseSnapshot(t.runtime, foreign.id)).toBe(snapshot);
  });
});
