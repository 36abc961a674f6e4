import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  clockedApp,
  enrolTotp,
  expectProblem,
  login,
  request,
  testApp,
  totpCode,
  type Session,
  type TestApp,
  type TestClock,
} from '@test/support/build-app.ts';
import {
  auditCount,
  buildOrganisation,
  buildSession,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';

/**
 * Security administration needs a person: API tokens can never set up, replace or remove 2FA,
 * change passwords, make admins, reset other users or create tokens; and a browser session needs
 * a fresh re-authentication (password plus code) before it may change 2FA, so a stolen session
 * cannot replace the owner's authenticator.
 */
let t: TestApp;
let app: FastifyInstance;
let clock: TestClock;

beforeAll(async () => {
  t = await testApp();
  ({ app, clock } = await clockedApp(t.runtime));
});

afterAll(async () => {
  await app.close();
});

async function adminWithToken(): Promise<{ admin: TestUser; member: TestUser; token: string }> {
  const org = await buildOrganisation(t.runtime);
  const admin = await buildUser(t.runtime, org, 'admin');
  const member = await buildUser(t.runtime, org, 'caseworker');
  const created = await request(app, await login(app, admin.email, admin.password), {
    method: 'POST',
    url: '/api/tokens',
    payload: { name: 'everything', scopes: ['read', 'write', 'sensitive'] },
  });
  expect(created.statusCode).toBe(201);
  return { admin, member, token: created.json().token as string };
}

async function userRow(id: string) {
  const [row] = await t.runtime.database.query<Record<string, unknown>>(
    `select password_hash, totp_secret_enc, totp_pending_enc, platform_admin from users where id = $1`,
    [id],
  );
  return row;
}

describe('API tokens and security administration', () => {
  it('refuses every 2FA, password, admin and token route to a token with every scope', async () => {
    const { admin, member, token } = await adminWithToken();
    const before = await auditCount(t.runtime, admin.organisationId);
    const adminBefore = await userRow(admin.id);
    const memberBefore = await userRow(member.id);
    const routes: [string, string, unknown?][] = [
      ['POST', '/api/auth/totp/setup'],
      ['POST', '/api/auth/totp/confirm', { code: '123456' }],
      ['POST', '/api/auth/totp/disable', {}],
      ['POST', '/api/auth/recovery-codes'],
      ['POST', '/api/auth/reauth', { password: admin.password }],
      [
        'POST',
        '/api/me/password',
        { currentPassword: admin.password, newPassword: 'x'.repeat(20) + 'Q7' },
      ],
      ['POST', '/api/auth/logout-all'],
      ['GET', '/api/tokens'],
      ['POST', '/api/tokens', { name: 'child' }],
      ['POST', `/api/users/${member.id}/reset-2fa`],
      ['POST', `/api/users/${member.id}/reset-password`],
      ['PATCH', `/api/users/${member.id}`, { role: 'admin' }],
      [
        'POST',
        '/api/users',
        { email: `a-${member.id}@test.homeward.example`, displayName: 'A', role: 'admin' },
      ],
      ['PATCH', '/api/organisation', { requireTotp: true }],
      ['GET', '/api/organisations'],
    ];
    for (const [method, url, payload] of routes) {
      const res = await bearer(app, token, {
        method,
        url,
        ...(payload !== undefined && { payload }),
      });
      expect({ url, status: res.statusCode, code: res.json().code }).toEqual({
        url,
        status: 403,
        code: 'session_required',
      });
    }
    expect(await auditCount(t.runtime, admin.organisationId)).toBe(before);
    expect(await userRow(admin.id)).toEqual(adminBefore);
    expect(await userRow(member.id)).toEqual(memberBefore);
  });

  it('still lets a write token do ordinary administration', async () => {
    const { member, token } = await adminWithToken();
    const renamed = await bearer(app, token, {
      method: 'PATCH',
      url: `/api/users/${member.id}`,
      payload: { role: 'supervisor' },
    });
    expect(renamed.statusCode).toBe(200);
    const org = await bearer(app, token, {
      method: 'PATCH',
      url: '/api/organisation',
      payload: { followUpMonths: [1, 6] },
    });
    expect(org.statusCode).toBe(200);
  });
});

describe('a session without a fresh re-authentication', () => {
  async function enrolledUser(): Promise<{ user: TestUser; secret: string; codes: string[] }> {
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'caseworker');
    const { secret, recoveryCodes } = await enrolTotp(
      app,
      clock,
      await login(app, user.email, user.password, {}),
    );
    return { user, secret, codes: recoveryCodes };
  }

  /** A session whose last password proof is 10 minutes old (a stolen cookie, say). */
  function staleSession(user: TestUser): Promise<Session> {
    return buildSession(t.runtime, user, {
      now: clock.now,
      reauthenticatedAt: new Date(clock.now.getTime() - 10 * 60_000),
    });
  }

  it('cannot replace, remove or re-issue 2FA, and changes nothing', async () => {
    const { user } = await enrolledUser();
    const session = await staleSession(user);
    const before = await userRow(user.id);
    for (const [url, payload] of [
      ['/api/auth/totp/setup', undefined],
      ['/api/auth/totp/confirm', { code: '123456' }],
      ['/api/auth/totp/disable', {}],
      ['/api/auth/recovery-codes', undefined],
    ] as const) {
      const res = await request(app, session, { method: 'POST', url, ...(payload && { payload }) });
      expectProblem(res, 403, 'reauthentication_required');
    }
    expect(await userRow(user.id)).toEqual(before);
    const me = await request(app, session, { method: 'GET', url: '/api/me' });
    expect(me.json().reauthenticatedUntil).toBeNull();
  });

  it('may change 2FA after proving the password and a code, for five minutes', async () => {
    const { user, secret, codes } = await enrolledUser();
    const session = await staleSession(user);
    const reauth = (payload: Record<string, unknown>) =>
      request(app, session, { method: 'POST', url: '/api/auth/reauth', payload });
    expectProblem(await reauth({ password: user.password }), 401, 'totp_required');
    expectProblem(await reauth({ password: user.password, code: '000000' }), 401, 'totp_invalid');
    const ok = await reauth({ password: user.password, code: await totpCode(secret, clock) });
    expect(ok.statusCode).toBe(200);
    const until = Date.parse(ok.json().reauthenticatedUntil as string);
    expect(until - clock.now.getTime()).toBe(5 * 60_000);

    const fresh = await request(app, session, { method: 'POST', url: '/api/auth/recovery-codes' });
    expect(fresh.statusCode).toBe(200);
    const newCodes = fresh.json().recoveryCodes as string[];
    expect(newCodes).toHaveLength(10);
    expect(newCodes).not.toContain(codes[0]);

    clock.advance(5 * 60_000 + 1000);
    const late = await request(app, session, { method: 'POST', url: '/api/auth/totp/setup' });
    expectProblem(late, 403, 'reauthentication_required');
    // A recovery code proves the second factor too, once; the old codes were replaced.
    expectProblem(await reauth({ password: user.password, code: codes[0] }), 401, 'totp_invalid');
    expect((await reauth({ password: user.password, code: newCodes[0] })).statusCode).toBe(200);
    expectProblem(
      await reauth({ password: user.password, code: newCodes[0] }),
      401,
      'totp_invalid',
    );
    const replaced = await request(app, session, { method: 'POST', url: '/api/auth/totp/setup' });
    expect(replaced.statusCode).toBe(200);
  });

  it('refuses new recovery codes to a user without 2FA', async () => {
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'viewer');
    const session = await login(app, user.email, user.password);
    const res = await request(app, session, { method: 'POST', url: '/api/auth/recovery-codes' });
    expectProblem(res, 409, 'totp_not_enabled');
  });
});
