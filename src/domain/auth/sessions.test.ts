import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clockedApp,
  expectProblem,
  login,
  loginRequest,
  request,
  testApp,
  type Session,
  type TestApp,
  type TestClock,
} from '@test/support/build-app.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';
import { SESSION_ABSOLUTE_MS, SESSION_IDLE_MS } from './auth.service.ts';

const MINUTE = 60_000;

let t: TestApp;
let clocked: { app: FastifyInstance; clock: TestClock };

beforeAll(async () => {
  t = await testApp();
  clocked = await clockedApp(t.runtime);
});

afterAll(async () => {
  await clocked.app.close();
});

async function newUser(role: 'admin' | 'viewer' = 'viewer'): Promise<TestUser> {
  return buildUser(t.runtime, await buildOrganisation(t.runtime), role);
}

const me = (app: FastifyInstance, s: Session) => request(app, s, { method: 'GET', url: '/api/me' });

describe('session cookie', () => {
  it('is HttpOnly, SameSite=Strict, site-wide, and only its hash is stored', async () => {
    const user = await newUser();
    const res = await loginRequest(t.app, { email: user.email, password: user.password });
    const cookie = res.cookies.find((c) => c.name === 'hw_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const lifetime = new Date(cookie.expires!).getTime() - Date.now();
    expect(Math.abs(lifetime - SESSION_ABSOLUTE_MS)).toBeLessThan(5 * MINUTE);
    const stored = await t.runtime.database.query<Record<string, unknown>>(
      'select * from sessions where user_id = $1',
      [user.id],
    );
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(cookie.value);
  });

  it('is refused when unknown or forged', async () => {
    for (const cookie of ['made-up', '', 'a'.repeat(5000)]) {
      const res = await me(t.app, { cookie, csrfToken: 'x' });
      expectProblem(res, 401, 'unauthenticated');
    }
  });
});

describe('session lifetime', () => {
  it('ends after 30 minutes without a request, and activity keeps it alive', async () => {
    const user = await newUser();
    const s = await login(clocked.app, user.email, user.password);
    clocked.clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await me(clocked.app, s)).statusCode).toBe(200);
    clocked.clock.advance(SESSION_IDLE_MS - MINUTE);
    expect((await me(clocked.app, s)).statusCode).toBe(200);
    clocked.clock.advance(SESSION_IDLE_MS + MINUTE);
    expectProblem(await me(clocked.app, s), 401, 'unauthenticated');
    // Once ended it stays ended, even if the clock were to go back.
    clocked.clock.advance(-(SESSION_IDLE_MS + MINUTE));
    expectProblem(await me(clocked.app, s), 401, 'unauthenticated');
  });

  it('ends 12 hours after login however active it is', async () => {
    const user = await newUser();
    const s = await login(clocked.app, user.email, user.password);
    const steps = SESSION_ABSOLUTE_MS / (20 * MINUTE);
    for (let i = 1; i < steps; i += 1) {
      clocked.clock.advance(20 * MINUTE);
      expect((await me(clocked.app, s)).statusCode, `after ${i * 20} minutes`).toBe(200);
    }
    clocked.clock.advance(20 * MINUTE);
    expectProblem(await me(clocked.app, s), 401, 'unauthenticated');
  });
});

describe('ending sessions', () => {
  it('logout ends only this session', async () => {
    const user = await newUser();
    const a = await login(t.app, user.email, user.password);
    const b = await login(t.app, user.email, user.password);
    const out = await request(t.app, a, { method: 'POST', url: '/api/auth/logout' });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === 'hw_session')?.value).toBe('');
    expectProblem(await me(t.app, a), 401, 'unauthenticated');
    expect((await me(t.app, b)).statusCode).toBe(200);
  });

  it('logout-all ends every session of the user, and no one else', async () => {
    const user = await newUser();
    const other = await newUser();
    const a = await login(t.app, user.email, user.password);
    const b = await login(t.app, user.email, user.password);
    const c = await login(t.app, other.email, other.password);
    const out = await request(t.app, a, { method: 'POST', url: '/api/auth/logout-all' });
    expect(out.statusCode).toBe(204);
    expectProblem(await me(t.app, a), 401, 'unauthenticated');
    expectProblem(await me(t.app, b), 401, 'unauthenticated');
    expect((await me(t.app, c)).statusCode).toBe(200);
  });

  it('disabling a user ends their sessions and stops them logging in until re-enabled', async () => {
    const org = await buildOrganisation(t.runtime);
    const admin = await buildSession(t.runtime, await buildUser(t.runtime, org, 'admin'));
    const user = await buildUser(t.runtime, org, 'caseworker');
    const s = await login(t.app, user.email, user.password);
    const patch = (disabled: boolean) =>
      request(t.app, admin, {
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { disabled },
      });
    expect((await patch(true)).json().disabled).toBe(true);
    expectProblem(await me(t.app, s), 401, 'unauthenticated');
    const refused = await loginRequest(t.app, { email: user.email, password: user.password });
    expectProblem(refused, 401, 'invalid_credentials');
    expect((await patch(false)).statusCode).toBe(200);
    const again = await loginRequest(t.app, { email: user.email, password: user.password });
    expect(again.statusCode).toBe(200);
  });
});
