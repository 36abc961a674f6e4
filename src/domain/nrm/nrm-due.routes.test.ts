import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  type CaseScenario,
} from '@/domain/cases/case-tasks.fixtures.ts';
import type { Role } from '@/policy/roles.ts';
import type { DueItem, DueList } from './nrm-views.schema.ts';
import { decide, nrmCase, nrmClock, refer, type NrmClock } from './nrm.fixtures.ts';

/**
 * The supervisor's list of NRM deadlines with the clock fixed at Monday 2 February 2026, 12:00
 * UTC: overdue and upcoming (within the organisation's horizon, 7 days by default), scoped to
 * the cases the caller may see.
 */
const NOW = '2026-02-02T12:00:00Z';
let t: TestApp;
let s: CaseScenario;
let nc: NrmClock;
const cases: Record<'late' | 'soon' | 'later' | 'ended' | 'others', { id: string }> = {} as never;

beforeAll(async () => {
  t = await testApp();
  nc = await nrmClock(t.runtime, NOW);
  s = await caseScenario(t.runtime, nc.app);
  const cw = await nc.as(s.users.caseworker);
  for (const key of ['late', 'soon', 'later', 'ended'] as const) {
    cases[key] = await nrmCase(nc.app, cw);
  }
  cases.others = await nrmCase(nc.app, await nc.as(s.users.otherCaseworker));
  // RG due Friday 30 January: overdue.
  await refer(nc.app, cw, cases.late.id, {
    jurisdiction: 'GBR',
    referredAt: '2026-01-23T10:00:00Z',
  });
  // RG due Thursday 5 February: upcoming.
  await refer(nc.app, cw, cases.soon.id, {
    jurisdiction: 'GBR',
    referredAt: '2026-01-29T10:00:00Z',
  });
  // 24 hours of custody end tomorrow; 15 days of shelter on 17 February (beyond 7 days).
  await refer(nc.app, cw, cases.later.id, {
    jurisdiction: 'THA',
    referredAt: '2026-02-02T05:00:00Z',
  });
  // A positive RG in December: both recovery periods ended in January (periods, not overdue).
  const ended = await refer(nc.app, cw, cases.ended.id, {
    jurisdiction: 'GBR',
    referredAt: '2025-12-15T10:00:00Z',
  });
  const rg = await decide(nc.app, cw, ended, {
    kind: 'reasonable_grounds',
    outcome: 'positive',
    decidedOn: '2025-12-18',
    decisionMaker: 'SCA',
  });
  expect(rg.statusCode, rg.body).toBe(200);
  // Assigned to the other caseworker only: overdue since 30 January.
  await refer(nc.app, await nc.as(s.users.otherCaseworker), cases.others.id, {
    jurisdiction: 'GBR',
    referredAt: '2026-01-23T10:00:00Z',
  });
}, SCENARIO_TIMEOUT);

afterAll(async () => {
  await nc.app.close();
});

async function due(who: Role | 'otherCaseworker' | 'otherOrgAdmin', query = ''): Promise<DueList> {
  const res = await request(nc.app, await nc.as(s.users[who]), {
    method: 'GET',
    url: `/api/nrm-referrals${query}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<DueList>();
}

const keyOf = (i: DueItem) => {
  const name = Object.entries(cases).find(([, c]) => c.id === i.caseId)?.[0] ?? 'unknown';
  return `${name}:${i.step}`;
};

describe('GET /api/nrm-referrals', () => {
  it('due=overdue: deadlines whose time has passed, with the case number', async () => {
    const list = await due('supervisor', '?due=overdue');
    expect(list.items.map(keyOf).sort()).toEqual([
      'late:reasonable_grounds_decision',
      'others:reasonable_grounds_decision',
    ]);
    const late = list.items.find((i) => i.caseId === cases.late.id)!;
    expect(late).toMatchObject({
      caseNumber: expect.any(String),
      dueAt: '2026-01-30T23:59:59.999Z',
      dueOn: '2026-01-30',
      overdue: true,
      status: 'verified',
      jurisdiction: 'GBR',
    });
  });

  it('due=upcoming: due within 7 days by default, soonest first', async () => {
    const list = await due('supervisor', '?due=upcoming');
    expect(list.upcomingDays).toBe(7);
    expect(list.items.map(keyOf)).toEqual([
      'later:initial_custody_for_identification',
      'soon:reasonable_grounds_decision',
    ]);
    expect(list.items.every((i) => !i.overdue)).toBe(true);
  });

  it('without due: both, overdue first', async () => {
    const list = await due('admin');
    expect(list.items.map((i) => i.overdue)).toEqual([true, true, false, false]);
  });

  it('a caseworker sees only the cases assigned to them; another organisation sees none', async () => {
    const mine = await due('caseworker');
    expect(mine.items.map(keyOf)).not.toContain('others:reasonable_grounds_decision');
    expect(mine.items).toHaveLength(3);
    expect((await due('otherCaseworker')).items.map(keyOf)).toEqual([
      'others:reasonable_grounds_decision',
    ]);
    expect((await due('otherOrgAdmin')).items).toEqual([]);
    expect((await due('viewer')).items).toHaveLength(4);
  });

  it('is audited with the case ids shown', async () => {
    await due('supervisor', '?due=overdue');
    const [row] = await t.runtime.database.query<{ details: { due: string; caseIds: string[] } }>(
      `select details from audit_events where organisation_id = $1 and action = 'nrm_due.read'
       order by seq desc limit 1`,
      [s.organisationId],
    );
    expect(row!.details.due).toBe('overdue');
    expect(row!.details.caseIds.sort()).toEqual([cases.late.id, cases.others.id].sort());
  });

  it('refuses an unknown due value and unknown parameters; outreach and nobody get 403 and 401', async () => {
    const session = await nc.as(s.users.supervisor);
    for (const url of ['/api/nrm-referrals?due=soon', '/api/nrm-referrals?due=overdue&x=1']) {
      expectProblem(
        await request(nc.app, session, { method: 'GET', url }),
        400,
        'validation_failed',
      );
    }
    const outreach = await nc.as(s.users.outreach);
    expectProblem(
      await request(nc.app, outreach, { method: 'GET', url: '/api/nrm-referrals' }),
      403,
      'forbidden',
    );
    expectProblem(
      await request(nc.app, null, { method: 'GET', url: '/api/nrm-referrals' }),
      401,
      'unauthenticated',
    );
  });
});

describe('the organisation’s "upcoming" horizon', () => {
  const patch = async (who: Role, payload: unknown) =>
    request(nc.app, await nc.as(s.users[who]), {
      method: 'PATCH',
      url: '/api/nrm/settings',
      payload,
    });

  it('only admins change it; bad values are refused and change nothing', async () => {
    for (const role of ['supervisor', 'caseworker', 'viewer'] as const) {
      expectProblem(await patch(role, { upcomingDays: 20 }), 403, 'forbidden');
    }
    for (const bad of [{ upcomingDays: 0 }, { upcomingDays: 91 }, { upcomingDays: '20' }, {}]) {
      expectProblem(await patch('admin', bad), 400, 'validation_failed');
    }
    expect((await due('supervisor')).upcomingDays).toBe(7);
  });

  it('20 days brings the 15-day Thai shelter deadline into "upcoming"; audited', async () => {
    const res = await patch('admin', { upcomingDays: 20 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ upcomingDays: 20 });
    const list = await due('supervisor', '?due=upcoming');
    expect(list.upcomingDays).toBe(20);
    expect(list.items.map(keyOf)).toEqual([
      'later:initial_custody_for_identification',
      'soon:reasonable_grounds_decision',
      'later:temporary_protection_before_identification',
    ]);
    const viewerSees = await request(nc.app, await nc.as(s.users.viewer), {
      method: 'GET',
      url: '/api/nrm/settings',
    });
    expect(viewerSees.json()).toEqual({ upcomingDays: 20 });
    const [row] = await t.runtime.database.query<{ n: number }>(
      `select count(*)::int as n from audit_events where organisation_id = $1
         and action = 'nrm_settings.update'`,
      [s.organisationId],
    );
    expect(row!.n).toBe(1);
  });
});
