import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clockedApp,
  expectProblem,
  loginRequest,
  randomAddress,
  request,
  testApp,
  type TestApp,
  type TestClock,
} from '@test/support/build-app.ts';
import {
  buildOrganisation,
  buildSession,
  buildUser,
  unique,
  type TestUser,
} from '@test/support/factories.ts';
import { THROTTLE } from './throttle.ts';

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

/** `n` wrong passwords for `email`, each from its own address. */
async function failLogins(app: FastifyInstance, email: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const res = await loginRequest(app, { email, password: `wrong-password-${i}` });
    expectProblem(res, 401, 'invalid_credentials');
  }
}

function expectRetryAfter(res: { headers: Record<string, unknown> }): number {
  const seconds = Number(res.headers['retry-after']);
  expect(Number.isInteger(seconds)).toBe(true);
  expect(seconds).toBeGreaterThan(0);
  expect(seconds).toBeLessThanOrEqual(THROTTLE.lockMs / 1000);
  return seconds;
}

describe('login throttling per account', () => {
  it('locks the account after 5 failures, even against the right password and from anywhere', async () => {
    const user = await newUser();
    await failLogins(t.app, user.email, THROTTLE.maxPerAccount);
    const res = await loginRequest(t.app, { email: user.email, password: user.password });
    expectProblem(res, 429, 'too_many_attempts');
    expectRetryAfter(res);
    expect(res.cookies.find((c) => c.name === 'hw_session')).toBeUndefined();
  });

  it('locks an unknown email the same way, so locks do not reveal who has an account', async () => {
    const email = `nobody-${unique()}@test.homeward.example`;
    await failLogins(t.app, email, THROTTLE.maxPerAccount);
    const res = await loginRequest(t.app, { email, password: 'wrong-password-x' });
    expectProblem(res, 429, 'too_many_attempts');
    expectRetryAfter(res);
  });

  it('forgets earlier failures after a successful login', async () => {
    const user = await newUser();
    await failLogins(t.app, user.email, THROTTLE.maxPerAccount - 1);
    expect(
      (await loginRequest(t.app, { email: user.email, password: user.password })).statusCode,
    ).toBe(200);
    await failLogins(t.app, user.email, THROTTLE.maxPerAccount - 1);
    const res = await loginRequest(t.app, { email: user.email, password: user.password });
    expect(res.statusCode).toBe(200);
  });

  it('shows the lock to admins and lifts it after the lock period', async () => {
    const org = await buildOrganisation(t.runtime);
    const admin = await buildUser(t.runtime, org, 'admin');
    const user = await buildUser(t.runtime, org, 'viewer');
    await failLogins(clocked.app, user.email, THROTTLE.maxPerAccount);
    const list = await request(clocked.app, await buildSession(t.runtime, admin), {
      method: 'GET',
      url: '/api/users',
    });
    const listed = (list.json() as { items: { id: string; lockedUntil: string | null }[] }).items;
    expect(listed.find((u) => u.id === user.id)?.lockedUntil).not.toBeNull();
    expect(listed.find((u) => u.id === admin.id)?.lockedUntil).toBeNull();

    const locked = await loginRequest(clocked.app, { email: user.email, password: user.password });
    clocked.clock.advance(expectRetryAfter(locked) * 1000 - 1000);
    const still = await loginRequest(clocked.app, { email: user.email, password: user.password });
    expectProblem(still, 429, 'too_many_attempts');
    clocked.clock.advance(2000);
    const res = await loginRequest(clocked.app, { email: user.email, password: user.password });
    expect(res.statusCode).toBe(200);
  });
});

describe('login throttling per address', () => {
  it('locks an address after 20 failures across different emails, not other addresses', async () => {
    const address = randomAddress();
    for (let i = 0; i < THROTTLE.maxPerAddress; i += 1) {
      const email = `spray-${i}-${unique()}@test.homeward.example`;
      const res = await loginRequest(t.app, { email, password: 'Summer2024!' }, address);
      expectProblem(res, 401, 'invalid_credentials');
    }
    const user = await newUser();
    const blocked = await loginRequest(
      t.app,
      { email: user.email, password: user.password },
      address,
    );
    expectProblem(blocked, 429, 'too_many_attempts');
    expectRetryAfter(blocked);
    const elsewhere = await loginRequest(t.app, { email: user.email, password: user.password });
    expect(elsewhere.statusCode).toBe(200);
  });
});
