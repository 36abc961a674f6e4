import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type TestApp } from '@test/support/build-app.ts';
import type { AuditEvent } from '@/domain/audit/index.ts';
import { caseScenario, SCENARIO_TIMEOUT, type CaseScenario } from './case-tasks.fixtures.ts';
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
    payload: { title: 'Ask about the recruiter', assigneeId: s.users.caseworker.id },
  });
  expect(res.statusCode, res.body).toBe(201);
  task = res.json<Task>();
}, SCENARIO_TIMEOUT);

/** The organisation's audit entries with `action`, newest first, as its admin sees them. */
async function audited(action: string): Promise<AuditEvent[]> {
  const res = await request(t.app, s.as.admin, {
    method: 'GET',
    url: `/api/audit?action=${encodeURIComponent(action)}&limit=100`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ items: AuditEvent[] }>().items;
}

describe('task reads are audited', () => {
  it("records who read a case's task list", async () => {
    const before = (await audited('case.tasks.read')).length;
    for (const who of ['caseworker', 'viewer'] as const) {
      const res = await request(t.app, s.as[who], {
        method: 'GET',
        url: `/api/cases/${s.caseId}/tasks`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const [entry] = await audited('case.tasks.read');
      expect(entry).toMatchObject({
        organisationId: s.organisationId,
        actorUserId: s.users[who].id,
        entityType: 'case',
        entityId: s.caseId,
        outcome: 'success',
      });
      expect(entry!.details).toMatchObject({ count: 1, taskIds: [task.id] });
    }
    expect(await audited('case.tasks.read')).toHaveLength(before + 2);
  });

  it('records who listed tasks across cases, with the cases the list showed', async () => {
    const before = (await audited('case.tasks.list')).length;
    const res = await request(t.app, s.as.caseworker, {
      method: 'GET',
      url: '/api/tasks?assignee=me',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ items: Task[] }>().items.map((i) => i.id)).toEqual([task.id]);
    const entries = await audited('case.tasks.list');
    expect(entries).toHaveLength(before + 1);
    expect(entries[0]).toMatchObject({
      organisationId: s.organisationId,
      actorUserId: s.users.caseworker.id,
      entityType: 'case',
      entityId: null,
    });
    expect(entries[0]!.details).toMatchObject({
      caseIds: [s.caseId],
      taskIds: [task.id],
      filters: ['assignee'],
    });
    // The entry never holds a title.
    expect(JSON.stringify(entries[0])).not.toContain('recruiter');
  });

  it('does not record a read that was refused', async () => {
    const before = (await audited('case.tasks.read')).length;
    const res = await request(t.app, s.as.otherCaseworker, {
      method: 'GET',
      url: `/api/cases/${s.caseId}/tasks`,
    });
    expect(res.statusCode).toBe(404);
    expect(await audited('case.tasks.read')).toHaveLength(before);
  });
});
