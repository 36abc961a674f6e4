import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  clockedApp,
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { auditCount, buildSession } from '@test/support/factories.ts';
import {
  caseScenario,
  rawJson,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import type { Draft } from './drafts.schema.ts';

let t: TestApp;
let s: CaseScenario;
const SECRET = 'Met at the bus station in Mae Sot';
const noteKey = () => `case:${s.caseId}:note`;
const url = (key: string) => `/api/drafts/${encodeURIComponent(key)}`;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

type Who = keyof CaseScenario['as'];

function put(who: Session | null, key: string, payload: unknown) {
  return request(t.app, who, { method: 'PUT', url: url(key), payload });
}
function get(who: Session | null, key: string) {
  return request(t.app, who, { method: 'GET', url: url(key) });
}

async function draftRows(userId: string): Promise<{ body_enc: string; version: number }[]> {
  return t.runtime.database.query(
    'select body_enc, version from form_drafts where user_id = $1 order by created_at',
    [userId],
  );
}

describe('drafts: saving and reading back', () => {
  it('keeps a note draft encrypted, returns it only to its owner, and audits on the case', async () => {
    const first = await put(s.as.caseworker, noteKey(), { data: { body: SECRET } });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<Draft>()).toMatchObject({ formKey: noteKey(), version: 1 });
    const second = await put(s.as.caseworker, noteKey(), {
      data: { body: `${SECRET}.`, visibility: 'team' },
      version: 1,
    });
    expect(second.json<Draft>().version).toBe(2);

    const read = await get(s.as.caseworker, noteKey());
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json<Draft>().data).toEqual({ body: `${SECRET}.`, visibility: 'team' });

    const rows = await draftRows(s.users.caseworker.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.body_enc.startsWith('hw1.')).toBe(true);
    expect(rows[0]!.body_enc).not.toContain('Mae Sot');

    const audit = await t.runtime.database.query<{ action: string; entity_id: string }>(
      `select action, entity_id, details from audit_events where organisation_id = $1
       and action like 'draft.%' and actor_user_id = $2 order by seq`,
      [s.organisationId, s.users.caseworker.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['draft.save', 'draft.save', 'draft.read']);
    expect(audit.every((a) => a.entity_id === s.caseId)).toBe(true);
    expect(JSON.stringify(audit)).not.toContain('Mae Sot');
  });

  it('refuses a save from a tab that did not see the latest version, changing nothing', async () => {
    const key = `case:${s.caseId}:needs`;
    expect((await put(s.as.caseworker, key, { data: { a: 'tab one' } })).statusCode).toBe(200);
    for (const version of [undefined, 0, 5]) {
      const res = await put(s.as.caseworker, key, { data: { a: 'tab two' }, version });
      expectProblem(res, 409, 'version_conflict');
    }
    expect((await get(s.as.caseworker, key)).json<Draft>()).toMatchObject({
      data: { a: 'tab one' },
      version: 1,
    });
  });

  it('never shows a draft to anyone but its owner, even a supervisor of the case', async () => {
    const key = `case:${s.caseId}:plan`;
    await put(s.as.caseworker, key, { data: { action: SECRET } });
    expectProblem(await get(s.as.supervisor, key), 404, 'draft_not_found');
    expectProblem(await get(s.as.admin, key), 404, 'draft_not_found');
    // The supervisor's own draft of the same form is another draft.
    expect((await put(s.as.supervisor, key, { data: { action: 'mine' } })).statusCode).toBe(200);
    expect((await get(s.as.caseworker, key)).json<Draft>().data).toEqual({ action: SECRET });
  });

  it('deletes a draft (saved or discarded), audited, and deleting none succeeds', async () => {
    const key = `case:${s.caseId}:task`;
    await put(s.as.caseworker, key, { data: { title: 'Call the embassy' } });
    const del = await request(t.app, s.as.caseworker, { method: 'DELETE', url: url(key) });
    expect(del.statusCode, del.body).toBe(204);
    expectProblem(await get(s.as.caseworker, key), 404, 'draft_not_found');
    const again = await request(t.app, s.as.caseworker, { method: 'DELETE', url: url(key) });
    expect(again.statusCode).toBe(204);
    const [row] = await t.runtime.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where organisation_id = $1
       and action = 'draft.delete' and entity_id = $2`,
      [s.organisationId, s.caseId],
    );
    expect(row!.n).toBe(1);
  });
});

describe('drafts: who may keep one', () => {
  const CASE_FORM: [Who | null, number, string | null][] = [
    [null, 401, 'unauthenticated'],
    ['admin', 200, null],
    ['supervisor', 200, null],
    ['caseworker', 200, null],
    ['outreach', 403, 'forbidden'],
    ['viewer', 403, 'forbidden'],
    ['otherCaseworker', 404, 'case_not_found'],
    ['otherOrgAdmin', 404, 'case_not_found'],
  ];

  it.each(CASE_FORM)('a case form as %s: %i', async (who, status, code) => {
    const session = who ? s.as[who] : null;
    const key = `case:${s.caseId}:edit`;
    for (const res of [
      await put(session, key, { data: { x: 1 } }),
      await get(session, key),
      await request(t.app, session, { method: 'DELETE', url: url(key) }),
    ]) {
      if (code) {
        expectProblem(res, status, code);
      } else {
        expect(res.statusCode, res.body).toBeLessThan(300);
      }
    }
  });

  it.each([
    ['admin', 200],
    ['supervisor', 200],
    ['caseworker', 200],
    ['otherOrgAdmin', 200],
    ['outreach', 403],
    ['viewer', 403],
  ] as const)('the registration form as %s: %i', async (who, status) => {
    const res = await put(s.as[who], 'register', { data: { given: 'Dara' } });
    if (status === 403) {
      expectProblem(res, 403, 'forbidden');
    } else {
      expect(res.statusCode, res.body).toBe(200);
      expect((await get(s.as[who], 'register')).json<Draft>().data).toEqual({ given: 'Dara' });
    }
  });

  it('a consent draft needs consent.record, and the registration draft is audited on itself', async () => {
    const res = await put(s.as.caseworker, `case:${s.caseId}:consent`, { data: { d: 'yes' } });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.runtime.database.query<{ entity_type: string; entity_id: string }>(
      `select entity_type, entity_id from audit_events where actor_user_id = $1
       and action = 'draft.save' and details->>'form' = 'register'`,
      [s.users.caseworker.id],
    );
    const [draft] = await t.runtime.database.query<{ id: string }>(
      `select id from form_drafts where user_id = $1 and form_key = 'register'`,
      [s.users.caseworker.id],
    );
    expect(row).toEqual({ entity_type: 'draft', entity_id: draft!.id });
  });

  it('a caseworker unassigned from the case can no longer read their own draft of it', async () => {
    const key = `case:${s.caseId}:note`;
    const cw = s.users.otherCaseworker;
    await t.runtime.database.query(
      'insert into case_assignments (case_id, user_id, organisation_id) values ($1, $2, $3)',
      [s.caseId, cw.id, s.organisationId],
    );
    const session = await buildSession(t.runtime, cw);
    expect((await put(session, key, { data: { body: SECRET } })).statusCode).toBe(200);
    await t.runtime.database.query(
      'delete from case_assignments where case_id = $1 and user_id = $2',
      [s.caseId, cw.id],
    );
    expectProblem(await get(session, key), 404, 'case_not_found');
  });

  it('API tokens of every scope are refused: drafts are for people in a browser session', async () => {
    const created = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'drafts', scopes: ['read', 'write', 'sensitive'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.json<{ token: string }>().token;
    const before = await draftRows(s.users.caseworker.id);
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const res = await bearer(t.app, token, {
        method,
        url: url(noteKey()),
        ...(method === 'PUT' && { payload: { data: { body: 'x' }, version: 2 } }),
      });
      expectProblem(res, 403, 'session_required');
    }
    expect(await draftRows(s.users.caseworker.id)).toEqual(before);
  });
});

describe('drafts: bad input changes nothing', () => {
  it('refuses malformed JSON, bad form keys, wrong types, oversize bodies and unknown cases', async () => {
    const cw = s.as.caseworker;
    const rowsBefore = await draftRows(s.users.caseworker.id);
    const audits = await auditCount(t.runtime, s.organisationId);
    expectProblem(
      await rawJson(t.app, cw, { method: 'PUT', url: url(noteKey()), body: '{"data":{' }),
      400,
      'malformed_json',
    );
    for (const key of [
      'nothing',
      'case:not-a-uuid:note',
      `case:${s.caseId}:secret`,
      `case:${s.caseId.toUpperCase()}:note`,
      `register:${s.caseId}`,
    ]) {
      expectProblem(await put(cw, key, { data: {} }), 400, 'validation_failed');
      expectProblem(await get(cw, key), 400, 'validation_failed');
    }
    for (const payload of [
      {},
      { data: 'text' },
      { data: [] },
      { data: {}, version: -1 },
      { data: {}, version: 1.5 },
      { data: {}, extra: true },
    ]) {
      expectProblem(await put(cw, noteKey(), payload), 400, 'validation_failed');
    }
    const big = 'ก'.repeat(23_000); // 69 000 bytes in UTF-8: over 64 KB, under the body limit
    expectProblem(await put(cw, noteKey(), { data: { body: big } }), 413, 'payload_too_large');
    const huge = 'x'.repeat(200_000);
    expectProblem(await put(cw, noteKey(), { data: { body: huge } }), 413, 'payload_too_large');
    expectProblem(await put(cw, `case:${UNKNOWN_ID}:note`, { data: {} }), 404, 'case_not_found');
    expect(await draftRows(s.users.caseworker.id)).toEqual(rowsBefore);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audits);
  });

  it('a draft moved to another owner no longer opens', async () => {
    const key = `case:${s.caseId}:consent`;
    await put(s.as.supervisor, key, { data: { d: SECRET } });
    await t.runtime.database.query(
      `update form_drafts set user_id = $1 where user_id = $2 and form_key = $3`,
      [s.users.admin.id, s.users.supervisor.id, key],
    );
    expectProblem(await get(s.as.admin, key), 404, 'draft_not_found');
  });
});

describe('drafts: expiry', () => {
  it('is not returned after 14 days and is purged from the database', async () => {
    const { app, clock } = await clockedApp(t.runtime);
    try {
      const key = `case:${s.caseId}:needs`;
      const session = await buildSession(t.runtime, s.users.admin, { now: clock.now });
      const saved = await request(app, session, {
        method: 'PUT',
        url: url(key),
        payload: { data: { safety: 'high' } },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      clock.advance(13 * 24 * 60 * 60_000);
      // A session lasts 12 hours: new ones, as after logging in again.
      const next = await buildSession(t.runtime, s.users.admin, { now: clock.now });
      expect((await request(app, next, { method: 'GET', url: url(key) })).statusCode).toBe(200);
      clock.advance(2 * 24 * 60 * 60_000);
      const later = await buildSession(t.runtime, s.users.admin, { now: clock.now });
      expectProblem(
        await request(app, later, { method: 'GET', url: url(key) }),
        404,
        'draft_not_found',
      );
      const rows = await t.runtime.database.query(
        'select id from form_drafts where user_id = $1 and form_key = $2',
        [s.users.admin.id, key],
      );
      expect(rows).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('is deleted when a server starts, without anyone using drafts', async () => {
    const key = `case:${s.caseId}:edit`;
    const saved = await put(s.as.admin, key, { data: { estimatedAge: '24' } });
    expect(saved.statusCode, saved.body).toBe(200);
    const stored = () =>
      t.runtime.database.query('select id from form_drafts where user_id = $1 and form_key = $2', [
        s.users.admin.id,
        key,
      ]);
    expect(await stored()).toHaveLength(1);
    const { app } = await clockedApp(t.runtime, new Date(Date.now() + 15 * 24 * 60 * 60_000));
    try {
      expect(await stored()).toEqual([]);
    } finally {
      await app.close();
    }
  });
});
