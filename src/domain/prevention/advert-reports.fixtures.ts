import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { randomAddress, request, type Session } from '@test/support/build-app.ts';
import { buildCallers, type Caller } from '@test/support/callers.ts';
import type { TestRuntime } from '@test/support/database.ts';
import { unique, type TestUser } from '@test/support/factories.ts';

/**
 * Reported-advert test scenario: organisation A (every role) reviews Cambodia (KHM), organisation
 * B (an admin) reviews Myanmar (MMR), and a platform admin of a third organisation assigns them.
 */
export interface AdvertScenario {
  sessions: Record<Caller, Session>;
  users: Record<Caller, TestUser>;
  orgA: string;
  orgB: string;
}

/** Builds the scenario and assigns KHM to A and MMR to B (replacing every assignment). */
export async function advertScenario(
  rt: TestRuntime,
  app: FastifyInstance,
  now?: Date,
): Promise<AdvertScenario> {
  const callers = await buildCallers(rt, now ? { now } : {});
  const s = {
    sessions: callers.as,
    users: callers.users,
    orgA: callers.orgId,
    orgB: callers.otherOrgId,
  };
  const put = await assign(app, s, [
    { country: 'KHM', organisationIds: [s.orgA] },
    { country: 'MMR', organisationIds: [s.orgB] },
  ]);
  if (put.statusCode !== 200) {
    throw new Error(`assignment failed: ${put.statusCode} ${put.body}`);
  }
  return s;
}

/** Replaces every assignment, as the scenario's platform admin. */
export function assign(
  app: FastifyInstance,
  s: AdvertScenario,
  items: { country: string; organisationIds: string[] }[],
): Promise<LightMyRequestResponse> {
  return request(app, s.sessions.platformAdmin, {
    method: 'PUT',
    url: '/api/prevention/assignments',
    payload: { items },
  });
}

/** Sends a public report from a fresh client address (or `remoteAddress`). */
export function report(
  app: FastifyInstance,
  payload: unknown,
  opts: { remoteAddress?: string; headers?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/public/job-reports',
    remoteAddress: opts.remoteAddress ?? randomAddress(),
    headers: { 'content-type': 'application/json', ...opts.headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

/** A report's text, unique so the test can find it again, with a phone and a Telegram handle. */
export function advertText(extra = ''): string {
  return `Customer service job ${unique()}, salary 1500 USD, free flight and visa. ${extra}`;
}

/** The id of the newest visible report whose title is `title`, as `session` sees it. */
export async function reportIdByTitle(
  app: FastifyInstance,
  session: Session,
  title: string,
): Promise<string | undefined> {
  const res = await request(app, session, {
    method: 'GET',
    url: '/api/prevention/reports?limit=100',
  });
  const items = res.json<{ items: { id: string; title: string | null }[] }>().items;
  return items.find((i) => i.title === title)?.id;
}
