import type { FastifyInstance } from 'fastify';
import { request, type Session } from '@test/support/build-app.ts';
import { searchCases } from './cases.fixtures.ts';

/**
 * Requests the main case route tests share (cases-*.routes.test.ts): open a case, edit it, and
 * list the ids a caller sees.
 */

/** GET /api/cases/:id as `who`. */
export const openCase = (app: FastifyInstance, who: Session | null, id: string) =>
  request(app, who, { method: 'GET', url: `/api/cases/${id}` });

/** PATCH /api/cases/:id as `who`, with any payload (tests send bad ones) and extra headers. */
export const patchCase = (
  app: FastifyInstance,
  who: Session | null,
  id: string,
  opts: { payload: unknown; headers?: Record<string, string> },
) =>
  request(app, who, {
    method: 'PATCH',
    url: `/api/cases/${id}`,
    payload: opts.payload,
    headers: opts.headers ?? {},
  });

/** The ids of the cases `who` finds in the list (up to 100), with filters `q`. */
export const listIds = async (
  app: FastifyInstance,
  who: Session,
  q: Record<string, string> = {},
): Promise<string[]> => (await searchCases(app, who, { limit: 100, ...q })).items.map((i) => i.id);
