import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
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
    const app = await buildApp({ database: runtime.database, cipher: runtime.cipher, logger: false });
    await app.ready();
    return { app, runtime };
  })();
  return shared;
}

/** A logged-in browser-like client: session cookie plus CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
}

/** Makes a request as `session` (cookie + CSRF header), or anonymously. */
export function request(
  app: FastifyInstance,
  session: Session | null,
  opts: InjectOptions & { method: string; url: string },
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
  if (session) {
    headers.cookie = `hw_session=${session.cookie}`;
    headers['x-csrf-token'] ??= session.csrfToken;
  }
  return app.inject({ ...opts, headers } as InjectOptions) as Promise<LightMyRequestResponse>;
}

/** Logs in through the API; throws when the login fails. */
export async function login(
  app: FastifyInstance,
  email: string,
  password: string,
  extra: Record<string, string> = {},
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password, ...extra },
  });
  if (res.statusCode !== 200) {
    throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  }
  const cookie = res.cookies.find((c) => c.name === 'hw_session');
  return { cookie: cookie!.value, csrfToken: (res.json() as { csrfToken: string }).csrfToken };
}
