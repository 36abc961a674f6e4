import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  expectProblem,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import { auditCount, buildSession, buildTeam, type TestUser } from '@test/support/factories.ts';
import type { Organisation } from '@/domain/auth/index.ts';
import { ROLES, type Role } from '@/policy/roles.ts';

/** The organisation setting `allowApiTokens`: who may change it, and what it switches off. */

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});

interface Team {
  org: Organisation;
  users: Record<Role, TestUser>;
  sessions: Record<Role, Session>;
}

async function team(): Promise<Team> {
  const { org, users } = await buildTeam(t.runtime);
  const sessions = {} as Record<Role, Session>;
  for (const role of ROLES) {
    sessions[role] = await buildSession(t.runtime, users[role]);
  }
  return { org, users, sessions };
}

const ROLES_WITH_TOKENS: Role[] = ['admin', 'supervisor', 'caseworker', 'viewer'];

async function createToken(s: Session, scopes: string[] = ['read']) {
  return request(t.app, s, {
    method: 'POST',
    url: '/api/tokens',
    payload: { name: 'robot', scopes },
  });
}

async function setAllowTokens(s: Session, allowApiTokens: unknown) {
  return request(t.app, s, {
    method: 'PATCH',
    url: '/api/organisation',
    payload: { allowApiTokens },
  });
}

async function organisationOf(s: Session) {
  return (await request(t.app, s, { method: 'GET', url: '/api/organisation' })).json() as {
    allowApiTokens: boolean;
  };
}

describe('allowApiTokens: the organisation setting', () => {
  it('is on for a new organisation and shown to every member, in /api/me too', async () => {
    const { sessions } = await team();
    for (const role of ROLES) {
      expect(await organisationOf(sessions[role])).toMatchObject({ allowApiTokens: true });
      const me = (await request(t.app, sessions[role], { method: 'GET', url: '/api/me' })).json();
      expect(me.organisation.allowApiTokens).toBe(true);
      expect(me.permissions.includes('token.manage')).toBe(role !== 'outreach');
    }
  });

  it('only the admin may change it, in person; the others get 403 and nothing changes', async () => {
    const { org, sessions } = await team();
    const before = await auditCount(t.runtime, org.id);
    for (const role of ['supervisor', 'caseworker', 'outreach', 'viewer'] as const) {
      expectProblem(await setAllowTokens(sessions[role], false), 403, 'forbidden');
    }
    const adminToken = (await createToken(sessions.admin, ['read', 'write'])).json().token;
    const viaToken = await bearer(t.app, adminToken, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { allowApiTokens: false },
    });
    expectProblem(viaToken, 403, 'session_required');
    expect(await organisationOf(sessions.admin)).toMatchObject({ allowApiTokens: true });
    // Only the token creation above was recorded.
    expect(await auditCount(t.runtime, org.id)).toBe(before + 1);
  });

  it('refuses a value that is not a boolean, changing nothing', async () => {
    const { org, sessions } = await team();
    const before = await auditCount(t.runtime, org.id);
    for (const value of ['no', 0, null, { off: true }]) {
      expectProblem(await setAllowTokens(sessions.admin, value), 400, 'validation_failed');
    }
    expect(await organisationOf(sessions.admin)).toMatchObject({ allowApiTokens: true });
    expect(await auditCount(t.runtime, org.id)).toBe(before);
  });

  it('switched off: POST /api/tokens is 403 for every role, the form permission is gone', async () => {
    const { sessions } = await team();
    const res = await setAllowTokens(sessions.admin, false);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ allowApiTokens: false });
    for (const role of ROLES_WITH_TOKENS) {
      expectProblem(await createToken(sessions[role]), 403, 'api_tokens_disabled');
      const me = (await request(t.app, sessions[role], { method: 'GET', url: '/api/me' })).json();
      expect(me.permissions).not.toContain('token.manage');
      expect(me.organisation.allowApiTokens).toBe(false);
    }
    // Outreach staff hold no token in any organisation.
    expectProblem(await createToken(sessions.outreach), 403, 'forbidden');
  });

  it('switched off: existing tokens stop working and stay revoked when it is on again', async () => {
    const { org, sessions } = await team();
    const tokens = [];
    for (const role of ROLES_WITH_TOKENS) {
      const created = await createToken(sessions[role]);
      expect(created.statusCode).toBe(201);
      tokens.push(created.json().token as string);
    }
    for (const token of tokens) {
      expect((await bearer(t.app, token, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    }
    expect((await setAllowTokens(sessions.admin, false)).statusCode).toBe(200);
    for (const token of tokens) {
      expectProblem(
        await bearer(t.app, token, { method: 'GET', url: '/api/me' }),
        401,
        'unauthenticated',
      );
      expectProblem(
        await bearer(t.app, token, { method: 'GET', url: '/api/cases' }),
        401,
        'unauthenticated',
      );
    }
    const audit = await request(t.app, sessions.admin, {
      method: 'GET',
      url: '/api/audit?action=organisation.update',
    });
    expect(audit.json().items[0]).toMatchObject({
      entityId: org.id,
      details: { fields: ['allowApiTokens'], tokensRevoked: tokens.length },
    });

    expect((await setAllowTokens(sessions.admin, true)).statusCode).toBe(200);
    for (const token of tokens) {
      expect((await bearer(t.app, token, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    }
    const fresh = await createToken(sessions.caseworker);
    expect(fresh.statusCode).toBe(201);
    const me = await bearer(t.app, fresh.json().token, { method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(200);
  });

  it('another organisation keeps its tokens and its setting', async () => {
    const a = await team();
    const b = await team();
    const bToken = (await createToken(b.sessions.caseworker)).json().token as string;
    expect((await setAllowTokens(a.sessions.admin, false)).statusCode).toBe(200);
    expect(await organisationOf(b.sessions.admin)).toMatchObject({ allowApiTokens: true });
    expect((await bearer(t.app, bToken, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await createToken(b.sessions.viewer)).statusCode).toBe(201);
    // B switching off does not switch A back on, nor touch A's setting.
    expect((await setAllowTokens(b.sessions.admin, false)).statusCode).toBe(200);
    expect(await organisationOf(a.sessions.admin)).toMatchObject({ allowApiTokens: false });
    expect((await bearer(t.app, bToken, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });
});
