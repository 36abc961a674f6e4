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
import type { Organisation } from './organisations.schema.ts';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

async function team(): Promise<{ org: Organisation; admin: TestUser; session: Session }> {
  const org = await buildOrganisation(t.runtime);
  const admin = await buildUser(t.runtime, org, 'admin');
  return { org, admin, session: await buildSession(t.runtime, admin) };
}

const patch = (s: Session, userId: string, payload: Record<string, unknown>) =>
  request(t.app, s, { method: 'PATCH', url: `/api/users/${userId}`, payload });

async function memberOf(s: Session, userId: string) {
  const res = await request(t.app, s, { method: 'GET', url: '/api/users?limit=100' });
  return (
    res.json().items as { id: string; role: string; displayName: string; disabled: boolean }[]
  ).find((u) => u.id === userId);
}

describe('PATCH /api/users/:userId', () => {
  it('changes role and name, and the change applies to the member’s very next request', async () => {
    const { org, session } = await team();
    const member = await buildUser(t.runtime, org, 'viewer');
    const memberSession = await buildSession(t.runtime, member);
    const readAudit = () => request(t.app, memberSession, { method: 'GET', url: '/api/audit' });
    expectProblem(await readAudit(), 403, 'forbidden');

    const res = await patch(session, member.id, { role: 'admin', displayName: 'Sam' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: member.id, role: 'admin', displayName: 'Sam' });
    expect((await readAudit()).statusCode).toBe(200);
    const me = await request(t.app, memberSession, { method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({ role: 'admin', user: { displayName: 'Sam' } });
    expect(me.json().permissions).toContain('user.manage');

    await patch(session, member.id, { role: 'viewer' });
    expectProblem(await readAudit(), 403, 'forbidden');
  });

  it('will not let the last active admin demote or disable themself', async () => {
    const { admin, session } = await team();
    const before = await auditCount(t.runtime, admin.organisationId);
    expectProblem(await patch(session, admin.id, { role: 'caseworker' }), 409, 'last_admin');
    expectProblem(await patch(session, admin.id, { disabled: true }), 409, 'last_admin');
    expect(await memberOf(session, admin.id)).toMatchObject({ role: 'admin', disabled: false });
    expect(await auditCount(t.runtime, admin.organisationId)).toBe(before);
    // Renaming oneself is fine.
    expect((await patch(session, admin.id, { displayName: 'Still admin' })).statusCode).toBe(200);
  });

  it('lets an admin step down once another admin is active', async () => {
    const { org, admin, session } = await team();
    const second = await buildUser(t.runtime, org, 'admin');
    const secondSession = await buildSession(t.runtime, second);
    expect((await patch(session, admin.id, { role: 'viewer' })).json().role).toBe('viewer');
    // Now `second` is the last admin, and a disabled admin does not count.
    expectProblem(await patch(secondSession, second.id, { role: 'viewer' }), 409, 'last_admin');
  });

  it('answers another organisation’s member like an unknown user and changes nothing', async () => {
    const { session } = await team();
    const other = await team();
    const victim = await buildUser(t.runtime, other.org, 'admin');
    const before = await auditCount(t.runtime, other.org.id);
    for (const payload of [{ role: 'viewer' }, { disabled: true }, { displayName: 'Pwned' }]) {
      expectProblem(await patch(session, victim.id, payload), 404, 'user_not_found');
    }
    const reset = await request(t.app, session, {
      method: 'POST',
      url: `/api/users/${victim.id}/reset-2fa`,
    });
    expectProblem(reset, 404, 'user_not_found');
    const unknown = await patch(session, '01900000-0000-7000-8000-000000000000', {
      role: 'viewer',
    });
    expect(unknown.json()).toEqual((await patch(session, victim.id, { role: 'viewer' })).json());
    expect(await memberOf(other.session, victim.id)).toMatchObject({
      role: 'admin',
      disabled: false,
      displayName: 'Test admin',
    });
    expect(await auditCount(t.runtime, other.org.id)).toBe(before);
  });
});
