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
import {
  CASE_CALLERS,
  caseScenario,
  SCENARIO_TIMEOUT,
  type CaseCaller,
  type CaseScenario,
} from './case-tasks.fixtures.ts';
import { listIds, openCase, patchCase } from './cases-routes.fixtures.ts';
import {
  caseCount,
  caseSnapshot,
  caseVersion,
  postCase,
  registerCase,
  SENSITIVE,
  SENSITIVE_TEXTS,
} from './cases.fixtures.ts';

/**
 * Who may register, list, check for duplicates, open and edit cases: every role, no session,
 * another organisation, assignment and API token scopes. The scenario's case ("Dara Sok") was
 * registered by, so is assigned to, the scenario's caseworker.
 */
let t: TestApp;
let s: CaseScenario;
beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

type Caller = CaseCaller;
const CALLERS = CASE_CALLERS;
const session = (c: Caller): Session | null => (c === 'anonymous' ? null : s.as[c]);
const CODE: Record<number, string> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'case_not_found',
};

const open = (who: Session | null, id: string) => openCase(t.app, who, id);
const patch = (who: Session | null, id: string, payload: unknown) =>
  patchCase(t.app, who, id, { payload });
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
    expect(await listIds(t.app, cw)).not.toContain(c.id);
    expect(await listIds(t.app, cw, { q: 'Kanya Unassigned' })).not.toContain(c.id);
    expect(await listIds(t.app, cw, { q: c.caseNumber })).not.toContain(c.id);
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
    expect(await listIds(t.app, cw)).toContain(c.id);
    const moved = await patch(s.as.supervisor, c.id, {
      version: 3,
      assigneeIds: [s.users.otherCaseworker.id],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expectProblem(await open(cw, c.id), 404, 'case_not_found');
    expect((await open(s.as.otherCaseworker, c.id)).statusCode).toBe(200);
  });

  it('refuses a caseworker registering a case for someone else', async () => {
    const cw = s.as.caseworker;
    const before = await caseCount(t.runtime, s.organisationId);
    const toOther = { identities: [{ given: 'Ploy' }], assigneeIds: [s.users.otherCaseworker.id] };
    expectProblem(await postCase(t.app, cw, toOther), 403, 'forbidden');
    expect(await caseCount(t.runtime, s.organisationId)).toBe(before);
  });

  it('assigns a caseworker their own registration and refuses them reassigning it', async () => {
    const cw = s.as.caseworker;
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
