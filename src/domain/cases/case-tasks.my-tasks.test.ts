import { beforeAll, describe, expect, it } from 'vitest';
import { expectProblem, request, testApp, type TestApp } from '@test/support/build-app.ts';
import { caseScenario, SCENARIO_TIMEOUT, type CaseScenario } from './case-tasks.fixtures.ts';
import type { Task, TaskPage } from './case-tasks.schema.ts';

let t: TestApp;
let s: CaseScenario;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
  const add = async (title: string, payload: Record<string, unknown>) => {
    const res = await request(t.app, s.as.supervisor, {
      method: 'POST',
      url: `/api/cases/${s.caseId}/tasks`,
      payload: { title, ...payload },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<Task>().id;
  };
  // The case is assigned to `caseworker` only; one task is for the other caseworker.
  ids = {
    late: await add('late', { dueOn: '2020-03-01', assigneeId: s.users.caseworker.id }),
    soon: await add('soon', { dueOn: '2999-01-01', assigneeId: s.users.caseworker.id }),
    undated: await add('undated', { assigneeId: s.users.caseworker.id }),
    notTheirCase: await add('not their case', { dueOn: '2020-01-01' }),
  };
  // A task can no longer be given to someone off the case (assertTaskAssignee), but one given
  // before they were taken off it still exists: made here in the database.
  await t.runtime.database.query('update case_tasks set assignee_id = $1 where id = $2', [
    s.users.otherCaseworker.id,
    ids.notTheirCase,
  ]);
}, SCENARIO_TIMEOUT);

async function tasks(as: keyof CaseScenario['as'], query: string): Promise<Task[]> {
  const res = await request(t.app, s.as[as], { method: 'GET', url: `/api/tasks?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<TaskPage>().items;
}

describe('GET /api/tasks', () => {
  it('lists my tasks by due date, undated last, with the overdue filter', async () => {
    const mine = await tasks('caseworker', 'assignee=me');
    expect(mine.map((i) => i.id)).toEqual([ids.late, ids.soon, ids.undated]);
    expect(mine[0]).toMatchObject({ overdue: true, caseNumber: s.caseNumber });
    const overdue = await tasks('caseworker', 'assignee=me&overdue=true');
    expect(overdue.map((i) => i.id)).toEqual([ids.late]);
    expect(await tasks('caseworker', 'assignee=me&status=done')).toEqual([]);
  });

  it('pages with a cursor', async () => {
    const seen: string[] = [];
    let cursor = '';
    for (let i = 0; i < 5; i++) {
      const res = await request(t.app, s.as.caseworker, {
        method: 'GET',
        url: `/api/tasks?assignee=me&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
      });
      const page = res.json<TaskPage>();
      seen.push(...page.items.map((x) => x.id));
      if (!page.nextCursor) {
        break;
      }
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([ids.late, ids.soon, ids.undated]);
  });

  it('never shows tasks of cases the caller cannot see', async () => {
    // Assigned to the other caseworker, but on a case they are not assigned to.
    expect(await tasks('otherCaseworker', 'assignee=me')).toEqual([]);
    expect(await tasks('otherCaseworker', '')).toEqual([]);
    expect(await tasks('otherOrgAdmin', `assignee=${s.users.caseworker.id}`)).toEqual([]);
    const all = await tasks('otherOrgAdmin', 'limit=100');
    expect(all.some((i) => Object.values(ids).includes(i.id))).toBe(false);
    // Oversight roles see every case of the organisation.
    const supervised = await tasks('supervisor', `assignee=${s.users.otherCaseworker.id}`);
    expect(supervised.map((i) => i.id)).toEqual([ids.notTheirCase]);
    expect((await tasks('viewer', 'overdue=true')).map((i) => i.id)).toEqual([
      ids.notTheirCase,
      ids.late,
    ]);
  });

  it('refuses anonymous callers, outreach staff and bad filters', async () => {
    expectProblem(
      await request(t.app, null, { method: 'GET', url: '/api/tasks' }),
      401,
      'unauthenticated',
    );
    expectProblem(
      await request(t.app, s.as.outreach, { method: 'GET', url: '/api/tasks' }),
      403,
      'forbidden',
    );
    for (const q of ['assignee=someone', 'status=late', 'limit=1000', 'overdue=yes', 'x=1']) {
      const res = await request(t.app, s.as.caseworker, { method: 'GET', url: `/api/tasks?${q}` });
      expectProblem(res, 400, 'validation_failed');
    }
    const junk = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: '/api/tasks?assignee=me&cursor=garbage',
    });
    expectProblem(junk, 400, 'validation_failed');
  });
});
