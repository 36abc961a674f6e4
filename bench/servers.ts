import Fastify, { type FastifyInstance } from 'fastify';
import { SESSION_COOKIE } from '@/domain/auth/index.ts';
import { buildApp } from '@/server/app.ts';
import type { BenchAccount, BenchRuntime } from './runtime.ts';

/** Benchmarks only ever listen on, and connect to, the loopback interface. */
export const LOOPBACK = '127.0.0.1';

/** A server listening on a random loopback port. */
export interface Listening {
  app: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  origin: string;
}

async function listen(app: FastifyInstance): Promise<Listening> {
  await app.listen({ host: LOOPBACK, port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error('server did not report a TCP address');
  }
  return { app, origin: `http://${LOOPBACK}:${address.port}` };
}

/** The baseline: a Fastify hello-world with defaults, `GET /` → `{"hello":"world"}`. */
export async function startBareFastify(): Promise<Listening> {
  const app = Fastify({ logger: false });
  app.get('/', async () => ({ hello: 'world' }));
  return listen(app);
}

/** The real Homeward app (`buildApp`), logger off as in tests. */
export async function startHomeward(rt: BenchRuntime): Promise<Listening> {
  const app = await buildApp({ database: rt.database, cipher: rt.cipher, logger: false });
  return listen(app);
}

/**
 * Logs in once through `POST /api/auth/login` over HTTP and returns the `Cookie` header value
 * (`hw_session=…`). Throws with the response body when the login is refused.
 */
export async function loginCookie(homeward: Listening, account: BenchAccount): Promise<string> {
  const res = await fetch(`${homeward.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
    signal: AbortSignal.timeout(10_000),
  });
  const body = await res.text();
  if (res.status !== 200) {
    throw new Error(`login failed: ${res.status} ${body}`);
  }
  const prefix = `${SESSION_COOKIE}=`;
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!.trim())
    .find((c) => c.startsWith(prefix));
  if (!cookie) {
    throw new Error('login succeeded but set no session cookie');
  }
  return cookie;
}

/**
 * One request before the load starts, so a wrong status or body fails loudly instead of being
 * benchmarked. `check` receives the parsed JSON body.
 */
export async function probe(
  url: string,
  headers: Record<string, string>,
  check: (body: unknown) => boolean,
): Promise<void> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  if (res.status !== 200 || !check(JSON.parse(text))) {
    throw new Error(`probe of ${url} failed: ${res.status} ${text.slice(0, 300)}`);
  }
}

/** Closes servers in reverse order; never throws (used on the way out). */
export async function closeAll(servers: Listening[]): Promise<void> {
  for (const server of [...servers].reverse()) {
    await server.app.close().catch(() => undefined);
  }
}
