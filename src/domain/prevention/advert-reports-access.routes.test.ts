import { beforeAll, describe, expect, it } from 'vitest';
import { CALLERS, type Caller as AccessCaller } from '@test/support/callers.ts';
import { request, testApp, type TestApp } from '@test/support/build-app.ts';
import { SCENARIO_TIMEOUT } from '@/domain/cases/case-tasks.fixtures.ts';
import {
  advertScenario,
  advertText,
  report,
  reportIdByTitle,
  type AdvertScenario,
} from './advert-reports.fixtures.ts';

/**
 * Who may call each reported-advert route: every role of the organisation assigned to the
 * report's country, another organisation's admin (404 for the report, not listed) and nobody
 * (401). Assigning countries is a platform admin's, in a browser session.
 */
type Caller = AccessCaller | 'anonymous';

let t: TestApp;
let s: AdvertScenario;
let khmReport: string;
const title = `Typing job ${Math.random()}`;

beforeAll(async () => {
  t = await testApp();
  s = await advertScenario(t.runtime, t.app);
  const res = await report(t.app, { text: advertText(), title, destination: 'Cambodia' });
  expect(res.statusCode).toBe(202);
  khmReport = (await reportIdByTitle(t.app, s.sessions.outreach, title))!;
  expect(khmReport).toBeDefined();
}, SCENARIO_TIMEOUT);

const as = (c: Caller) => (c === 'anonymous' ? null : s.sessions[c]);
const READERS = { admin: 200, supervisor: 200, outreach: 200, caseworker: 403, viewer: 403 };

interface Route {
  name: string;
  expected: Record<Caller, number>;
  method: string;
  url: () => string;
  payload?: unknown;
}
const ROUTES: Route[] = [
  {
    name: 'GET /api/prevention/reports',
    method: 'GET',
    url: () => '/api/prevention/reports',
    expected: { anonymous: 401, ...READERS, otherOrgAdmin: 200, platformAdmin: 200 },
  },
  {
    name: 'GET /api/prevention/reports/:id',
    method: 'GET',
    url: () => `/api/prevention/reports/${khmReport}`,
    expected: { anonymous: 401, ...READERS, otherOrgAdmin: 404, platformAdmin: 404 },
  },
  {
    name: 'PATCH /api/prevention/reports/:id',
    method: 'PATCH',
    url: () => `/api/prevention/reports/${khmReport}`,
    payload: { status: 'reviewed', note: 'Seen before' },
    expected: { anonymous: 401, ...READERS, otherOrgAdmin: 404, platformAdmin: 404 },
  },
  {
    name: 'GET /api/prevention/indicators',
    method: 'GET',
    url: () => '/api/prevention/indicators?min=2',
    expected: { anonymous: 401, ...READERS, otherOrgAdmin: 200, platformAdmin: 200 },
  },
  {
    name: 'GET /api/prevention/trends',
    method: 'GET',
    url: () => '/api/prevention/trends?by=destination',
    expected: { anonymous: 401, ...READERS, otherOrgAdmin: 200, platformAdmin: 200 },
  },
  {
    name: 'GET /api/prevention/assignments',
    method: 'GET',
    url: () => '/api/prevention/assignments',
    expected: {
      anonymous: 401,
      admin: 403,
      supervisor: 403,
      outreach: 403,
      caseworker: 403,
      viewer: 403,
      otherOrgAdmin: 403,
      platformAdmin: 200,
    },
  },
  {
    name: 'PUT /api/prevention/assignments',
    method: 'PUT',
    url: () => '/api/prevention/assignments',
    payload: {
      items: [
        { country: 'KHM', organisationIds: [] },
        { country: 'MMR', organisationIds: [] },
      ],
    },
    expected: {
      anonymous: 401,
      admin: 403,
      supervisor: 403,
      outreach: 403,
      caseworker: 403,
      viewer: 403,
      otherOrgAdmin: 403,
      platformAdmin: 200,
    },
  },
];

describe('reported adverts: route × caller', () => {
  for (const route of ROUTES) {
    it(route.name, async () => {
      const got: Record<string, number> = {};
      for (const caller of CALLERS) {
        const res = await request(t.app, as(caller), {
          method: route.method,
          url: route.url(),
          ...(route.payload !== undefined && { payload: route.payload }),
        });
        got[caller] = res.statusCode;
      }
      expect(got).toEqual(route.expected);
    });
  }
});
