/* eslint-disable max-lines -- The brief puts the whole main-route suite (access, locking, input,
   audit) in this one file; split it by concern (e.g. cases.locking.test.ts) once agreed. */
import type { LightMyRequestResponse } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import { ROLES } from '@/policy/roles.ts';
import {
  caseScenario,
  rawJson,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';
import {
  auditSince,
  BAD_FIELDS,
  caseCount,
  caseSnapshot,
  caseVersion,
  expectInvalid,
  lastSeq,
  NAME,
  newOrganisationAdmin,
  NEXT_YEAR,
  postCase,
  registerCase,
  searchAllIds,
  searchCases,
  SENSITIVE,
  SENSITIVE_TEXTS,
  sorted,
  TOMORROW,
} from './cases.fixtures.ts';

/**
 * The main case routes: register, list/search, duplicate check, open, edit. The scenario's case
 * ("Dara Sok") was registered by, so is assigned to, the scenario's caseworker.
 */
let t: TestApp;
let s: CaseScenario;
beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

type Caller = keyof CaseScenario['as'] | 'anonymous';
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES, 'otherCaseworker', 'otherOrgAdmin'];
const session = (c: Caller): Session | null => (c === 'anonymous' ? null : s.as[c]);
const CODE: Record<number, string> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'case_not_found',
};

const open = (who: Session | null, id: string) =>
  request(t.app, who, { method: 'GET', url: `/api/cases/${id}` });
const patch = (who: Session | null, id: string, payload: unknown, headers = {}) =>
  request(t.app, who, { method: 'PATCH', url: `/api/cases/${id}`, payload, headers } as never);
const listIds = async (who: Session, q: Record<string, string> = {}) =>
  (await searchCases(t.app, who, { limit: 100, ...q })).items.map((i) => i.id);
interface Route {
  name: string;
  call: (who: Session | null) => Promise<LightMyRequestResponse>;
  want: Record<Caller, number>;
  /** For 200 answers: whether the scenario's case is in the answer. */
  sees?: (res: LightMyRequestResponse) => boolean;
}
const everyone = (ok: number, refused: Partial<Record<Caller, number>>) =>
  Object.fromEntries(CALLERS.map((c) => [c, refused[c] ?? ok])) as Record<Caller, number>;
const inItems = (res: LightMyRequestResponse) =>
  (res.json().items as { id: string }[]).some((i) => i.id === s.caseId);

const ROUTES: Route[] = [
  {
    name: 'POST /api/cases',
    call: (who) => postCase(t.app, who, { identities: [{ given: 'Lina', family: 'Matrix' }] }),
    want: everyone(201, { anonymous: 401, outreach: 403, viewer: 403 }),
  },
  {
    name: 'GET /api/cases',
    call: (who) => request(t.app, who, { method: 'GET', url: '/api/cases?limit=100' }),
    want: everyone(200, { anonymous: 401, outreach: 403 }),
    sees: inItems,
  },
  {
    name: 'GET /api/cases/duplicates',
    call: (who) =>
      request(t.app, who, { method: 'GET', url: '/api/cases/duplicates?given=Dara&family=Sok' }),
    want: everyone(200, { anonymous: 401, outreach: 403, viewer: 403 }),
    sees: inItems,
  },
  {
    name: 'GET /api/cases/:caseId',
    call: (who) => open(who, s.caseId),
    want: everyone(200, {
      anonymous: 401,
      outreach: 403,
      otherCaseworker: 404,
      otherOrgAdmin: 404,
    }),
  },
  {
    name: 'PATCH /api/cases/:caseId',
    call: async (who) =>
      patch(who, s.caseId, { version: await caseVersion(t.runtime, s.caseId), gender: 'f' }),
    want: everyone(200, {
      anonymous: 401,
      outreach: 403,
      viewer: 403,
      otherCaseworker: 404,
      otherOrgAdmin: 404,
    }),
  },
];

/** Who sees the scenario's case in lists and duplicate warnings. */
const SEES: Record<string, Caller[]> = {
  'GET /api/cases': ['admin', 'supervisor', 'caseworker', 'viewer'],
  // The duplicate warning covers the whole organisation, even unassigned cases.
  'GET /api/cases/duplicates': ['admin', 'supervisor', 'caseworker', 'otherCaseworker'],
};

describe('cases: authorisation matrix', () => {
  it.each(ROUTES.map((r) => [r.name, r] as const))('%s', async (_name, route) => {
    const got: Record<string, number> = {};
    for (const caller of CALLERS) {
      const before = {
        snapshot: await caseSnapshot(t.runtime, s.caseId),
        cases: await caseCount(t.runtime, s.organisationId),
        audit: await auditCount(t.runtime, s.organisationId),
      };
      const res = await route.call(session(caller));
      got[caller] = res.statusCode;
      if (res.statusCode >= 400) {
        expectProblem(res, res.statusCode, CODE[res.statusCode] ?? 'unexpected');
        expect(await caseSnapshot(t.runtime, s.caseId), caller).toBe(before.snapshot);
        expect(await caseCount(t.runtime, s.organisationId), caller).toBe(before.cases);
        expect(await auditCount(t.runtime, s.organisationId), caller).toBe(before.audit);
      } else if (route.sees) {
        expect(route.sees(res), caller).toBe(SEES[route.name]!.includes(caller));
      }
      if (route.name === 'POST /api/cases' && res.statusCode === 201) {
        // Registered in the caller's own organisation only.
        const mine = caller !== 'otherOrgAdmin';
        expect(await caseCount(t.runtime, s.organisationId), caller).toBe(before.cases + +mine);
      }
    }
    expect(got).toEqual(route.want);
  });

  it('hides the sensitive block from viewers, in the case and in lists', async () => {
    const c = await registerCase(t.app, s.as.admin, {
      identities: [{ given: 'Nok', family: 'Sensitive' }],
      ...SENSITIVE,
    });
    for (const role of ['admin', 'supervisor'] as const) {
      const res = await open(s.as[role], c.id);
      expect(res.statusCode).toBe(200);
      expect(res.json().sensitive).toEqual(SENSITIVE);
    }
    const viewed = await open(s.as.viewer, c.id);
    expect(viewed.statusCode).toBe(200);
    expect(viewed.json().sensitive).toBeNull();
    expect(viewed.json().identities[0].given).toBe('Nok');
    const listed = await request(t.app, s.as.viewer, { method: 'GET', url: '/api/cases?q=Nok' });
    expect(listed.json().items.map((i: { id: string }) => i.id)).toContain(c.id);
    for (const text of SENSITIVE_TEXTS) {
      expect(viewed.body).not.toContain(text);
      expect(listed.body).not.toContain(text);
    }
  });

  it('lets caseworkers see and edit only the cases assigned to them', async () => {
    const cw = s.as.caseworker;
    const c = await registerCase(t.app, s.as.admin, {
      identities: [{ given: 'Kanya', family: 'Unassigned' }],
      assigneeIds: [],
    });
    const snapshot = await caseSnapshot(t.runtime, c.id);
    expectProblem(await open(cw, c.id), 404, 'case_not_found');
    expectProblem(await patch(cw, c.id, { version: 1, gender: 'x' }), 404, 'case_not_found');
    expect(await listIds(cw)).not.toContain(c.id);
    expect(await listIds(cw, { q: 'Kanya Unassigned' })).not.toContain(c.id);
    expect(await listIds(cw, { q: c.caseNumber })).not.toContain(c.id);
    expect(await caseSnapshot(t.runtime, c.id)).toBe(snapshot);
    expect((await open(s.as.supervisor, c.id)).statusCode).toBe(200);

    const assigned = await patch(s.as.supervisor, c.id, {
      version: 1,
      assigneeIds: [s.users.caseworker.id],
    });
    expect(assigned.json().assignees.map((a: { id: string }) => a.id)).toEqual([
      s.users.caseworker.id,
    ]);
    expect((await open(cw, c.id)).statusCode).toBe(200);
    expect((await patch(cw, c.id, { version: 2, gender: 'x' })).statusCode).toBe(200);
    expect(await listIds(cw)).toContain(c.id);
    const moved = await patch(s.as.supervisor, c.id, {
      version: 3,
      assigneeIds: [s.users.otherCaseworker.id],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expectProblem(await open(cw, c.id), 404, 'case_not_found');
    expect((await open(s.as.otherCaseworker, c.id)).statusCode).toBe(200);
  });

  it('keeps assigning to supervisors and admins', async () => {
    const cw = s.as.caseworker;
    const before = await caseCount(t.runtime, s.organisationId);
    const toOther = { identities: [{ given: 'Ploy' }], assigneeIds: [s.users.otherCaseworker.id] };
    expectProblem(await postCase(t.app, cw, toOther), 403, 'forbidden');
    expect(await caseCount(t.runtime, s.organisationId)).toBe(before);
    const own = await registerCase(t.app, cw, { identities: [{ given: 'Ploy' }] });
    expect(own.assignees.map((a) => a.id)).toEqual([s.users.caseworker.id]);
    const snapshot = await caseSnapshot(t.runtime, own.id);
    const res = await patch(cw, own.id, { version: 1, assigneeIds: [s.users.otherCaseworker.id] });
    expectProblem(res, 403, 'forbidden');
    expect(await caseSnapshot(t.runtime, own.id)).toBe(snapshot);
  });

  it('lets a read-only API token read cases but not register or edit them', async () => {
    const created = await request(t.app, s.as.admin, {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'reporting', scopes: ['read'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.json().token as string;
    const snapshot = await caseSnapshot(t.runtime, s.caseId);
    const cases = await caseCount(t.runtime, s.organisationId);
    const url = `/api/cases/${s.caseId}`;
    expect((await bearer(t.app, token, { method: 'GET', url })).statusCode).toBe(200);
    const edit = { version: await caseVersion(t.runtime, s.caseId), gender: 'token' };
    const edited = await bearer(t.app, token, { method: 'PATCH', url, payload: edit });
    expectProblem(edited, 403, 'forbidden');
    const payload = { identities: [{ given: 'Token' }] };
    expectProblem(
      await bearer(t.app, token, { method: 'POST', url: '/api/cases', payload }),
      403,
      'forbidden',
    );
    expect(await caseSnapshot(t.runtime, s.caseId)).toBe(snapshot);
    expect(await caseCount(t.runtime, s.organisationId)).toBe(cases);
  });
});

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

describe('cases: bad input', () => {
  it('refuses bad registrations with problem+json, registering nothing', async () => {
    const admin = s.as.admin;
    const before = await caseCount(t.runtime, s.organisationId);
    const malformed = await rawJson(t.app, admin, {
      method: 'POST',
      url: '/api/cases',
      body: '{"identities": [{"given": "A"}',
    });
    expectProblem(malformed, 400, 'malformed_json');
    for (const [label, fields, field] of BAD_FIELDS) {
      expectInvalid(await postCase(t.app, admin, { ...NAME, ...fields }), field, label);
    }
    // Assignees must be members of the organisation who can hold cases.
    for (const id of [s.users.otherOrgAdmin.id, s.users.viewer.id, s.users.outreach.id]) {
      expectInvalid(
        await postCase(t.app, admin, { ...NAME, assigneeIds: [id] }),
        'assigneeIds',
        id,
      );
    }
    const minor = { birthYear: NEXT_YEAR - 11, consent: { decision: 'given', method: 'verbal' } };
    expectInvalid(await postCase(t.app, admin, { ...NAME, ...minor }), 'consent', 'minor');
    const huge = { ...NAME, narrative: 'x'.repeat(1024 * 1024 + 1) };
    expectProblem(await postCase(t.app, admin, huge), 413, 'payload_too_large');
    const taken = await postCase(t.app, admin, { ...NAME, caseNumber: s.caseNumber });
    expectProblem(taken, 409, 'case_number_taken');
    expect(await caseCount(t.runtime, s.organisationId)).toBe(before);
  });

  it('refuses bad edits with problem+json, changing nothing', async () => {
    const c = await registerCase(t.app, s.as.admin, { ...NAME, nationality: 'KHM' });
    const snapshot = await caseSnapshot(t.runtime, c.id);
    const edit = (payload: unknown) => patch(s.as.admin, c.id, payload);
    expectProblem(
      await rawJson(t.app, s.as.admin, {
        method: 'PATCH',
        url: `/api/cases/${c.id}`,
        body: '{"version":1,',
      }),
      400,
      'malformed_json',
    );
    for (const [label, fields, field] of BAD_FIELDS) {
      expectInvalid(await edit({ version: 1, ...fields }), field, label);
    }
    expectInvalid(
      await edit({ version: 1, assigneeIds: [s.users.otherOrgAdmin.id] }),
      'assigneeIds',
      'foreign',
    );
    expectInvalid(await edit({ version: 0, gender: 'x' }), 'version', 'version 0');
    expectInvalid(await edit({ version: '1', gender: 'x' }), 'version', 'version as text');
    expectInvalid(await edit({ version: 1, status: 'archived' }), 'status', 'status');
    const huge = { version: 1, narrative: 'x'.repeat(1024 * 1024 + 1) };
    expectProblem(await edit(huge), 413, 'payload_too_large');
    expect(await caseSnapshot(t.runtime, c.id)).toBe(snapshot);
  });

  it('answers unknown, foreign and malformed case ids like an unknown case', async () => {
    const foreign = await registerCase(t.app, s.as.otherOrgAdmin, {
      identities: [{ given: 'Far' }],
    });
    const snapshot = await caseSnapshot(t.runtime, foreign.id);
    for (const id of [UNKNOWN_ID, 'not-a-uuid', foreign.id, `${s.caseId}x`, 'x'.repeat(64)]) {
      expectProblem(await open(s.as.admin, id), 404, 'case_not_found');
      expectProblem(
        await patch(s.as.admin, id, { version: 1, gender: 'x' }),
        404,
        'case_not_found',
      );
    }
    expect(await caseSnapshot(t.runtime, foreign.id)).toBe(snapshot);
  });

  it('refuses bad list queries with problem+json', async () => {
    const bad: [string, string][] = [
      ['limit=0', 'limit'],
      ['limit=101', 'limit'],
      ['limit=ten', 'limit'],
      ['limit=2.5', 'limit'],
      ['stage=nowhere', 'stage'],
      ['risk=extreme', 'risk'],
      ['status=archived', 'status'],
      ['nationality=tha', 'nationality'],
      ['assignee=someone', 'assignee'],
      [`q=${'a'.repeat(201)}`, 'q'],
      ['sort=risk', 'sort'],
    ];
    for (const [query, field] of bad) {
      const res = await request(t.app, s.as.admin, { method: 'GET', url: `/api/cases?${query}` });
      expectInvalid(res, field, query);
    }
  });
});

describe('cases: audit', () => {
  it('records every opening of a case, by whom, with or without sensitive fields', async () => {
    const seq = await lastSeq(t.runtime);
    for (const who of ['caseworker', 'viewer', 'supervisor', 'caseworker'] as const) {
      expect((await open(s.as[who], s.caseId)).statusCode).toBe(200);
    }
    const reads = (await auditSince(t.runtime, s.organisationId, seq)).filter(
      (a) => a.action === 'case.read',
    );
    expect(reads.map((a) => [a.actor_user_id, a.entity_id, a.details.sensitive])).toEqual([
      [s.users.caseworker.id, s.caseId, true],
      [s.users.viewer.id, s.caseId, false],
      [s.users.supervisor.id, s.caseId, true],
      [s.users.caseworker.id, s.caseId, true],
    ]);
    const log = await request(t.app, s.as.admin, {
      method: 'GET',
      url: `/api/audit?action=case.read&entityId=${s.caseId}&actor=${s.users.viewer.id}`,
    });
    expect(log.statusCode, log.body).toBe(200);
    expect(log.json().items.length).toBeGreaterThanOrEqual(1);
  });

  it('records every search and duplicate check without the name searched for', async () => {
    const name = await registerCase(t.app, s.as.caseworker, {
      identities: [
        { given: 'สมหญิง', family: 'รักไทย', script: 'Thai' },
        { given: 'Somying', family: 'Rakthai', kind: 'transliteration' },
      ],
    });
    const seq = await lastSeq(t.runtime);
    const searches: Record<string, string>[] = [
      { q: 'Somying Rakthai' },
      { q: 'สมหญิง' },
      { q: 'Somying', nationality: 'THA' },
      { q: 'Zzyzx Qwertyuiop' },
      {},
      { q: name.caseNumber },
    ];
    const found: string[][] = [];
    for (const q of searches) {
      found.push((await searchCases(t.app, s.as.caseworker, q)).items.map((i) => i.id));
    }
    expect(found[0]).toContain(name.id);
    const dup = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: '/api/cases/duplicates?given=Somying&family=Rakthai',
    });
    expect(dup.json().items.map((i: { id: string }) => i.id)).toContain(name.id);
    const entries = await auditSince(t.runtime, s.organisationId, seq);
    const logged = entries.filter((a) => a.action === 'case.search');
    expect(logged).toHaveLength(searches.length);
    expect(logged.map((a) => a.actor_user_id)).toEqual(searches.map(() => s.users.caseworker.id));
    // What the search returned is recorded, so a disclosure can be traced.
    expect(logged.map((a) => a.details.caseIds)).toEqual(found);
    expect(entries.filter((a) => a.action === 'case.duplicate_check')).toHaveLength(1);
    const text = JSON.stringify(entries).toLowerCase();
    for (const word of ['somying', 'rakthai', 'สมหญิง', 'รักไทย', 'smhying', 'zzyzx', 'qwerty']) {
      expect(text).not.toContain(word);
    }
  });
});

describe('cases: dates in the future', () => {
  it('refuses a birth year or date in the future on registration and edit', async () => {
    const before = await caseCount(t.runtime, s.organisationId);
    const c = await registerCase(t.app, s.as.admin, NAME);
    const snapshot = await caseSnapshot(t.runtime, c.id);
    for (const [label, fields, field] of [
      ['birth year next year', { birthYear: NEXT_YEAR }, 'birthYear'],
      ['birth year 2100', { birthYear: 2100 }, 'birthYear'],
      ['birth date tomorrow', { birthDate: TOMORROW }, 'birthDate'],
    ] as const) {
      expectInvalid(await postCase(t.app, s.as.admin, { ...NAME, ...fields }), field, label);
      expectInvalid(await patch(s.as.admin, c.id, { version: 1, ...fields }), field, label);
    }
    expect(await caseCount(t.runtime, s.organisationId)).toBe(before + 1);
    expect(await caseSnapshot(t.runtime, c.id)).toBe(snapshot);
  });
});

describe('cases: cursors the server did not make', () => {
  it('answers 400 problem+json for a cursor it did not make', async () => {
    for (let i = 0; i < 2; i++) {
      await registerCase(t.app, s.as.admin, { identities: [{ given: 'Dara', family: 'Cursor' }] });
    }
    const list = (await searchCases(t.app, s.as.admin, { limit: 1 })).nextCursor!;
    const search = (await searchCases(t.app, s.as.admin, { q: 'Dara Cursor', limit: 1 }))
      .nextCursor!;
    expect(list && search).toBeTruthy();
    const encode = (v: string) => Buffer.from(v).toString('base64url');
    for (const [label, query] of [
      ['garbage', 'cursor=%21%21not-a-cursor%21%21'],
      ['not base64', `cursor=${'~'.repeat(20)}`],
      ['encoded nonsense', `cursor=${encode(`not a cursor|${UNKNOWN_ID}`)}`],
      ['truncated', `cursor=${list.slice(0, -6)}`],
      ['list cursor on a name search', `q=Dara%20Cursor&cursor=${list}`],
      ['name-search cursor on the list', `cursor=${search}`],
    ] as const) {
      const res = await request(t.app, s.as.admin, { method: 'GET', url: `/api/cases?${query}` });
      expectInvalid(res, 'cursor', label);
    }
  });
});

describe('cases: listing page by page', () => {
  // Timestamps have microseconds and the cursor milliseconds: a keyset that compares them
  // as they are skips cases changed in the same millisecond as the last one shown.
  it('returns every case exactly once when several share a millisecond', async () => {
    const admin = await newOrganisationAdmin(t.runtime);
    const ids: string[] = [];
    for (const given of ['Anan', 'Boonmee', 'Chai', 'Decha', 'Ekkachai']) {
      ids.push((await registerCase(t.app, admin, { identities: [{ given }] })).id);
    }
    // As a bulk import would leave them: saved within one millisecond.
    await t.runtime.database.query(
      `update cases set updated_at = '2026-01-01 00:00:00.123000+00'::timestamptz
         + (interval '1 microsecond' * (100 + array_position($1::uuid[], id)))
       where id = any($1::uuid[])`,
      [ids],
    );
    const listed = await searchAllIds(t.app, admin, { limit: 2 });
    expect(listed.length).toBe(new Set(listed).size);
    expect(sorted(listed)).toEqual(sorted(ids));
    // And when they share the very same instant (one transaction's now()).
    await t.runtime.database.query(
      `update cases set updated_at = '2026-01-01 00:00:00.123456+00' where id = any($1::uuid[])`,
      [ids],
    );
    expect(sorted(await searchAllIds(t.app, admin, { limit: 2 }))).toEqual(sorted(ids));
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
