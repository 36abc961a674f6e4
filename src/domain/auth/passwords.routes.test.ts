import { beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  expectProblem,
  login,
  loginRequest,
  request,
  testApp,
  type Session,
  type TestApp,
} from '@test/support/build-app.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  makePlatformAdmin,
  unique,
  type TestUser,
} from '@test/support/factories.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { resetPasswordForOperator } from './operator.service.ts';

/**
 * Passwords can be changed and reset: by the user (current password needed; every other session
 * and API token ends), by an organisation admin (a temporary password that must be changed at
 * the next login) and by the operator's CLI. Accounts are installation-wide, so an organisation
 * admin may reset only accounts that belong to their organisation alone.
 */
let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});

const NEW_PASSWORD = () => `a fresh passphrase ${unique()}`;

async function tokenOf(session: Session): Promise<string> {
  const res = await request(t.app, session, {
    method: 'POST',
    url: '/api/tokens',
    payload: { name: 'robot', scopes: ['read'] },
  });
  expect(res.statusCode).toBe(201);
  return res.json().token as string;
}

async function actions(user: TestUser, action: string): Promise<number> {
  const [row] = await t.runtime.database.query<{ n: number }>(
    'select count(*)::int as n from audit_events where action = $1 and entity_id = $2',
    [action, user.id],
  );
  return row!.n;
}

const me = (s: Session) => request(t.app, s, { method: 'GET', url: '/api/me' });

describe('POST /api/me/password', () => {
  it('needs the current password, ends other sessions and tokens, keeps this one', async () => {
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'caseworker');
    const here = await login(t.app, user.email, user.password);
    const elsewhere = await login(t.app, user.email, user.password);
    const token = await tokenOf(here);
    const change = (payload: Record<string, string>) =>
      request(t.app, here, { method: 'POST', url: '/api/me/password', payload });

    const newPassword = NEW_PASSWORD();
    expectProblem(
      await change({ currentPassword: 'not my password at all', newPassword }),
      401,
      'invalid_credentials',
    );
    expect(await actions(user, 'auth.password_change_failed')).toBe(1);
    const weak = await change({ currentPassword: user.password, newPassword: 'password1234' });
    expect(expectProblem(weak, 400, 'weak_password').errors?.[0]?.path).toBe('newPassword');
    expectProblem(
      await change({ currentPassword: user.password, newPassword: user.password }),
      400,
      'weak_password',
    );
    expect((await me(elsewhere)).statusCode).toBe(200);

    const ok = await change({ currentPassword: user.password, newPassword });
    expect(ok.statusCode).toBe(204);
    expect((await me(here)).statusCode).toBe(200);
    expectProblem(await me(elsewhere), 401, 'unauthenticated');
    expectProblem(
      await bearer(t.app, token, { method: 'GET', url: '/api/me' }),
      401,
      'unauthenticated',
    );
    expectProblem(
      await loginRequest(t.app, { email: user.email, password: user.password }),
      401,
      'invalid_credentials',
    );
    expect(
      (await loginRequest(t.app, { email: user.email, password: newPassword })).statusCode,
    ).toBe(200);
    expect(await actions(user, 'auth.password_changed')).toBe(1);
  });
});

describe('POST /api/users/:userId/reset-password', () => {
  it('gives a temporary password that must be changed before anything else', async () => {
    const org = await buildOrganisation(t.runtime);
    const admin = await buildUser(t.runtime, org, 'admin');
    const member = await buildUser(t.runtime, org, 'caseworker');
    const memberSession = await login(t.app, member.email, member.password);
    const token = await tokenOf(memberSession);
    const adminSession = await buildSession(t.runtime, admin);

    const res = await request(t.app, adminSession, {
      method: 'POST',
      url: `/api/users/${member.id}/reset-password`,
    });
    expect(res.statusCode).toBe(200);
    const { temporaryPassword } = res.json() as { temporaryPassword: string };
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(20);
    expectProblem(await me(memberSession), 401, 'unauthenticated');
    expectProblem(
      await bearer(t.app, token, { method: 'GET', url: '/api/me' }),
      401,
      'unauthenticated',
    );
    expect(
      (await loginRequest(t.app, { email: member.email, password: member.password })).statusCode,
    ).toBe(401);

    const temp = await login(t.app, member.email, temporaryPassword);
    expect((await me(temp)).json().user.mustChangePassword).toBe(true);
    for (const url of ['/api/cases', '/api/tasks', '/api/tokens', '/api/organisation']) {
      expectProblem(
        await request(t.app, temp, { method: 'GET', url }),
        403,
        'password_change_required',
      );
    }
    const newPassword = NEW_PASSWORD();
    const changed = await request(t.app, temp, {
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: temporaryPassword, newPassword },
    });
    expect(changed.statusCode).toBe(204);
    expect((await me(temp)).json().user.mustChangePassword).toBe(false);
    expect((await request(t.app, temp, { method: 'GET', url: '/api/cases' })).statusCode).toBe(200);
    expect(await actions(member, 'user.reset_password')).toBe(1);
  });

  it('leaves an account shared with another organisation to a platform admin', async () => {
    const orgA = await buildOrganisation(t.runtime);
    const orgB = await buildOrganisation(t.runtime);
    const member = await buildUser(t.runtime, orgA, 'caseworker');
    const adminA = await buildSession(t.runtime, await buildUser(t.runtime, orgA, 'admin'));
    const adminBUser = await buildUser(t.runtime, orgB, 'admin');
    const adminB = await buildSession(t.runtime, adminBUser);
    const added = await request(t.app, adminB, {
      method: 'POST',
      url: '/api/users',
      payload: { email: member.email, displayName: 'Shared', role: 'caseworker' },
    });
    expect(added.json()).toMatchObject({ existingAccount: true });

    for (const admin of [adminA, adminB]) {
      for (const action of ['reset-password', 'reset-2fa']) {
        const res = await request(t.app, admin, {
          method: 'POST',
          url: `/api/users/${member.id}/${action}`,
        });
        expectProblem(res, 403, 'forbidden');
      }
      const rename = await request(t.app, admin, {
        method: 'PATCH',
        url: `/api/users/${member.id}`,
        payload: { displayName: 'Taken over' },
      });
      expectProblem(rename, 403, 'forbidden');
    }
    expect(
      (await loginRequest(t.app, { email: member.email, password: member.password })).statusCode,
    ).toBe(200);

    await makePlatformAdmin(t.runtime, adminBUser);
    const platform = await buildSession(t.runtime, adminBUser);
    const res = await request(t.app, platform, {
      method: 'POST',
      url: `/api/users/${member.id}/reset-password`,
    });
    expect(res.statusCode).toBe(200);
  });
});

describe('POST /api/users (a new member)', () => {
  it('must choose their own password at the first login, generated or set by the admin', async () => {
    const org = await buildOrganisation(t.runtime);
    const admin = await buildSession(t.runtime, await buildUser(t.runtime, org, 'admin'));
    const chosen = NEW_PASSWORD();
    for (const password of [undefined, chosen]) {
      const email = `new-${unique()}@test.homeward.example`;
      const res = await request(t.app, admin, {
        method: 'POST',
        url: '/api/users',
        payload: {
          email,
          displayName: 'New member',
          role: 'caseworker',
          ...(password && { password }),
        },
      });
      expect(res.statusCode).toBe(201);
      const first = await login(t.app, email, password ?? (res.json().temporaryPassword as string));
      expect((await me(first)).json().user.mustChangePassword).toBe(true);
      expectProblem(
        await request(t.app, first, { method: 'GET', url: '/api/cases' }),
        403,
        'password_change_required',
      );
    }
  });
});

describe('POST /api/auth/logout-all', () => {
  it('also revokes the user’s API tokens', async () => {
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'viewer');
    const session = await login(t.app, user.email, user.password);
    const token = await tokenOf(session);
    expect((await bearer(t.app, token, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const res = await request(t.app, session, { method: 'POST', url: '/api/auth/logout-all' });
    expect(res.statusCode).toBe(204);
    expectProblem(
      await bearer(t.app, token, { method: 'GET', url: '/api/me' }),
      401,
      'unauthenticated',
    );
  });
});

describe('homeward user reset-password (operator)', () => {
  it('sets a generated password to be changed, or a chosen one as it is', async () => {
    const user = await buildUser(t.runtime, await buildOrganisation(t.runtime), 'viewer');
    const session = await login(t.app, user.email, user.password);
    const operator = () => systemCtx({ db: t.runtime.database.db, cipher: t.runtime.cipher });
    const generated = await resetPasswordForOperator(operator(), user.email.toUpperCase());
    expect(generated.generated).not.toBeNull();
    expectProblem(await me(session), 401, 'unauthenticated');
    const temp = await login(t.app, user.email, generated.generated!);
    expect((await me(temp)).json().user.mustChangePassword).toBe(true);

    const chosen = NEW_PASSWORD();
    const done = await resetPasswordForOperator(operator(), user.email, chosen);
    expect(done.generated).toBeNull();
    const mine = await login(t.app, user.email, chosen);
    expect((await me(mine)).json().user.mustChangePassword).toBe(false);
    await expect(resetPasswordForOperator(operator(), user.email, 'short')).rejects.toMatchObject({
      code: 'weak_password',
    });
  });
});
