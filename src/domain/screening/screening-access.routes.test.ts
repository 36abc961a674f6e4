import { beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { unique } from '@test/support/factories.ts';
import {
  CASE_CALLERS,
  caseScenario,
  SCENARIO_TIMEOUT,
  type CaseCaller,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import type { Screening } from './screening-views.schema.ts';
import { newCase, ownInstrument, palermo, screen, screeningRows } from './screening.fixtures.ts';

/**
 * Who may call each screening route: every role of the organisation, a caseworker the case is
 * not assigned to, another organisation's admin (404, like an unknown id) and nobody (401).
 * Viewers read screenings; viewers and outreach staff never screen; only supervisors and
 * admins approve; only admins publish their organisation's instruments.
 */
type Caller = CaseCaller;
const CALLERS = CASE_CALLERS;

let t: TestApp;
let s: CaseScenario;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

const base = () => `/api/cases/${s.caseId}/screenings`;
const session = (c: Caller) => (c === 'anonymous' ? null : s.as[c]);

interface Route {
  name: string;
  /** Status per caller; everyone not named gets `otherwise`. */
  expected: Partial<Record<Caller, number>>;
  otherwise: number;
  call: (c: Caller) => Promise<number>;
}

const READERS = { admin: 200, supervisor: 200, caseworker: 200, viewer: 200 };
const CASE_SCOPED = { anonymous: 401, otherCaseworker: 404, otherOrgAdmin: 404 };

/** A fresh screening of the scenario's case, for a route that changes it. */
async function fresh(status: 'in_progress' | 'complete'): Promise<string> {
  return (await screen(t.app, s.as.caseworker, s.caseId, { ...palermo('yes'), status })).id;
}

const ROUTES: Route[] = [
  {
    name: 'GET /api/screening/instruments',
    expected: { ...READERS, otherCaseworker: 200, otherOrgAdmin: 200, anonymous: 401 },
    otherwise: 403,
    call: async (c) =>
      (await request(t.app, session(c), { method: 'GET', url: '/api/screening/instruments' }))
        .statusCode,
  },
  ...['versions', 'versions/1/document'].map((path): Route => ({
    name: `GET /api/screening/instruments/:id/${path}`,
    expected: { ...READERS, otherCaseworker: 200, otherOrgAdmin: 200, anonymous: 401 },
    otherwise: 403,
    call: async (c) =>
      (
        await request(t.app, session(c), {
          method: 'GET',
          url: `/api/screening/instruments/palermo-elements/${path}`,
        })
      ).statusCode,
  })),
  {
    name: 'POST /api/screening/instruments (own)',
    expected: { admin: 201, otherOrgAdmin: 201, anonymous: 401 },
    otherwise: 403,
    call: async (c) =>
      (
        await request(t.app, session(c), {
          method: 'POST',
          url: '/api/screening/instruments',
          payload: ownInstrument(`acl-${unique()}`, 1),
        })
      ).statusCode,
  },
  {
    name: 'POST /api/cases/:id/screenings',
    expected: { admin: 201, supervisor: 201, caseworker: 201, ...CASE_SCOPED },
    otherwise: 403,
    call: async (c) =>
      (await request(t.app, session(c), { method: 'POST', url: base(), payload: palermo('yes') }))
        .statusCode,
  },
  {
    name: 'GET /api/cases/:id/screenings',
    expected: { ...READERS, ...CASE_SCOPED },
    otherwise: 403,
    call: async (c) =>
      (await request(t.app, session(c), { method: 'GET', url: base() })).statusCode,
  },
  {
    name: 'GET /api/cases/:id/screenings/:sid',
    expected: { ...READERS, ...CASE_SCOPED },
    otherwise: 403,
    call: async (c) => {
      const url = `${base()}/${await fresh('complete')}`;
      return (await request(t.app, session(c), { method: 'GET', url })).statusCode;
    },
  },
  {
    name: 'PATCH /api/cases/:id/screenings/:sid',
    expected: { admin: 200, supervisor: 200, caseworker: 200, ...CASE_SCOPED },
    otherwise: 403,
    call: async (c) => {
      const url = `${base()}/${await fresh('in_progress')}`;
      const payload = { version: 1, status: 'complete' };
      return (await request(t.app, session(c), { method: 'PATCH', url, payload })).statusCode;
    },
  },
  {
    name: 'POST /api/cases/:id/screenings/:sid/approve',
    // A caseworker may not approve at all, so the case's visibility is never asked.
    expected: { admin: 200, supervisor: 200, ...CASE_SCOPED, otherCaseworker: 403 },
    otherwise: 403,
    call: async (c) => {
      const url = `${base()}/${await fresh('complete')}/approve`;
      return (await request(t.app, session(c), { method: 'POST', url })).statusCode;
    },
  },
];

describe('screening routes × callers', () => {
  it.each(ROUTES)('$name', async (route) => {
    const got: Partial<Record<Caller, number>> = {};
    const want: Partial<Record<Caller, number>> = {};
    for (const c of CALLERS) {
      got[c] = await route.call(c);
      want[c] = route.expected[c] ?? route.otherwise;
    }
    expect(got).toEqual(want);
  });

  it('another organisation’s screening id on one’s own case is not found', async () => {
    const theirs = await newCase(t.app, s.as.otherOrgAdmin);
    const ours = await screen(t.app, s.as.caseworker, s.caseId, palermo('yes'));
    for (const [method, suffix] of [
      ['GET', ''],
      ['PATCH', ''],
      ['POST', '/approve'],
    ] as const) {
      const res = await request(t.app, s.as.otherOrgAdmin, {
        method,
        url: `/api/cases/${theirs}/screenings/${ours.id}${suffix}`,
        ...(method === 'PATCH' && { payload: { version: 1, statement: 'x' } }),
      });
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
      expect(res.json()).toMatchObject({ code: 'screening_not_found' });
    }
    // Nor does our own case list show it to them, or theirs show ours.
    const list = await request(t.app, s.as.otherOrgAdmin, {
      method: 'GET',
      url: `/api/cases/${theirs}/screenings`,
    });
    expect(list.json()).toEqual({ items: [] });
  });

  it('API tokens: read scope reads without notes, sensitive scope adds them, neither writes', async () => {
    const note = 'Seen at the Golden Fortune compound';
    const made = await screen(t.app, s.as.caseworker, s.caseId, {
      ...palermo('yes'),
      answers: [{ indicatorId: 'PAL-01', answer: 'yes', evidence: { kind: 'observation', note } }],
    });
    const token = async (scopes: string[]) => {
      const res = await request(t.app, s.as.admin, {
        method: 'POST',
        url: '/api/tokens',
        payload: { name: `screening ${scopes.join(' ')}`, scopes },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ token: string }>().token;
    };
    const url = `${base()}/${made.id}`;
    const read = await token(['read']);
    const readView = await bearer(t.app, read, { method: 'GET', url });
    expect(readView.statusCode, readView.body).toBe(200);
    expect(readView.json<Screening>().answers[0]!.evidence).toEqual({
      kind: 'observation',
      note: null,
    });
    const sensitive = await token(['read', 'sensitive']);
    const full = await bearer(t.app, sensitive, { method: 'GET', url });
    expect(full.json<Screening>().answers[0]!.evidence?.note).toBe(note);
    const rows = await screeningRows(t.runtime, s.caseId);
    for (const tk of [read, sensitive]) {
      expectProblem(
        await bearer(t.app, tk, { method: 'POST', url: base(), payload: palermo('yes') }),
        403,
        'forbidden',
      );
      expectProblem(
        await bearer(t.app, tk, { method: 'POST', url: `${url}/approve` }),
        403,
        'forbidden',
      );
    }
    expect(await screeningRows(t.runtime, s.caseId)).toEqual(rows);
  });
});
