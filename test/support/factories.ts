import { randomBytes } from 'node:crypto';
import { sessions } from '@/db/schema/index.ts';
import { recordAudit } from '@/domain/audit/index.ts';
import { createOrganisation, type Organisation } from '@/domain/auth/index.ts';
import { hashPassword } from '@/domain/auth/passwords.ts';
import { insertMember } from '@/domain/auth/users.repository.ts';
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

/**
 * The password of every factory user. Tests that need a user's password read `user.password`;
 * it passes the password policy, like the passwords `createUser` accepts.
 */
export const TEST_PASSWORD = 'factory-Pass-7431-homeward';

// argon2 is slow by design (~50 ms a hash): hash the one test password once per worker.
let testPasswordHash: Promise<string> | undefined;
function factoryPasswordHash(): Promise<string> {
  testPasswordHash ??= hashPassword(TEST_PASSWORD);
  return testPasswordHash;
}

/**
 * A user with `role` in `org`, with the known password `TEST_PASSWORD`. Writes what `createUser`
 * run by the operator writes (the user, the membership, the `user.create` audit entry), with the
 * password hashed once per worker instead of once per user.
 */
export async function buildUser(rt: TestRuntime, org: Organisation, role: Role): Promise<TestUser> {
  const email = `${role}-${unique()}@test.homeward.example`;
  const passwordHash = await factoryPasswordHash();
  const ctx = systemCtx({ db: rt.database.db, cipher: rt.cipher }, org.id);
  const id = await ctx.db.transaction(async (tx) => {
    const userId = await insertMember(tx, {
      organisationId: org.id,
      email,
      displayName: `Test ${role}`,
      passwordHash,
      role,
    });
    await recordAudit(tx, ctx, {
      organisationId: org.id,
      action: 'user.create',
      entityType: 'user',
      entityId: userId,
      details: { role },
    });
    return userId;
  });
  return { id, email, password: TEST_PASSWORD, role, organisationId: org.id };
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
