import { beforeAll, describe, expect, it } from 'vitest';
import {
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import {
  auditCount,
  buildOrganisation,
  buildSession,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';
import type { Role } from '@/policy/roles.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const NOTE = 'Secret note about the escape route via Mae Sot';
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

interface World {
  orgId: string;
  caseId: string;
  users: Record<Role | 'unassigned', TestUser>;
  s: Record<Role | 'unassigned' | 'foreignAdmin', Session>;
}

/** An organisation with every role, a case registered by its caseworker, and a foreign admin. */
async function world(): Promise<World> {
  const org = await buildOrganisation(t.runtime);
  const roles = ['admin', 'supervisor', 'caseworker', 'outreach', 'viewer'] as const;
  const users = {} as World['users'];
  const s = {} as World['s'];
  for (const role of roles) {
    users[role] = await buildUser(t.runtime, org, role);
    s[role] = await buildSession(t.runtime, users[role]);
  }
  users.unassigned = await buildUser(t.runtime, org, 'caseworker');
  s.unassigned = await buildSession(t.runtime, users.unassigned);
  const other = await buildOrganisation(t.runtime);
  s.foreignAdmin = await buildSession(t.runtime, await buildUser(t.runtime, other, 'admin'));
  const created = await request(t.app, s.caseworker, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Mali', family: 'Test' }], nationality: 'THA' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return { orgId: org.id, caseId: created.json().id, users, s };
}

const postEvent = (session: Session | null, caseId: string, payload: unknown) =>
  request(t.app, session, { method: 'POST', url: `/api/cases/${caseId}/events`, payload });
const getEvents = (session: Session | null, caseId: string) =>
  request(t.app, session, { method: 'GET', url: `/api/cases/${caseId}/events` });

async function eventCount(caseId: string): Promise<number> {
  const [row] = await t.runtime.database.query<{ n: number }>(
    'select count(*)::int as n from case_events where case_id = $1',
    [caseId],
  );
  return row!.n;
}

const EXIT = { stage: 'exit', type: 'escaped', occurredOn: daysAgo(30), note: NOTE };

describe('case events: access', () => {
  it('lets staff on the case read and write; hides notes from viewers', async () => {
    const w = await world();
    expect((await postEvent(w.s.caseworker, w.caseId, EXIT)).statusCode).toBe(201);
    for (const role of ['admin', 'supervisor', 'caseworker'] as const) {
      const created = await postEvent(w.s[role], w.caseId, { ...EXIT, type: 'rescued' });
      expect(created.statusCode, created.body).toBe(201);
      expect(created.json().note).toBe(NOTE);
      const list = await getEvents(w.s[role], w.caseId);
      expect(list.statusCode).toBe(200);
      expect(list.json().items[0].note).toBe(NOTE);
    }
    const viewed = await getEvents(w.s.viewer, w.caseId);
    expect(viewed.statusCode).toBe(200);
    expect(viewed.json().items.length).toBe(4);
    expect(viewed.json().items.every((e: { note: unknown }) => e.note === null)).toBe(true);
    expect(viewed.body).not.toContain('Mae Sot');
  });

  it('refuses everyone else, writing nothing', async () => {
    const w = await world();
    const before = await auditCount(t.runtime, w.orgId);
    expectProblem(await getEvents(null, w.caseId), 401, 'unauthenticated');
    expectProblem(await postEvent(null, w.caseId, EXIT), 401, 'unauthenticated');
    expectProblem(await postEvent(w.s.viewer, w.caseId, EXIT), 403, 'forbidden');
    expectProblem(await getEvents(w.s.outreach, w.caseId), 403, 'forbidden');
    expectProblem(await postEvent(w.s.outreach, w.caseId, EXIT), 403, 'forbidden');
    expectProblem(await getEvents(w.s.unassigned, w.caseId), 404, 'case_not_found');
    expectProblem(await postEvent(w.s.unassigned, w.caseId, EXIT), 404, 'case_not_found');
    expectProblem(await getEvents(w.s.foreignAdmin, w.caseId), 404, 'case_not_found');
    expectProblem(await postEvent(w.s.foreignAdmin, w.caseId, EXIT), 404, 'case_not_found');
    expect(await eventCount(w.caseId)).toBe(0);
    expect(await auditCount(t.runtime, w.orgId)).toBe(before);
  });
});

describe('case events: input', () => {
  it('rejects bad input with problem+json and writes nothing', async () => {
    const w = await world();
    const s = w.s.caseworker;
    const before = await auditCount(t.runtime, w.orgId);
    const malformed = await request(t.app, s, {
      method: 'POST',
      url: `/api/cases/${w.caseId}/events`,
      headers: { 'content-type': 'application/json' },
      payload: '{"stage": "exit",',
    });
    expectProblem(malformed, 400, 'malformed_json');
    expectProblem(await postEvent(s, w.caseId, { ...EXIT, extra: 1 }), 400, 'validation_failed');
    expectProblem(
      await postEvent(s, w.caseId, { ...EXIT, occurredOn: 20240101 }),
      400,
      'validation_failed',
    );
    expectProblem(
      await postEvent(s, w.caseId, { ...EXIT, stage: 'nowhere' }),
      400,
      'validation_failed',
    );
    const wrongType = expectProblem(
      await postEvent(s, w.caseId, { ...EXIT, type: 'arrival' }),
      400,
      'validation_failed',
    );
    expect(wrongType.errors?.map((e) => e.path)).toContain('body.type');
    const future = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const tooLate = expectProblem(
      await postEvent(s, w.caseId, { ...EXIT, occurredOn: future }),
      400,
      'validation_failed',
    );
    expect(tooLate.errors?.map((e) => e.path)).toEqual(['occurredOn']);
    expectProblem(
      await postEvent(s, w.caseId, { ...EXIT, country: 'XXX' }),
      400,
      'validation_failed',
    );
    const unknown = '0190a8c4-0000-7000-8000-000000000000';
    expectProblem(await postEvent(s, unknown, EXIT), 404, 'case_not_found');
    expectProblem(await getEvents(s, unknown), 404, 'case_not_found');
    expectProblem(await postEvent(s, 'not-a-uuid', EXIT), 404, 'case_not_found');
    expectProblem(await getEvents(s, 'not-a-uuid'), 404, 'case_not_found');
    expect(await eventCount(w.caseId)).toBe(0);
    expect(await auditCount(t.runtime, w.orgId)).toBe(before);
  });
});

describe('case events: journey', () => {
  it('orders events by date, then by entry', async () => {
    const w = await world();
    const s = w.s.caseworker;
    const add = (stage: string, type: string, occurredOn: string) =>
      postEvent(s, w.caseId, { stage, type, occurredOn });
    await add('protection', 'shelter_admission', daysAgo(10));
    await add('exit', 'rescued', daysAgo(20));
    await add('identification', 'screening', daysAgo(10));
    const list = await getEvents(s, w.caseId);
    expect(list.json().items.map((e: { stage: string }) => e.stage)).toEqual([
      'exit',
      'protection',
      'identification',
    ]);
    const listed = await request(t.app, s, {
      method: 'GET',
      url: '/api/cases?stage=identification',
    });
    expect(listed.json().items.map((c: { id: string }) => c.id)).toContain(w.caseId);
  });

  it('derives the case stage from the latest event and bumps updatedAt, not version', async () => {
    const w = await world();
    const s = w.s.caseworker;
    const open = async () =>
      (await request(t.app, s, { method: 'GET', url: `/api/cases/${w.caseId}` })).json();
    const before = await open();
    expect(before.stage).toBeNull();
    await postEvent(s, w.caseId, { stage: 'exit', type: 'rescued', occurredOn: daysAgo(20) });
    await postEvent(s, w.caseId, { stage: 'legal', type: 'testimony', occurredOn: daysAgo(5) });
    await postEvent(s, w.caseId, { stage: 'protection', type: 'medical', occurredOn: daysAgo(9) });
    const after = await open();
    expect(after.version).toBe(before.version);
    expect(Date.parse(after.updatedAt)).toBeGreaterThan(Date.parse(before.updatedAt));
    // The latest by date, not the latest entered.
    expect(after.stage).toBe('legal');
  });

  it('stores notes encrypted and keeps them out of the audit log', async () => {
    const w = await world();
    const created = await postEvent(w.s.caseworker, w.caseId, EXIT);
    expect(created.statusCode).toBe(201);
    await getEvents(w.s.viewer, w.caseId);
    const [row] = await t.runtime.database.query<{ note_enc: string }>(
      'select note_enc from case_events where id = $1',
      [created.json().id],
    );
    expect(row!.note_enc.startsWith('hw1.')).toBe(true);
    expect(row!.note_enc).not.toContain('Mae Sot');
    const audit = await t.runtime.database.query<{ action: string; details: unknown }>(
      'select action, details from audit_events where organisation_id = $1 and entity_id = $2',
      [w.orgId, w.caseId],
    );
    const actions = audit.map((a) => a.action);
    expect(actions).toContain('case.event.create');
    expect(actions).toContain('case.events.read');
    expect(JSON.stringify(audit)).not.toContain('Mae Sot');
    const entry = audit.find((a) => a.action === 'case.event.create');
    expect(entry!.details).toMatchObject({ stage: 'exit', type: 'escaped' });
  });
});

describe('case events: return home', () => {
  const ARRIVAL = { stage: 'return', type: 'arrival', occurredOn: '2026-01-31' };
  const getTasks = (w: World) =>
    request(t.app, w.s.caseworker, { method: 'GET', url: `/api/cases/${w.caseId}/tasks` });
  const followUps = async (w: World) => {
    const res = await getTasks(w);
    expect(res.statusCode, res.body).toBe(200);
    return res
      .json<{ items: { kind: string; dueOn: string; assigneeId: string | null }[] }>()
      .items.filter((task) => task.kind === 'follow_up')
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  };

  it("schedules the organisation's follow-ups when a return arrival is recorded", async () => {
    const w = await world();
    expect((await postEvent(w.s.caseworker, w.caseId, ARRIVAL)).statusCode).toBe(201);
    const dates = (await followUps(w)).map((task) => task.dueOn);
    expect(dates).toEqual(['2026-02-28', '2026-04-30', '2026-07-31', '2027-01-31']);
  });

  it('assigns the follow-ups to the case worker', async () => {
    const w = await world();
    await postEvent(w.s.caseworker, w.caseId, ARRIVAL);
    const assignees = (await followUps(w)).map((task) => task.assigneeId);
    expect(assignees).toEqual(Array(4).fill(w.users.caseworker.id));
  });

  it('audits the schedule with the event', async () => {
    const w = await world();
    await postEvent(w.s.caseworker, w.caseId, ARRIVAL);
    const rows = await t.runtime.database.query<{ action: string }>(
      'select action from audit_events where organisation_id = $1 and entity_id = $2',
      [w.orgId, w.caseId],
    );
    expect(rows.map((r) => r.action)).toContain('case.followups.schedule');
  });

  it('schedules nothing for other return events', async () => {
    const w = await world();
    const departure = { ...ARRIVAL, type: 'departure' };
    expect((await postEvent(w.s.caseworker, w.caseId, departure)).statusCode).toBe(201);
    expect(await followUps(w)).toEqual([]);
  });

  it('does not schedule the same follow-ups twice for a second arrival on the same day', async () => {
    const w = await world();
    await postEvent(w.s.caseworker, w.caseId, ARRIVAL);
    expect((await postEvent(w.s.caseworker, w.caseId, ARRIVAL)).statusCode).toBe(201);
    expect(await followUps(w)).toHaveLength(4);
  });
});
