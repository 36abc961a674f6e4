import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clockedApp,
  enrolTotp,
  expectProblem,
  login,
  loginRequest,
  request,
  testApp,
  totpCode,
  type Session,
  type TestApp,
  type TestClock,
} from '@test/support/build-app.ts';
import { auditCount, buildOrganisation, buildUser } from '@test/support/factories.ts';

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

async function orgWithAdminAndMember() {
  const org = await buildOrganisation(t.runtime);
  const admin = await buildUser(t.runtime, org, 'admin');
  const member = await buildUser(t.runtime, org, 'caseworker');
  return { org, admin, member, adminSession: await login(app, admin.email, admin.password) };
}

const requireTotp = (s: Session, value: boolean) =>
  request(app, s, { method: 'PATCH', url: '/api/organisation', payload: { requireTotp: value } });

describe('organisation requires 2FA', () => {
  it('lets a member who has not enrolled do nothing but enrol', async () => {
    const { admin, adminSession } = await orgWithAdminAndMember();
    expect((await requireTotp(adminSession, true)).json().requireTotp).toBe(true);

    const me = await request(app, adminSession, { method: 'GET', url: '/api/me' });
    expect(me.json().totpEnrolmentRequired).toBe(true);
    for (const [method, url] of [
      ['GET', '/api/users'],
      ['GET', '/api/organisation'],
      ['GET', '/api/audit'],
      ['GET', '/api/tokens'],
    ] as const) {
      expectProblem(
        await request(app, adminSession, { method, url }),
        403,
        'totp_enrolment_required',
      );
    }
    const before = await auditCount(t.runtime, admin.organisationId);
    const undo = await requireTotp(adminSession, false);
    expectProblem(undo, 403, 'totp_enrolment_required');
    expect(await auditCount(t.runtime, admin.organisationId)).toBe(before);

    await enrolTotp(app, clock, adminSession);
    const after = await request(app, adminSession, { method: 'GET', url: '/api/me' });
    expect(after.json()).toMatchObject({
      totpEnrolmentRequired: false,
      user: { totpEnabled: true },
    });
    expect(
      (await request(app, adminSession, { method: 'GET', url: '/api/users' })).statusCode,
    ).toBe(200);
  });

  it('refuses to turn 2FA off while the organisation requires it', async () => {
    const { admin, adminSession } = await orgWithAdminAndMember();
    const { secret } = await enrolTotp(app, clock, adminSession);
    await requireTotp(adminSession, true);
    const res = await request(app, adminSession, {
      method: 'POST',
      url: '/api/auth/totp/disable',
      payload: {},
    });
    expectProblem(res, 409, 'totp_required_by_organisation');
    const creds = { email: admin.email, password: admin.password };
    expectProblem(await loginRequest(app, creds), 401, 'totp_required');
    const ok = await loginRequest(app, { ...creds, totp: await totpCode(secret, clock) });
    expect(ok.statusCode).toBe(200);
  });
});

describe('POST /api/auth/totp/disable', () => {
  it('needs a fresh re-authentication with password and code, then turns 2FA off', async () => {
    const { member } = await orgWithAdminAndMember();
    const session = await login(app, member.email, member.password);
    const { secret } = await enrolTotp(app, clock, session);
    clock.advance(6 * 60_000);
    const disable = () =>
      request(app, session, { method: 'POST', url: '/api/auth/totp/disable', payload: {} });
    expectProblem(await disable(), 403, 'reauthentication_required');
    const reauth = (payload: Record<string, unknown>) =>
      request(app, session, { method: 'POST', url: '/api/auth/reauth', payload });
    expectProblem(
      await reauth({ password: 'not-my-password', code: await totpCode(secret, clock) }),
      401,
      'invalid_credentials',
    );
    expectProblem(await reauth({ password: member.password }), 401, 'totp_required');
    expectProblem(await disable(), 403, 'reauthentication_required');
    const creds = { email: member.email, password: member.password };
    expectProblem(await loginRequest(app, creds), 401, 'totp_required');

    const ok = await reauth({ password: member.password, code: await totpCode(secret, clock) });
    expect(ok.statusCode).toBe(200);
    expect((await disable()).statusCode).toBe(204);
    expect((await loginRequest(app, creds)).statusCode).toBe(200);
  });
});

describe('POST /api/users/:userId/reset-2fa', () => {
  it('removes a member’s 2FA, ends their sessions, and is audited', async () => {
    const { admin, member, adminSession } = await orgWithAdminAndMember();
    const session = await login(app, member.email, member.password);
    const { recoveryCodes } = await enrolTotp(app, clock, session);
    const res = await request(app, adminSession, {
      method: 'POST',
      url: `/api/users/${member.id}/reset-2fa`,
    });
    expect(res.statusCode).toBe(204);
    expectProblem(
      await request(app, session, { method: 'GET', url: '/api/me' }),
      401,
      'unauthenticated',
    );
    const creds = { email: member.email, password: member.password };
    const relogin = await loginRequest(app, creds);
    expect(relogin.statusCode).toBe(200);
    expect(relogin.json().user.totpEnabled).toBe(false);
    // Old recovery codes are gone with the secret.
    const [{ n } = { n: -1 }] = await t.runtime.database.query<{ n: number }>(
      'select count(*)::int as n from recovery_codes where user_id = $1',
      [member.id],
    );
    expect(n).toBe(0);
    expect(recoveryCodes).toHaveLength(10);

    const audit = await request(app, adminSession, {
      method: 'GET',
      url: '/api/audit?action=user.reset_2fa',
    });
    expect(audit.json().items).toEqual([
      expect.objectContaining({ actorUserId: admin.id, entityId: member.id, outcome: 'success' }),
    ]);
  });
});
