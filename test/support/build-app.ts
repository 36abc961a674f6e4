import { randomInt } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { expect } from 'vitest';
import { buildApp } from '@/server/app.ts';
import { testRuntime, type TestRuntime } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  runtime: TestRuntime;
}

let shared: Promise<TestApp> | undefined;

/** The app on the worker's test database; one instance per worker. */
export function testApp(): Promise<TestApp> {
  shared ??= (async () => {
    const runtime = await testRuntime();
    const app = await buildApp({
      database: runtime.database,
      cipher: runtime.cipher,
      logger: false,
    });
    await app.ready();
    return { app, runtime };
  })();
  return shared;
}

/** A clock tests move by hand. */
export interface TestClock {
  now: Date;
  advance(ms: number): Date;
}

/**
 * A second app on the same runtime whose clock the test controls (session timeouts, TOTP steps,
 * token expiry). Close it in `afterAll`.
 */
export async function clockedApp(
  runtime: TestRuntime,
  start: Date = new Date(),
): Promise<{ app: FastifyInstance; clock: TestClock }> {
  const clock: TestClock = {
    now: start,
    advance(ms) {
      clock.now = new Date(clock.now.getTime() + ms);
      return clock.now;
    },
  };
  const app = await buildApp({
    database: runtime.database,
    cipher: runtime.cipher,
    logger: false,
    clock: () => clock.now,
  });
  await app.ready();
  return { app, clock };
}

/**
 * A random client address. Login throttling counts failures per address and every injected
 * request comes from 127.0.0.1, so tests that log in (or fail to) use their own address.
 */
export function randomAddress(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** A logged-in browser-like client: session cookie plus CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

/**
 * A request as a test writes it. `payload` is `unknown` because tests also send deliberately
 * malformed bodies: objects, arrays, strings and Buffers go as light-my-request sends them
 * (objects and arrays as JSON), numbers and booleans as JSON too.
 */
export type TestRequest = Omit<InjectOptions, 'payload' | 'body'> & {
  method: string;
  url: string;
  payload?: unknown;
};

function toInject(opts: TestRequest, headers: Record<string, string>): InjectOptions {
  const { payload, ...rest } = opts;
  if (payload === undefined || payload === null) {
    return { ...rest, headers };
  }
  if (typeof payload === 'object' || typeof payload === 'string') {
    return { ...rest, headers, payload };
  }
  return {
    ...rest,
    headers: { 'content-type': 'application/json', ...headers },
    payload: JSON.stringify(payload),
  };
}

/** Makes a request as `session` (cookie + CSRF header), or anonymously. */
export function request(
  app: FastifyInstance,
  session: Session | null,
  opts: TestRequest,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
  if (session) {
    headers.cookie = `hw_session=${session.cookie}`;
    headers['x-csrf-token'] ??= session.csrfToken;
  }
  return app.inject(toInject(opts, headers));
}

/** Makes a request with `Authorization: Bearer <token>` and no cookie. */
export function bearer(
  app: FastifyInstance,
  token: string,
  opts: TestRequest,
): Promise<LightMyRequestResponse> {
  const headers = { ...(opts.headers as Record<string, string>), authorization: `Bearer ${token}` };
  return app.inject(toInject(opts, headers));
}

/** Posts to /api/auth/login from `remoteAddress` (random unless given). */
export function loginRequest(
  app: FastifyInstance,
  payload: Record<string, unknown>,
  remoteAddress: string = randomAddress(),
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload,
    remoteAddress,
  });
}

/** The session in a successful login response. */
export function sessionOf(res: LightMyRequestResponse): Session {
  const cookie = res.cookies.find((c) => c.name === 'hw_session');
  if (!cookie) {
    throw new Error(`no session cookie: ${res.statusCode} ${res.body}`);
  }
  return { cookie: cookie.value, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}

/** Logs in through the API (from a random client address); throws when the login fails. */
export async function login(
  app: FastifyInstance,
  email: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<Session> {
  const res = await loginRequest(app, { email, password, ...extra });
  if (res.statusCode !== 200) {
    throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  }
  return sessionOf(res);
}

/** Asserts an RFC 9457 problem response with `status` and `code`; returns the body. */
export function expectProblem(
  res: LightMyRequestResponse,
  status: number,
  code: string,
): { code: string; status: number; title: string; errors?: { path: string; message: string }[] } {
  expect({ status: res.statusCode, body: res.body }).toMatchObject({ status });
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json() as {
    code: string;
    status: number;
    title: string;
    errors?: { path: string; message: string }[];
  };
  expect(body.code).toBe(code);
  expect(body.status).toBe(status);
  return body;
}

/** The TOTP code an authenticator app shows at the clock's time. */
export function totpCode(secret: string, clock: TestClock): Promise<string> {
  return generate({ secret, epoch: Math.floor(clock.now.getTime() / 1000) });
}

/**
 * Enrols the session's user in TOTP through the API on a clocked app, then moves the clock to the
 * next time step (a code is accepted once, so the next login needs a newer one).
 */
export async function enrolTotp(
  app: FastifyInstance,
  clock: TestClock,
  session: Session,
): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await request(app, session, { method: 'POST', url: '/api/auth/totp/setup' });
  expect(setup.statusCode).toBe(200);
  const { secret } = setup.json() as { secret: string };
  const confirm = await request(app, session, {
    method: 'POST',
    url: '/api/auth/totp/confirm',
    payload: { code: await totpCode(secret, clock) },
  });
  expect(confirm.statusCode).toBe(200);
  clock.advance(30_000);
  return { secret, recoveryCodes: (confirm.json() as { recoveryCodes: string[] }).recoveryCodes };
}
