import type { Session } from '@test/support/build-app.ts';
import type { TestRuntime } from '@test/support/database.ts';
import {
  buildOrganisation,
  buildSession,
  buildTeam,
  buildUser,
  makePlatformAdmin,
  type TestUser,
} from '@test/support/factories.ts';
import { ROLES, type Role } from '@/policy/roles.ts';

/** Who a route's access matrix calls it as: every role, another organisation's admin, a platform admin. */
export type Caller = Role | 'otherOrgAdmin' | 'platformAdmin';

/** Every caller of an access matrix, nobody (no session) first. */
export const CALLERS: readonly (Caller | 'anonymous')[] = [
  'anonymous',
  ...ROLES,
  'otherOrgAdmin',
  'platformAdmin',
];

export interface Callers {
  /** The organisation with a member of every role. */
  orgId: string;
  /** The organisation of `otherOrgAdmin`. */
  otherOrgId: string;
  users: Record<Caller, TestUser>;
  /** A browser session of each (just re-authenticated, like a login). */
  as: Record<Caller, Session>;
}

/**
 * A fresh organisation with one member of every role, an admin of another organisation and a
 * platform admin in a third one (holding `platformAdminRole` there), each signed in. Eight users:
 * allow a generous `beforeAll` timeout.
 */
export async function buildCallers(
  rt: TestRuntime,
  opts: { now?: Date; platformAdminRole?: Role } = {},
): Promise<Callers> {
  const team = await buildTeam(rt);
  const other = await buildOrganisation(rt);
  const platformAdmin = await buildUser(
    rt,
    await buildOrganisation(rt),
    opts.platformAdminRole ?? 'admin',
  );
  await makePlatformAdmin(rt, platformAdmin);
  const users: Record<Caller, TestUser> = {
    ...team.users,
    otherOrgAdmin: await buildUser(rt, other, 'admin'),
    platformAdmin,
  };
  const as = {} as Record<Caller, Session>;
  for (const [key, user] of Object.entries(users) as [Caller, TestUser][]) {
    as[key] = await buildSession(rt, user, opts.now ? { now: opts.now } : {});
  }
  return { orgId: team.org.id, otherOrgId: other.id, users, as };
}
