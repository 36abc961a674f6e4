import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { auditCount } from '@test/support/factories.ts';
import {
  caseScenario,
  SCENARIO_TIMEOUT,
  UNKNOWN_ID,
  type CaseScenario,
} from './case-tasks.fixtures.ts';
import type { TaskAssigneeList } from './case-task-assignees.schema.ts';
import type { Task } from './case-tasks.schema.ts';

let t: TestApp;
let s: CaseScenario;
let task: Task;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
  const res = await request(t.app, s.as.caseworker, {
    method: 'POST',
    url: `/api/cases/${s.caseId}/tasks`,
    payload: { title: 'Ask about the passport', dueOn: '2030-01-01' },
  });
  expect(res.statusCode, res.body).toBe(201);
  task = res.json<Task>();
}, SCENARIO_TIMEOUT);

type Who = keyof CaseScenario['as'];
const taskUrl = () => `/api/cases/${s.caseId}/tasks/${task.id}`;

function patch(as: Who, payload: Record<string, unknown>) {
  return request(t.app, s.as[as], { method: 'PATCH', url: taskUrl(), payload });
}

async function storedTask(): Promise<Task> {
  const res = await request(t.app, s.as.supervisor, {
    method: 'GET',
    url: `/api/cases/${s.caseId}/tasks`,
  });
  return res.json<{ items: Task[] }>().items.find((i) => i.id === task.id)!;
}

describe('PATCH a task: edit and assign to a colleague', () => {
  it('edits the title and due date', async () => {
    const res = await patch('caseworker', { title: 'Ask about the ID card', dueOn: '2031-02-03' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Task>()).toMatchObject({ title: 'Ask about the ID card', dueOn: '2031-02-03' });
  });

  it.each([['supervisor'], ['admin'], ['caseworker']] as const)(
    'assigns to a %s who may work on the case',
    async (role) => {
      const res = await patch('caseworker', { assigneeId: s.users[role].id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json<Task>().assigneeId).toBe(s.users[role].id);
    },
  );

  it.each([['otherCaseworker'], ['viewer'], ['outreach'], ['otherOrgAdmin']] as const)(
    'refuses a %s, who may not work on this case, and changes nothing',
    async (who) => {
      const before = await storedTask();
      const res = await patch('supervisor', { assigneeId: s.users[who].id });
      expectProblem(res, 400, 'validation_failed');
      expect(await storedTask()).toEqual(before);
    },
  );

  it('refuses an unknown user and a malformed id', async () => {
    expectProblem(await patch('supervisor', { assigneeId: UNKNOWN_ID }), 400, 'validation_failed');
    expectProblem(await patch('supervisor', { assigneeId: 'me' }), 400, 'validation_failed');
  });

  it('clears the assignee with null', async () => {
    const res = await patch('supervisor', { assigneeId: null });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Task>().assigneeId).toBeNull();
  });

  it.each([
    ['viewer', 403],
    ['outreach', 403],
    ['otherCaseworker', 404],
    ['otherOrgAdmin', 404],
  ] as const)('refuses a task edit by %s (%i)', async (who, status) => {
    const res = await patch(who, { assigneeId: s.users.caseworker.id });
    expect(res.statusCode, res.body).toBe(status);
  });
});

describe('GET /api/cases/:caseId/task-assignees', () => {
  const url = () => `/api/cases/${s.caseId}/task-assignees`;

  it('lists the colleagues who may work on the case, audited', async () => {
    const before = await auditCount(t.runtime, s.organisationId);
    const res = await request(t.app, s.as.caseworker, { method: 'GET', url: url() });
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json<TaskAssigneeList>().items.map((i) => i.id);
    expect(ids.sort()).toEqual(
      [s.users.admin.id, s.users.supervisor.id, s.users.caseworker.id].sort(),
    );
    expect(await auditCount(t.runtime, s.organisationId)).toBe(before + 1);
  });

  it.each([
    ['supervisor', 200],
    ['admin', 200],
    ['viewer', 403],
    ['outreach', 403],
    ['otherCaseworker', 404],
    ['otherOrgAdmin', 404],
  ] as const)('answers %s with %i', async (who, status) => {
    const res = await request(t.app, s.as[who], { method: 'GET', url: url() });
    expect(res.statusCode, res.body).toBe(status);
  });

  it('answers an unknown case and no session', async () => {
    const unknown = await request(t.app, s.as.admin, {
      method: 'GET',
      url: `/api/cases/${UNKNOWN_ID}/task-assignees`,
    });
    expect(unknown.statusCode).toBe(404);
    const anonymous = await request(t.app, null, { method: 'GET', url: url() });
    expect(anonymous.statusCode).toBe(401);
  });
});
