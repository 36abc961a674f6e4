import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  CASE_CALLERS,
  caseScenario,
  SCENARIO_TIMEOUT,
  type CaseCaller,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import {
  decide,
  nrmCase,
  nrmClock,
  nrmRows,
  postReferral,
  refer,
  GBR_CASE,
  type NrmClock,
} from './nrm.fixtures.ts';

/**
 * Who may call each NRM route: every role, a caseworker the case is not assigned to and another
 * organisation's admin (404, like an unknown id). Bad input: nrm-input.routes.test.ts.
 */
type Caller = CaseCaller;
const CALLERS = CASE_CALLERS;
const { NOW, GBR, RG } = GBR_CASE;

let t: TestApp;
let s: CaseScenario;
let nc: NrmClock;

beforeAll(async () => {
  t = await testApp();
  nc = await nrmClock(t.runtime, NOW);
  s = await caseScenario(t.runtime, nc.app);
}, SCENARIO_TIMEOUT);

afterAll(async () => {
  await nc.app.close();
});

const as = (c: Caller) => (c === 'anonymous' ? Promise.resolve(null) : nc.as(s.users[c]));
const fresh = async () => refer(nc.app, await nc.as(s.users.caseworker), s.caseId, GBR);

interface Route {
  name: string;
  expected: Partial<Record<Caller, number>>;
  call: (c: Caller) => Promise<number>;
}
const SCOPED = { anonymous: 401, otherCaseworker: 404, otherOrgAdmin: 404 };
const ROUTES: Route[] = [
  {
    name: 'POST /api/cases/:caseId/nrm-referrals',
    expected: { admin: 201, supervisor: 201, caseworker: 201, ...SCOPED },
    call: async (c) => (await postReferral(nc.app, await as(c), s.caseId, GBR)).statusCode,
  },
  {
    name: 'GET /api/cases/:caseId/nrm-referrals',
    expected: { admin: 200, supervisor: 200, caseworker: 200, viewer: 200, ...SCOPED },
    call: async (c) =>
      (
        await request(nc.app, await as(c), {
          method: 'GET',
          url: `/api/cases/${s.caseId}/nrm-referrals`,
        })
      ).statusCode,
  },
  {
    name: 'PATCH /api/cases/:caseId/nrm-referrals/:id',
    expected: { admin: 200, supervisor: 200, caseworker: 200, ...SCOPED },
    call: async (c) => (await decide(nc.app, await as(c), await fresh(), RG)).statusCode,
  },
  {
    name: 'GET /api/nrm-referrals',
    expected: { ...SCOPED, admin: 200, supervisor: 200, caseworker: 200, viewer: 200 },
    call: async (c) =>
      (await request(nc.app, await as(c), { method: 'GET', url: '/api/nrm-referrals' })).statusCode,
  },
  {
    name: 'GET /api/nrm/settings',
    expected: { anonymous: 401, admin: 200, supervisor: 200, caseworker: 200, viewer: 200 },
    call: async (c) =>
      (await request(nc.app, await as(c), { method: 'GET', url: '/api/nrm/settings' })).statusCode,
  },
  {
    name: 'PATCH /api/nrm/settings',
    expected: { anonymous: 401, admin: 200, otherOrgAdmin: 200 },
    call: async (c) =>
      (
        await request(nc.app, await as(c), {
          method: 'PATCH',
          url: '/api/nrm/settings',
          payload: { upcomingDays: 7 },
        })
      ).statusCode,
  },
  {
    name: 'GET /api/nrm/jurisdictions',
    expected: { anonymous: 401, admin: 200, supervisor: 200, caseworker: 200, viewer: 200 },
    call: async (c) =>
      (await request(nc.app, await as(c), { method: 'GET', url: '/api/nrm/jurisdictions' }))
        .statusCode,
  },
];
// Organisation-wide (no case in the URL): the other organisation's members are answered too.
for (const i of [3, 4, 6]) {
  ROUTES[i]!.expected = { ...ROUTES[i]!.expected, otherCaseworker: 200, otherOrgAdmin: 200 };
}

describe('NRM case routes × callers', () => {
  it.each(ROUTES)('$name', async (route) => {
    const got: Partial<Record<Caller, number>> = {};
    const want: Partial<Record<Caller, number>> = {};
    for (const c of CALLERS) {
      got[c] = await route.call(c);
      want[c] = route.expected[c] ?? 403;
    }
    expect(got).toEqual(want);
  });

  it('another organisation’s referral id under one’s own case is not found', async () => {
    const ours = await fresh();
    const theirs = await nrmCase(nc.app, await nc.as(s.users.otherOrgAdmin));
    const res = await decide(
      nc.app,
      await nc.as(s.users.otherOrgAdmin),
      {
        caseId: theirs.id,
        id: ours.id,
      },
      RG,
    );
    expectProblem(res, 404, 'nrm_referral_not_found');
    // Nor is a referral of another case of one's own organisation reached through this case.
    const other = await nrmCase(nc.app, await nc.as(s.users.caseworker));
    const moved = await decide(
      nc.app,
      await nc.as(s.users.admin),
      { caseId: other.id, id: ours.id },
      RG,
    );
    expectProblem(moved, 404, 'nrm_referral_not_found');
  });

  it('API tokens: a read token lists referrals but records none', async () => {
    const created = await request(nc.app, await nc.as(s.users.caseworker), {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'nrm read', scopes: ['read'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const token = created.json<{ token: string }>().token;
    const url = `/api/cases/${s.caseId}/nrm-referrals`;
    expect((await bearer(nc.app, token, { method: 'GET', url })).statusCode).toBe(200);
    const before = await nrmRows(t.runtime, s.caseId);
    expectProblem(
      await bearer(nc.app, token, { method: 'POST', url, payload: GBR }),
      403,
      'forbidden',
    );
    expect(await nrmRows(t.runtime, s.caseId)).toEqual(before);
  });
});
