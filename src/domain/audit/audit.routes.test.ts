import { beforeAll, describe, expect, it } from 'vitest';
import {
  clockedApp,
  login,
  loginRequest,
  randomAddress,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  unique,
  type TestUser,
} from '@test/support/factories.ts';
import type { AuditEvent } from './audit.schema.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

async function events(s: Session, query = ''): Promise<AuditEvent[]> {
  const res = await request(t.app, s, { method: 'GET', url: `/api/audit?limit=100${query}` });
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: AuditEvent[] }).items;
}

describe('GET /api/audit records', () => {
  it('logins, failed logins, logouts, user creation and role changes, with actor and outcome', async () => {
    const org = await buildOrganisation(t.runtime);
    const admin = await buildUser(t.runtime, org, 'admin');
    const member = await buildUser(t.runtime, org, 'caseworker');
    const address = randomAddress();
    await loginRequest(t.app, { email: member.email, password: 'wrong-password-1' }, address);
    const memberSession = await login(t.app, member.email, member.password);
    await request(t.app, memberSession, { method: 'POST', url: '/api/auth/logout' });
    const s = await buildSession(t.runtime, admin);
    const created = await request(t.app, s, {
      method: 'POST',
      url: '/api/users',
      payload: { email: `new-${unique()}@test.homeward.example`, displayName: 'N', role: 'viewer' },
    });
    const newId = created.json().user.id as string;
    await request(t.app, s, {
      method: 'PATCH',
      url: `/api/users/${member.id}`,
      payload: { role: 'supervisor' },
    });

    const all = await events(s);
    const find = (action: string) => all.find((e) => e.action === action);
    expect(find('auth.login_failed')).toMatchObject({
      actorUserId: null,
      actorEmail: member.email,
      entityId: member.id,
      outcome: 'failure',
      ip: address,
      details: { reason: 'wrong_password' },
    });
    expect(find('auth.login')).toMatchObject({ actorUserId: member.id, outcome: 'success' });
    expect(find('auth.logout')).toMatchObject({ actorUserId: member.id, entityId: member.id });
    expect(find('user.create')).toMatchObject({
      actorUserId: admin.id,
      actorEmail: admin.email,
      entityType: 'user',
      entityId: newId,
      details: { role: 'viewer' },
    });
    expect(find('user.role_change')).toMatchObject({
      actorUserId: admin.id,
      entityId: member.id,
      details: { from: 'caseworker', to: 'supervisor' },
    });
    // Newest first.
    const seqs = all.map((e) => BigInt(e.seq));
    expect([...seqs].sort((a, b) => (a > b ? -1 : 1))).toEqual(seqs);
    expect(JSON.stringify(all)).not.toContain('wrong-password-1');
  });
});

describe('GET /api/audit filters', () => {
  let admin: TestUser;
  let member: TestUser;
  let s: Session;

  beforeAll(async () => {
    const org = await buildOrganisation(t.runtime);
    admin = await buildUser(t.runtime, org, 'admin');
    member = await buildUser(t.runtime, org, 'viewer');
    s = await buildSession(t.runtime, admin);
    await login(t.app, member.email, member.password);
    await request(t.app, s, {
      method: 'PATCH',
      url: `/api/users/${member.id}`,
      payload: { displayName: 'M' },
    });
  });

  it('by actor email (any case) or user id, and by action and entity', async () => {
    for (const actor of [member.email.toUpperCase(), member.id]) {
      const byActor = await events(s, `&actor=${encodeURIComponent(actor)}`);
      expect(byActor.length).toBeGreaterThan(0);
      expect(byActor.every((e) => e.actorEmail === member.email)).toBe(true);
    }
    const updates = await events(s, '&action=user.update');
    expect(updates.map((e) => e.entityId)).toEqual([member.id]);
    const aboutMember = await events(s, `&entityType=user&entityId=${member.id}`);
    expect(new Set(aboutMember.map((e) => e.action))).toEqual(
      new Set(['user.create', 'auth.login', 'user.update']),
    );
  });

  it('by time: from/to inclusive, a bare date meaning the whole day', async () => {
    const { app, clock } = await clockedApp(t.runtime, new Date('2031-03-10T12:00:00Z'));
    try {
      const org = await buildOrganisation(t.runtime);
      const admin = await buildUser(t.runtime, org, 'admin');
      const dated = await buildSession(t.runtime, admin);
      // Each day's change is made in a session started that day, on the app whose clock says so.
      const rename = async (day: string) => {
        clock.now = new Date(`${day}T12:00:00Z`);
        const session = await login(app, admin.email, admin.password);
        const name = `${day} ${unique()}`;
        await request(app, session, {
          method: 'PATCH',
          url: '/api/organisation',
          payload: { name },
        });
      };
      await rename('2031-03-10');
      await rename('2031-03-11');
      await rename('2031-03-12');
      const days = async (query: string) =>
        (await events(dated, `&action=organisation.update${query}`)).map((e) => e.at.slice(0, 10));
      expect(await days('')).toEqual(['2031-03-12', '2031-03-11', '2031-03-10']);
      expect(await days('&from=2031-03-11&to=2031-03-11')).toEqual(['2031-03-11']);
      expect(await days('&from=2031-03-11T12:00:00Z')).toEqual(['2031-03-12', '2031-03-11']);
      expect(await days('&to=2031-03-11T11:59:59%2B00:00')).toEqual(['2031-03-10']);
    } finally {
      await app.close();
    }
  });

  it('pages with a cursor, without gaps or repeats', async () => {
    const everything = await events(s);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 50; page += 1) {
      const url: string = `/api/audit?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await request(t.app, s, { method: 'GET', url });
      const body = res.json() as { items: AuditEvent[]; nextCursor: string | null };
      seen.push(...body.items.map((e) => e.id));
      cursor = body.nextCursor;
      if (!cursor) {
        break;
      }
    }
    expect(seen).toEqual(everything.map((e) => e.id));
  });
});

describe('GET /api/audit isolation', () => {
  it('never shows an admin another organisation’s events, whatever the filter', async () => {
    const mine = await buildOrganisation(t.runtime);
    const theirs = await buildOrganisation(t.runtime);
    const me = await buildSession(t.runtime, await buildUser(t.runtime, mine, 'admin'));
    const theirAdmin = await buildUser(t.runtime, theirs, 'admin');
    const theirSession = await login(t.app, theirAdmin.email, theirAdmin.password);
    await request(t.app, theirSession, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { name: `T ${unique()}` },
    });

    const theirEvents = await events(theirSession);
    expect(theirEvents.length).toBeGreaterThan(1);
    for (const query of [
      '',
      `&actor=${encodeURIComponent(theirAdmin.email)}`,
      `&actor=${theirAdmin.id}`,
      `&entityId=${theirs.id}`,
      '&action=organisation.update',
    ]) {
      const seen = await events(me, query);
      expect(
        seen.every((e) => e.organisationId === mine.id),
        query,
      ).toBe(true);
      const ids = new Set(seen.map((e) => e.id));
      expect(
        theirEvents.some((e) => ids.has(e.id)),
        query,
      ).toBe(false);
    }
  });
});
