import { randomBytes } from 'node:crypto';
import { sessions } from '@/db/schema/index.ts';
import { createOrganisation, createUser, type Organisation } from '@/domain/auth/index.ts';
import { randomToken, sha256Hex } from '@/lib/crypto.ts';
import { newId } from '@/lib/ids.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import { ROLES, type Role } from '@/policy/roles.ts';
import type { Session } from './build-app.ts';
import type { TestRuntime } from './database.ts';

export const unique = () => randomBytes(5).toString('hex');

/** A fresh organisation with a unique name. */
export async function buildOrganisation(
  rt: TestRuntime,
  overrides: Partial<{ name: string; country: string }> = {},
): Promise<Organisation> {
  return createOrganisation(systemCtx({ db: rt.database.db, cipher: rt.cipher }), {
    name: overrides.name ?? `Test Org ${unique()}`,
    country: overrides.country ?? 'THA',
    type: 'cso',
  });
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  organisationId: string;
}

/** A user with `role` in `org`, with a known password. */
export async function buildUser(rt: TestRuntime, org: Organisation, role: Role): Promise<TestUser> {
  const email = `${role}-${unique()}@test.homeward.example`;
  const password = `pw-${unique()}-${unique()}`;
  const created = await createUser(systemCtx({ db: rt.database.db, cipher: rt.cipher }, org.id), {
    email,
    displayName: `Test ${role}`,
    role,
    password,
  });
  return { id: created.user.id, email, password, role, organisationId: org.id };
}

/** An organisation with one user of every role. */
export async function buildTeam(
  rt: TestRuntime,
): Promise<{ org: Organisation; users: Record<Role, TestUser> }> {
  const org = await buildOrganisation(rt);
  const users = {} as Record<Role, TestUser>;
  for (const role of ROLES) {
    users[role] = await buildUser(rt, org, role);
  }
  return { org, users };
}

/**
 * A session for `user` written straight to the database, as a successful login would leave it.
 * For tests about what a session may do, not about logging in (those use `login`).
 */
export async function buildSession(
  rt: TestRuntime,
  user: TestUser,
  opts: { reauthenticatedAt?: Date | null; now?: Date } = {},
): Promise<Session> {
  const cookie = randomToken(32);
  const csrfToken = randomToken(24);
  const now = opts.now ?? new Date();
  await rt.database.db.insert(sessions).values({
    id: newId(),
    tokenHash: sha256Hex(cookie),
    userId: user.id,
    organisationId: user.organisationId,
    csrfToken,
    ip: null,
    userAgent: null,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + 12 * 60 * 60_000),
    // Like a login, which counts as a fresh re-authentication, unless the test says otherwise.
    reauthenticatedAt: opts.reauthenticatedAt === undefined ? now : opts.reauthenticatedAt,
  });
  return { cookie, csrfToken };
}

/** Makes `user` an installation-wide platform admin. */
export async function makePlatformAdmin(rt: TestRuntime, user: TestUser): Promise<void> {
  await rt.database.query('update users set platform_admin = true where id = $1', [user.id]);
}

/** Number of audit events of an organisation (to prove a refused request wrote nothing). */
export async function auditCount(rt: TestRuntime, organisationId: string): Promise<number> {
  const [row] = await rt.database.query<{ n: number }>(
    'select count(*)::int as n from audit_events where organisation_id = $1',
    [organisationId],
  );
  return row!.n;
}
