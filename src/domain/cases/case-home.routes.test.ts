import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import type { Home } from './case-home.schema.ts';
import { caseScenario, SCENARIO_TIMEOUT, type CaseScenario } from './case-tasks.fixtures.ts';
import type { Task } from './case-tasks.schema.ts';

let t: TestApp;
let s: CaseScenario;
const ids: Record<string, string> = {};

/** Today plus `days`, as `YYYY-MM-DD` (UTC, like the server). */
const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
  const add = async (key: string, payload: Record<string, unknown>) => {
    const res = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url: `/api/cases/${s.caseId}/tasks`,
      payload: { title: key, assigneeId: s.users.caseworker.id, ...payload },
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[key] = res.json<Task>().id;
  };
  await add('late', { dueOn: '2020-03-01' });
  await add('soon', { dueOn: day(3) });
  await add('far', { dueOn: day(60) });
  await add('undated', {});
  const event = await request(t.app, s.as.caseworker, {
    method: 'POST',
    url: `/api/cases/${s.caseId}/events`,
    payload: { stage: 'identification', type: 'nrm_referral', occurredOn: '2025-01-10' },
  });
  expect(event.statusCode, event.body).toBe(201);
  // Opening the case leaves the audit entry "recently opened" is made of.
  const opened = await request(t.app, s.as.caseworker, {
    method: 'GET',
    url: `/api/cases/${s.caseId}`,
  });
  expect(opened.statusCode).toBe(200);
}, SCENARIO_TIMEOUT);

async function home(as: keyof CaseScenario['as']): Promise<Home> {
  const res = await request(t.app, s.as[as], { method: 'GET', url: '/api/home' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Home>();
}

describe('GET /api/home', () => {
  it("shows the caseworker's caseload, overdue and coming tasks with the person's name", async () => {
    const h = await home('caseworker');
    expect(h.caseload).toMatchObject({ mine: 1, organisation: null, overdue: 1, capped: false });
    expect(h.overdue.map((x) => x.id)).toEqual([ids.late]);
    expect(h.overdue[0]).toMatchObject({ title: 'late', personName: 'Dara Sok', overdue: true });
    expect(h.upcoming.map((x) => x.id)).toEqual([ids.soon]);
  });

  it('shows an NRM referral waiting for a decision', async () => {
    const h = await home('caseworker');
    expect(h.keyDates).toEqual([
      {
        caseId: s.caseId,
        caseNumber: s.caseNumber,
        displayName: 'Dara Sok',
        kind: 'nrm_waiting',
        since: '2025-01-10',
      },
    ]);
  });

  it('shows the cases the caller opened, from their own audit trail only', async () => {
    const h = await home('caseworker');
    expect(h.recent.map((r) => r.caseId)).toEqual([s.caseId]);
    expect((await home('supervisor')).recent).toEqual([]);
  });

  it('is audited with the cases and tasks it shows', async () => {
    const before = await auditCount(t.runtime, s.organisationId);
    await home('caseworker');
    expect(await auditCount(t.runtime, s.organisationId)).toBe(before + 1);
    const [row] = await t.runtime.database.query<{ details: { taskIds: string[] } }>(
      `select details from audit_events where organisation_id = $1 and action = 'home.read'
       order by seq desc limit 1`,
      [s.organisationId],
    );
    expect(row!.details.taskIds.sort()).toEqual([ids.late, ids.soon].sort());
  });

  it('gives roles that see every case the organisation caseload; viewers no task titles', async () => {
    expect((await home('supervisor')).caseload).toMatchObject({ mine: 0, organisation: 1 });
    const viewer = await home('viewer');
    expect(viewer).toMatchObject({ overdue: [], upcoming: [], keyDates: [] });
  });

  it('shows nothing of the case to a caseworker not assigned to it, or another organisation', async () => {
    for (const who of ['otherCaseworker', 'otherOrgAdmin'] as const) {
      const h = await home(who);
      expect(h).toMatchObject({ overdue: [], upcoming: [], keyDates: [], recent: [] });
      expect(h.caseload.mine).toBe(0);
    }
    expect((await home('otherOrgAdmin')).caseload.organisation).toBe(0);
  });

  it('refuses outreach staff and anonymous callers', async () => {
    const outreach = await request(t.app, s.as.outreach, { method: 'GET', url: '/api/home' });
    expect(outreach.statusCode).toBe(403);
    const anonymous = await request(t.app, null, { method: 'GET', url: '/api/home' });
    expect(anonymous.statusCode).toBe(401);
  });
});
