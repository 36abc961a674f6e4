import { beforeAll, describe, expect, it } from 'vitest';
import { request, testApp, type TestApp } from '@test/support/build-app.ts';
import { caseScenario, SCENARIO_TIMEOUT, type CaseScenario } from './case-tasks.fixtures.ts';

/**
 * Task titles, journey event outcomes and plan actions are sensitive (encrypted at rest): like
 * the case's own sensitive fields, only callers with `case.read_sensitive` receive them.
 */
let t: TestApp;
let s: CaseScenario;

const TITLE = 'Visit the safe house on Soi 7';
const OUTCOME = 'Placed at the Chiang Mai shelter';
const ACTION = 'Repay the broker debt of 40000 baht';

async function post(caseId: string, path: string, payload: Record<string, unknown>) {
  const res = await request(t.app, s.as.caseworker, {
    method: 'POST',
    url: `/api/cases/${caseId}${path}`,
    payload,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string }>();
}

/** Adds a task, an event and a plan item carrying the marker texts to a case. */
async function addSensitive(caseId: string) {
  return {
    task: await post(caseId, '/tasks', { title: TITLE, assigneeId: s.users.caseworker.id }),
    event: await post(caseId, '/events', {
      stage: 'protection',
      type: 'shelter_admission',
      occurredOn: '2024-03-01',
      outcome: OUTCOME,
    }),
    plan: await post(caseId, '/plan-items', { domain: 'debt', action: ACTION }),
  };
}

beforeAll(async () => {
  t = await testApp();
  s = await caseScenario(t.runtime, t.app);
  await addSensitive(s.caseId);
}, SCENARIO_TIMEOUT);

type Who = 'viewer' | 'caseworker' | 'supervisor' | 'admin';

async function read(who: Who, url: string) {
  const res = await request(t.app, s.as[who], { method: 'GET', url });
  expect(res.statusCode, `${who} ${url}: ${res.body}`).toBe(200);
  return res;
}

const routes = () => ({
  caseTasks: `/api/cases/${s.caseId}/tasks`,
  allTasks: '/api/tasks',
  events: `/api/cases/${s.caseId}/events`,
  assessment: `/api/cases/${s.caseId}/assessment`,
});

describe('sensitive fields of tasks, events and the plan', () => {
  it('gives a viewer none of the texts, as null', async () => {
    const r = routes();
    for (const url of Object.values(r)) {
      const body = (await read('viewer', url)).body;
      for (const text of [TITLE, OUTCOME, ACTION]) {
        expect(body, url).not.toContain(text);
      }
    }
    const caseTasks = (await read('viewer', r.caseTasks)).json();
    expect(caseTasks.items.map((i: { title: unknown }) => i.title)).toEqual([null]);
    const allTasks = (await read('viewer', r.allTasks)).json();
    const mine = allTasks.items.filter((i: { caseId: string }) => i.caseId === s.caseId);
    expect(mine.map((i: { title: unknown }) => i.title)).toEqual([null]);
    const events = (await read('viewer', r.events)).json();
    expect(events.items.map((e: { outcome: unknown }) => e.outcome)).toEqual([null]);
    const assessment = (await read('viewer', r.assessment)).json();
    expect(assessment.plan.map((p: { action: unknown }) => p.action)).toEqual([null]);
  });

  it('still gives caseworkers, supervisors and admins every text', async () => {
    const r = routes();
    for (const who of ['caseworker', 'supervisor', 'admin'] as const) {
      const caseTasks = (await read(who, r.caseTasks)).json();
      expect(caseTasks.items.map((i: { title: string }) => i.title)).toEqual([TITLE]);
      const allTasks = (await read(who, `${r.allTasks}?limit=100`)).json();
      expect(allTasks.items.map((i: { title: string }) => i.title)).toContain(TITLE);
      const events = (await read(who, r.events)).json();
      expect(events.items.map((e: { outcome: string }) => e.outcome)).toEqual([OUTCOME]);
      const assessment = (await read(who, r.assessment)).json();
      expect(assessment.plan.map((p: { action: string }) => p.action)).toEqual([ACTION]);
    }
  });

  it('does not even decrypt them for a viewer', async () => {
    // A second case whose ciphertexts are damaged: decrypting them fails loudly (500), so a
    // viewer's 200 proves their read never touched them.
    const created = await request(t.app, s.as.caseworker, {
      method: 'POST',
      url: '/api/cases',
      payload: { identities: [{ given: 'Damaged', family: 'Ciphertext' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const caseId = created.json<{ id: string }>().id;
    await addSensitive(caseId);
    const db = t.runtime.database;
    const damage = (column: string) => `set ${column} = 'hw1.' || repeat('A', 60)`;
    await db.query(`update case_tasks ${damage('title_enc')} where case_id = $1`, [caseId]);
    await db.query(`update case_events ${damage('outcome_enc')} where case_id = $1`, [caseId]);
    await db.query(`update case_plan_items ${damage('action_enc')} where case_id = $1`, [caseId]);
    const urls = [
      `/api/cases/${caseId}/tasks`,
      `/api/cases/${caseId}/events`,
      `/api/cases/${caseId}/assessment`,
      '/api/tasks?limit=100',
    ];
    for (const url of urls) {
      const viewer = await request(t.app, s.as.viewer, { method: 'GET', url });
      expect(viewer.statusCode, `viewer ${url}: ${viewer.body}`).toBe(200);
      const supervisor = await request(t.app, s.as.supervisor, { method: 'GET', url });
      expect(supervisor.statusCode, `supervisor ${url}`).toBe(500);
    }
  });
});
