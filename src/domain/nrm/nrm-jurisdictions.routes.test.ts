import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  auditCount,
  buildUser,
  makePlatformAdmin,
  type TestUser,
} from '@test/support/factories.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import type { Jurisdiction, JurisdictionList } from './nrm.schema.ts';
import { nrmCase, nrmClock, refer, stepOf, type NrmClock } from './nrm.fixtures.ts';

/**
 * Installation-wide jurisdiction data: everyone who works with referrals reads it; only a
 * platform admin in person edits an unverified figure or holiday; verified figures are refused.
 * The edits are undone at the end (later test files in this worker share the database).
 */
let t: TestApp;
let s: CaseScenario;
let nc: NrmClock;
let platform: TestUser;

beforeAll(async () => {
  t = await testApp();
  // The scenario's sessions are made at the real time: the clock moves on after it.
  nc = await nrmClock(t.runtime, new Date().toISOString());
  s = await caseScenario(t.runtime, nc.app);
  nc.at('2027-11-10T09:00:00Z');
  platform = await buildUser(t.runtime, { id: s.organisationId } as never, 'admin');
  await makePlatformAdmin(t.runtime, platform);
}, SCENARIO_TIMEOUT);

afterAll(async () => {
  // Back to the shipped figure and holidays (the edit rows stay, with the same values).
  const admin = await nc.as(platform);
  await request(nc.app, admin, {
    method: 'PATCH',
    url: '/api/nrm/jurisdictions/THA/steps/reflection_period',
    payload: { duration: null, unit: null, startsOn: null, source: 'not found' },
  });
  await request(nc.app, admin, {
    method: 'DELETE',
    url: '/api/nrm/jurisdictions/GBR/holidays/2027-11-08',
  });
  await nc.app.close();
});

const url = (code: string, step: string) => `/api/nrm/jurisdictions/${code}/steps/${step}`;
const REFLECTION = {
  duration: 45,
  unit: 'calendar_days',
  startsOn: 'referral',
  source: 'Test: a figure read in a test source',
};

async function list(): Promise<JurisdictionList> {
  const res = await request(nc.app, await nc.as(s.users.caseworker), {
    method: 'GET',
    url: '/api/nrm/jurisdictions',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<JurisdictionList>();
}

describe('GET /api/nrm/jurisdictions', () => {
  it('lists GBR and THA with each figure’s status, source and as-of date', async () => {
    const { attribution, items } = await list();
    expect(attribution).toContain('deadlines.csv');
    const gbr = items.find((j) => j.code === 'GBR')!;
    expect(gbr.steps.find((st) => st.step === 'reasonable_grounds_decision')).toMatchObject({
      duration: 5,
      unit: 'working_days',
      status: 'verified',
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(gbr.steps.find((st) => st.step === 'conclusive_grounds_decision')?.statusNote).toBe(
      'older guidance',
    );
    expect(gbr.holidays.find((h) => h.date === '2026-12-28')).toMatchObject({
      status: 'unverified',
    });
    const tha = items.find((j) => j.code === 'THA')!;
    expect(tha.timeZone).toBe('Asia/Bangkok');
    expect(tha.holidays.every((h) => h.status === 'unverified')).toBe(true);
  });

  it('outreach staff and nobody are refused', async () => {
    const get = async (who: TestUser | null) =>
      request(nc.app, who ? await nc.as(who) : null, {
        method: 'GET',
        url: '/api/nrm/jurisdictions',
      });
    expectProblem(await get(s.users.outreach), 403, 'forbidden');
    expectProblem(await get(null), 401, 'unauthenticated');
  });
});

describe('PATCH /api/nrm/jurisdictions/:code/steps/:step', () => {
  it('refuses a verified figure with problem+json, even to a platform admin; nothing written', async () => {
    const audit = await auditCount(t.runtime, s.organisationId);
    const res = await request(nc.app, await nc.as(platform), {
      method: 'PATCH',
      url: url('GBR', 'reasonable_grounds_decision'),
      payload: { duration: 10, unit: 'working_days', source: 'x' },
    });
    expectProblem(res, 409, 'nrm_figure_verified');
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audit);
    expect(stepOf(await newGbrReferral(), 'reasonable_grounds_decision').duration).toBe(5);
  });

  it('only a platform admin in person edits; admins of an organisation and tokens may not', async () => {
    for (const who of [s.users.admin, s.users.supervisor, s.users.caseworker, s.users.viewer]) {
      const res = await request(nc.app, await nc.as(who), {
        method: 'PATCH',
        url: url('THA', 'reflection_period'),
        payload: REFLECTION,
      });
      expectProblem(res, 403, 'forbidden');
    }
    const made = await request(nc.app, await nc.as(platform), {
      method: 'POST',
      url: '/api/tokens',
      payload: { name: 'nrm', scopes: ['read', 'write', 'sensitive'] },
    });
    const token = made.json<{ token: string }>().token;
    const viaToken = await bearer(nc.app, token, {
      method: 'PATCH',
      url: url('THA', 'reflection_period'),
      payload: REFLECTION,
    });
    expectProblem(viaToken, 403, 'session_required');
    const tha = (await list()).items.find((j) => j.code === 'THA')!;
    expect(tha.steps.find((st) => st.step === 'reflection_period')?.duration).toBeNull();
  });

  it('refuses unknown jurisdictions and steps, and incomplete or mistyped figures', async () => {
    const admin = await nc.as(platform);
    const patch = (u: string, payload: unknown) =>
      request(nc.app, admin, { method: 'PATCH', url: u, payload });
    expectProblem(await patch(url('FRA', 'reflection_period'), REFLECTION), 404, 'not_found');
    expectProblem(await patch(url('THA', 'nothing_here'), REFLECTION), 404, 'not_found');
    for (const bad of [
      { ...REFLECTION, unit: null },
      { ...REFLECTION, duration: '45' },
      { ...REFLECTION, duration: 0 },
      { ...REFLECTION, source: '' },
      { duration: 45, unit: 'calendar_days' },
      { ...REFLECTION, asOf: '2020-01-01' },
    ]) {
      expectProblem(await patch(url('THA', 'reflection_period'), bad), 400, 'validation_failed');
    }
  });

  it('edits an unverified figure (audited, as of today); only later referrals use it', async () => {
    const caseId = (await nrmCase(nc.app, await nc.as(s.users.caseworker))).id;
    const cw = await nc.as(s.users.caseworker);
    const before = await refer(nc.app, cw, caseId, {
      jurisdiction: 'THA',
      referredAt: '2027-11-10T03:00:00Z',
    });
    const res = await request(nc.app, await nc.as(platform), {
      method: 'PATCH',
      url: url('THA', 'reflection_period'),
      payload: REFLECTION,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(
      res.json<Jurisdiction>().steps.find((st) => st.step === 'reflection_period'),
    ).toMatchObject({
      duration: 45,
      unit: 'calendar_days',
      status: 'unverified',
      asOf: '2027-11-10',
    });
    const after = await refer(nc.app, cw, caseId, {
      jurisdiction: 'THA',
      referredAt: '2027-11-10T03:00:00Z',
    });
    expect(stepOf(after, 'reflection_period')).toMatchObject({ dueOn: '2027-12-25', duration: 45 });
    const listed = await request(nc.app, cw, {
      method: 'GET',
      url: `/api/cases/${caseId}/nrm-referrals`,
    });
    const first = listed
      .json<{ items: { id: string; steps: { step: string; dueAt: string | null }[] }[] }>()
      .items.find((r) => r.id === before.id)!;
    expect(first.steps.find((st) => st.step === 'reflection_period')?.dueAt).toBeNull();
    const [row] = await t.runtime.database.query<{ details: unknown; entity_id: string }>(
      `select details, entity_id from audit_events where action = 'nrm_step.update'
       and actor_user_id = $1 order by seq desc limit 1`,
      [platform.id],
    );
    expect(row).toEqual({
      entity_id: 'THA/reflection_period',
      details: {
        from: { duration: null, unit: null, status: 'unverified' },
        to: { duration: 45, unit: 'calendar_days', status: 'unverified' },
      },
    });
  });
});

async function newGbrReferral() {
  const cw = await nc.as(s.users.caseworker);
  const caseId = (await nrmCase(nc.app, cw)).id;
  // Friday 5 November 2027: five working days end Friday 12th (Monday 15th when the 8th is a holiday).
  return refer(nc.app, cw, caseId, { jurisdiction: 'GBR', referredAt: '2027-11-05T10:00:00Z' });
}

describe('holidays', () => {
  it('a holiday a platform admin adds moves later working-day counts; taking it out moves them back', async () => {
    expect(stepOf(await newGbrReferral(), 'reasonable_grounds_decision').dueOn).toBe('2027-11-12');
    const admin = await nc.as(platform);
    const put = await request(nc.app, admin, {
      method: 'PUT',
      url: '/api/nrm/jurisdictions/GBR/holidays/2027-11-08',
      payload: { name: 'Test holiday', source: 'Test source', status: 'unverified' },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(stepOf(await newGbrReferral(), 'reasonable_grounds_decision').dueOn).toBe('2027-11-15');
    const del = await request(nc.app, admin, {
      method: 'DELETE',
      url: '/api/nrm/jurisdictions/GBR/holidays/2027-11-08',
    });
    expect(del.statusCode, del.body).toBe(200);
    expect(stepOf(await newGbrReferral(), 'reasonable_grounds_decision').dueOn).toBe('2027-11-12');
  });

  it('refuses a bad date, an unknown holiday to take out and other callers', async () => {
    const admin = await nc.as(platform);
    const h = (method: string, date: string, who = admin) =>
      request(nc.app, who, {
        method,
        url: `/api/nrm/jurisdictions/GBR/holidays/${date}`,
        ...(method === 'PUT' && { payload: { name: 'x', source: 'y', status: 'unverified' } }),
      });
    expectProblem(await h('PUT', '2027-02-30'), 400, 'validation_failed');
    expectProblem(await h('DELETE', '2027-11-16'), 404, 'not_found');
    expectProblem(await h('PUT', '2027-11-15', await nc.as(s.users.admin)), 403, 'forbidden');
  });
});
