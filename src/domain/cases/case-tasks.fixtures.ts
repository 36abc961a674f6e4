import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { request, type Session } from '@test/support/build-app.ts';
import type { TestRuntime } from '@test/support/database.ts';
import {
  buildOrganisation,
  buildSession,
  buildTeam,
  buildUser,
  type TestUser,
} from '@test/support/factories.ts';
import { ROLES, type Role } from '@/policy/roles.ts';

/**
 * Test fixture for the case sub-resources (tasks, assessment, notes, attachments): one
 * organisation with every role, a second caseworker not assigned to the case, an admin of
 * another organisation, and a case registered by (so assigned to) the caseworker.
 */
export interface CaseScenario {
  caseId: string;
  caseNumber: string;
  organisationId: string;
  users: Record<Role | 'otherCaseworker' | 'otherOrgAdmin', TestUser>;
  as: Record<Role | 'otherCaseworker' | 'otherOrgAdmin', Session>;
}

/** Everyone a case route's access matrix calls it as: nobody first, then the scenario's members. */
export type CaseCaller = keyof CaseScenario['as'] | 'anonymous';
export const CASE_CALLERS: readonly CaseCaller[] = [
  'anonymous',
  ...ROLES,
  'otherCaseworker',
  'otherOrgAdmin',
];

/** Builds a `CaseScenario` (hashes seven passwords: allow `SCENARIO_TIMEOUT` in `beforeAll`). */
export async function caseScenario(rt: TestRuntime, app: FastifyInstance): Promise<CaseScenario> {
  const team = await buildTeam(rt);
  const users = {
    ...team.users,
    otherCaseworker: await buildUser(rt, team.org, 'caseworker'),
    otherOrgAdmin: await buildUser(rt, await buildOrganisation(rt), 'admin'),
  };
  const as = {} as CaseScenario['as'];
  for (const [key, user] of Object.entries(users)) {
    as[key as keyof typeof users] = await buildSession(rt, user);
  }
  const created = await request(app, as.caseworker, {
    method: 'POST',
    url: '/api/cases',
    payload: { identities: [{ given: 'Dara', family: 'Sok', script: 'Latn' }] },
  });
  if (created.statusCode !== 201) {
    throw new Error(`case not created: ${created.body}`);
  }
  const c = created.json<{ id: string; caseNumber: string }>();
  return { caseId: c.id, caseNumber: c.caseNumber, organisationId: team.org.id, users, as };
}

/** Counts rows of `table` for a case (to prove a refused request wrote nothing). */
export async function rowCount(rt: TestRuntime, table: string, caseId: string): Promise<number> {
  if (!/^case_[a-z_]+$/.test(table)) {
    throw new Error('bad table');
  }
  const [row] = await rt.database.query<{ n: number }>(
    `select count(*)::int as n from ${table} where case_id = $1`,
    [caseId],
  );
  return row!.n;
}

/** Sends raw text as a JSON body (for malformed JSON). */
export function rawJson(
  app: FastifyInstance,
  session: Session | null,
  { method, url, body }: { method: string; url: string; body: string },
): Promise<LightMyRequestResponse> {
  return request(app, session, {
    method,
    url,
    payload: body,
    headers: { 'content-type': 'application/json' },
  });
}

/** `beforeAll` timeout for `caseScenario` on a busy two-core machine. */
export const SCENARIO_TIMEOUT = 180_000;

export const UNKNOWN_ID = '01900000-0000-7000-8000-000000000000';
