import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import { addMonths } from './case-followups.service.ts';
import {
  caseScenario,
  rawJson,
  rowCount,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';
import type { Task } from './case-tasks.schema.ts';

let t: TestApp;
let s: CaseScenario;
beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
}, SCENARIO_TIMEOUT);

const tasksUrl = () => `/api/cases/${s.caseId}/tasks`;

async function addTask(payload: Record<string, unknown>): Promise<Task> {
  const res = await request(t.app, s.as.caseworker, { method: 'POST', url: tasksUrl(), payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Task>();
}

describe('case tasks', () => {
  it('creates, lists, completes and reopens a task, with the overdue flag', async () => {
    const late = await addTask({
      title: 'Call about the shelter place',
      dueOn: '2020-01-01',
      assigneeId: s.users.caseworker.id,
    });
    expect(late).toMatchObject({
      caseId: s.caseId,
      caseNumber: s.caseNumber,
      kind: 'task',
      status: 'open',
      overdue: true,
      assigneeName: 'Test caseworker',
      completedAt: null,
    });
    const later = await addTask({ title: 'Court date', dueOn: '2999-01-01' });
    expect(later.overdue).toBe(false);
    const undated = await addTask({ title: 'Undated' });
    const list = await request(t.app, s.as.caseworker, { method: 'GET', url: tasksUrl() });
    expect(list.statusCode).toBe(200);
    const ids = list.json<{ items: Task[] }>().items.map((i) => i.id);
    expect(ids.indexOf(late.id)).toBeLessThan(ids.indexOf(later.id));
    expect(ids.at(-1)).toBe(undated.id);

    const done = await request(t.app, s.as.caseworker, {
      method: 'PATCH',
      url: `${tasksUrl()}/${late.id}`,
      payload: { status: 'done' },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', overdue: false });
    expect(done.json().completedAt).toEqual(expect.any(String));
    const reopened = await request(t.app, s.as.supervisor, {
      method: 'PATCH',
      url: `${tasksUrl()}/${late.id}`,
      payload: { status: 'open', title: 'Call again', dueOn: null },
    });
    expect(reopened.json()).toMatchObject({ status: 'open', completedAt: null, dueOn: null });
    expect(reopened.json().title).toBe('Call again');
  });

  it('lets viewers read tasks but not add them; outreach sees none', async () => {
    expect((await request(t.app, s.as.viewer, { method: 'GET', url: tasksUrl() })).statusCode).toBe(
      200,
    );
    const post = await request(t.app, s.as.viewer, {
      method: 'POST',
      url: tasksUrl(),
      payload: { title: 'x' },
    });
    expectProblem(post, 403, 'forbidden');
    expectProblem(
      await request(t.app, s.as.outreach, { method: 'GET', url: tasksUrl() }),
      403,
      'forbidden',
    );
  });

  it('answers anonymous callers 401 and unassigned caseworkers and other organisations 404', async () => {
    const task = await addTask({ title: 'Visit' });
    const routes = [
      { method: 'GET', url: tasksUrl() },
      { method: 'POST', url: tasksUrl(), payload: { title: 'x' } },
      { method: 'PATCH', url: `${tasksUrl()}/${task.id}`, payload: { status: 'done' } },
      { method: 'POST', url: `/api/cases/${s.caseId}/follow-ups`, payload: { from: '2026-01-01' } },
    ];
    const before = await rowCount(t.runtime, 'case_tasks', s.caseId);
    const audits = await auditCount(t.runtime, s.organisationId);
    for (const r of routes) {
      expectProblem(await request(t.app, null, r), 401, 'unauthenticated');
      expectProblem(await request(t.app, s.as.otherCaseworker, r), 404, 'case_not_found');
      expectProblem(await request(t.app, s.as.otherOrgAdmin, r), 404, 'case_not_found');
    }
    expect(await rowCount(t.runtime, 'case_tasks', s.caseId)).toBe(before);
    expect(await auditCount(t.runtime, s.organisationId)).toBe(audits);
    const reread = await request(t.app, s.as.caseworker, { method: 'GET', url: tasksUrl() });
    expect(reread.json().items.find((i: Task) => i.id === task.id).status).toBe('open');
  });

  it('refuses bad input with problem+json and writes nothing', async () => {
    const task = await addTask({ title: 'Keep me' });
    const before = await rowCount(t.runtime, 'case_tasks', s.caseId);
    const cw = s.as.caseworker;
    expectProblem(
      await rawJson(t.app, cw, { method: 'POST', url: tasksUrl(), body: '{"title":' }),
      400,
      'malformed_json',
    );
    for (const payload of [
      { title: 'x', extra: 1 },
      { title: 42 },
      { title: '' },
      { title: 'x'.repeat(201) },
      { title: 'x', dueOn: '2026-02-30' },
      { title: 'x', kind: 'chore' },
      { title: 'x', assigneeId: 'not-a-uuid' },
    ]) {
      const res = await request(t.app, cw, { method: 'POST', url: tasksUrl(), payload });
      expectProblem(res, 400, 'validation_failed');
    }
    // Assignees must be enabled case-holding members of the organisation.
    for (const assigneeId of [s.users.viewer.id, s.users.otherOrgAdmin.id, UNKNOWN_ID]) {
      const res = await request(t.app, cw, {
        method: 'POST',
        url: tasksUrl(),
        payload: { title: 'x', assigneeId },
      });
      expectProblem(res, 400, 'validation_failed');
    }
    for (const id of [UNKNOWN_ID, 'nope']) {
      const res = await request(t.app, cw, {
        method: 'GET',
        url: `/api/cases/${id}/tasks`,
      });
      expectProblem(res, 404, 'case_not_found');
      const patch = await request(t.app, cw, {
        method: 'PATCH',
        url: `${tasksUrl()}/${id}`,
        payload: { status: 'done' },
      });
      expectProblem(patch, 404, 'task_not_found');
    }
    const badPatch = await request(t.app, cw, {
      method: 'PATCH',
      url: `${tasksUrl()}/${task.id}`,
      payload: { status: 'closed' },
    });
    expectProblem(badPatch, 400, 'validation_failed');
    expect(await rowCount(t.runtime, 'case_tasks', s.caseId)).toBe(before);
  });
});

describe('follow-ups', () => {
  it('adds calendar months, clamped to the end of the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-31', 3)).toBe('2026-04-30');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-15', 2)).toBe('2027-01-15');
    expect(addMonths('2026-03-31', 12)).toBe('2027-03-31');
    expect(addMonths('2026-08-31', 60)).toBe('2031-08-31');
  });

  it("schedules the organisation's follow-ups once, assigned to the first assignee", async () => {
    const org = await request(t.app, s.as.admin, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { followUpMonths: [3, 1] },
    });
    expect(org.statusCode, org.body).toBe(200);
    expect(org.json().followUpMonths).toEqual([3, 1]);
    const badOrg = await request(t.app, s.as.admin, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { followUpMonths: [0, 61] },
    });
    expectProblem(badOrg, 400, 'validation_failed');
    const url = `/api/cases/${s.caseId}/follow-ups`;
    const first = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url,
      payload: { from: '2026-01-31' },
    });
    expect(first.statusCode, first.body).toBe(201);
    const items = first.json<{ items: Task[] }>().items;
    expect(items.map((i) => i.dueOn)).toEqual(['2026-02-28', '2026-04-30']);
    expect(
      items.every((i) => i.kind === 'follow_up' && i.assigneeId === s.users.caseworker.id),
    ).toBe(true);
    const again = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url,
      payload: { from: '2026-01-31' },
    });
    expect(again.json().items).toEqual([]);
    const bad = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url,
      payload: { from: '31/01/2026' },
    });
    expectProblem(bad, 400, 'validation_failed');
    expectProblem(
      await request(t.app, s.as.viewer, { method: 'POST', url, payload: { from: '2026-01-31' } }),
      403,
      'forbidden',
    );
  });
});
