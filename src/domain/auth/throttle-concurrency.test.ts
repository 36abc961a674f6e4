import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clockedApp,
  enrolTotp,
  login,
  loginRequest,
  randomAddress,
  request,
  testApp,
  totpCode,
  type TestApp,
  type TestClock,
} from '@test/support/build-app.ts';
import { buildOrganisation, buildUser, type TestUser } from '@test/support/factories.ts';
import { THROTTLE } from './throttle.ts';

/**
 * Bursts of simultaneous guesses: every password or code check takes its throttle slot before
 * the secret is verified, so N parallel attempts are evaluated at most the allowed number of
 * times, the rest get 429 with Retry-After, and a correct secret hidden in the burst is refused.
 */
let t: TestApp;
let clocked: { app: FastifyInstance; clock: TestClock };

beforeAll(async () => {
  t = await testApp();
  clocked = await clockedApp(t.runtime);
});

afterAll(async () => {
  await clocked.app.close();
});

async function newUser(): Promise<TestUser> {
  return buildUser(t.runtime, await buildOrganisation(t.runtime), 'caseworker');
}

/** Audit entries of `action` about `user` (each is one evaluated, failed check). */
async function audited(user: TestUser, action: string): Promise<number> {
  const [row] = await t.runtime.database.query<{ n: number }>(
    'select count(*)::int as n from audit_events where action = $1 and entity_id = $2',
    [action, user.id],
  );
  return row!.n;
}

async function sessionsOf(user: TestUser): Promise<number> {
  const [row] = await t.runtime.database.query<{ n: number }>(
    'select count(*)::int as n from sessions where user_id = $1',
    [user.id],
  );
  return row!.n;
}

/** Every response but the evaluated ones is a 429 with a Retry-After header. */
function expectThrottled(responses: LightMyRequestResponse[], evaluated: number): void {
  const throttled = responses.filter((r) => r.statusCode === 429);
  expect(throttled.length).toBe(responses.length - evaluated);
  for (const res of throttled) {
    expect(res.json()).toMatchObject({ code: 'too_many_attempts' });
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  }
}

// Hundreds of simultaneous requests on one shared 2-core machine: the burst can take longer than
// the suite's 30 s default while other suites run; what is asserted is counts, not time.
describe('simultaneous login attempts', { timeout: 120_000 }, () => {
  it('evaluates at most 5 of 300 wrong passwords, and refuses the right one inside the burst', async () => {
    const user = await newUser();
    const attempts = Array.from({ length: 299 }, (_, i) => `wrong-password-${i}`);
    const responses = await Promise.all(
      [...attempts, user.password].map((password) =>
        loginRequest(t.app, { email: user.email, password }, randomAddress()),
      ),
    );
    const failed = await audited(user, 'auth.login_failed');
    expect(failed).toBe(THROTTLE.maxPerAccount);
    expect(responses.filter((r) => r.statusCode === 401)).toHaveLength(failed);
    expectThrottled(responses, failed);
    expect(responses.at(-1)!.statusCode).toBe(429);
    expect(await sessionsOf(user)).toBe(0);
    expect(await audited(user, 'auth.login_throttled')).toBe(300 - failed);
  });

  it('evaluates at most 5 of 200 TOTP guesses, and refuses the right code inside the burst', async () => {
    const user = await newUser();
    const session = await login(clocked.app, user.email, user.password);
    const { secret } = await enrolTotp(clocked.app, clocked.clock, session);
    const right = await totpCode(secret, clocked.clock);
    const wrong = Array.from({ length: 199 }, (_, i) =>
      String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'),
    );
    const responses = await Promise.all(
      [...wrong, right].map((totp) =>
        loginRequest(clocked.app, { email: user.email, password: user.password, totp }),
      ),
    );
    const failed = await audited(user, 'auth.login_failed');
    expect(failed).toBeLessThanOrEqual(THROTTLE.maxPerAccount);
    expect(responses.filter((r) => r.statusCode === 401)).toHaveLength(failed);
    expectThrottled(responses, failed);
    expect(responses.at(-1)!.statusCode).toBe(429);
    expect(await sessionsOf(user)).toBe(1); // only the enrolment login
  });
});

describe('simultaneous re-authentication and password-change guesses', () => {
  it('evaluates at most 5 of 40 re-authentication passwords, auditing each failure', async () => {
    const user = await newUser();
    const session = await login(t.app, user.email, user.password);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request(t.app, session, {
          method: 'POST',
          url: '/api/auth/reauth',
          payload: { password: `guess-number-${i}` },
          remoteAddress: randomAddress(),
        }),
      ),
    );
    const failed = await audited(user, 'auth.reauth_failed');
    expect(failed).toBe(THROTTLE.maxPerAccount);
    expectThrottled(responses, failed);
    const right = await request(t.app, session, {
      method: 'POST',
      url: '/api/auth/reauth',
      payload: { password: user.password },
    });
    expect(right.statusCode).toBe(429);
    // The account's lock also holds for logins: guesses through a stolen session count.
    expect(
      (await loginRequest(t.app, { email: user.email, password: user.password })).statusCode,
    ).toBe(429);
  });

  it('evaluates at most 5 of 40 current-password guesses of a password change', async () => {
    const user = await newUser();
    const session = await login(t.app, user.email, user.password);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        request(t.app, session, {
          method: 'POST',
          url: '/api/me/password',
          payload: {
            currentPassword: `guess-number-${i}`,
            newPassword: 'a brand new passphrase 1',
          },
          remoteAddress: randomAddress(),
        }),
      ),
    );
    const failed = await audited(user, 'auth.password_change_failed');
    expect(failed).toBe(THROTTLE.maxPerAccount);
    expectThrottled(responses, failed);
    expect(
      (await loginRequest(t.app, { email: user.email, password: user.password })).statusCode,
    ).toBe(429);
  });
});
