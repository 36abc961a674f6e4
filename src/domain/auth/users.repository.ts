import { and, asc, eq, gt, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { memberships, users } from '@/db/schema/index.ts';
import { newId } from '@/lib/ids.ts';
import type { Role } from '@/policy/roles.ts';

/** A member of an organisation as the users list shows them. */
export interface MemberRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  totpEnabled: boolean;
  disabled: boolean;
  createdAt: Date;
}

const memberColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: memberships.role,
  totpEnabled: sql<boolean>`${users.totpSecretEnc} is not null`,
  disabled: memberships.disabled,
  createdAt: memberships.createdAt,
};

/** Members of an organisation ordered by user id, after `afterId`; `limit + 1` rows. */
export async function listMembers(
  db: Db,
  organisationId: string,
  afterId: string | null,
  limit: number,
): Promise<MemberRow[]> {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        afterId ? gt(users.id, afterId) : undefined,
      ),
    )
    .orderBy(asc(users.id))
    .limit(limit + 1);
  return rows as MemberRow[];
}

export async function findMember(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<MemberRow | null> {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), eq(users.id, userId)))
    .limit(1);
  return (rows[0] as MemberRow | undefined) ?? null;
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | null> {
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  return rows[0]?.id ?? null;
}

/** Inserts a user and their membership of `organisationId`. */
export async function insertMember(
  db: Db,
  input: {
    organisationId: string;
    email: string;
    displayName: string;
    passwordHash: string;
    role: Role;
    platformAdmin?: boolean;
    mustChangePassword?: boolean;
  },
): Promise<string> {
  const userId = newId();
  await db.insert(users).values({
    id: userId,
    email: input.email,
    displayName: input.displayName,
    passwordHash: input.passwordHash,
    platformAdmin: input.platformAdmin ?? false,
    mustChangePassword: input.mustChangePassword ?? false,
  });
  await db.insert(memberships).values({
    id: newId(),
    organisationId: input.organisationId,
    userId,
    role: input.role,
  });
  return userId;
}

/** Adds an existing account to `organisationId`. */
export async function insertMembership(
  db: Db,
  input: { organisationId: string; userId: string; role: Role },
): Promise<void> {
  await db.insert(memberships).values({ id: newId(), ...input });
}

/** Replaces a user's password hash; `mustChangePassword` after an admin's reset. */
export async function setUserPassword(
  db: Db,
  userId: string,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, mustChangePassword, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

export async function updateMembership(
  db: Db,
  organisationId: string,
  userId: string,
  patch: { role?: Role; disabled?: boolean },
): Promise<void> {
  await db
    .update(memberships)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
}

export async function updateUserProfile(
  db: Db,
  userId: string,
  patch: { displayName?: string },
): Promise<void> {
  await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

/** Number of enabled admins of the organisation other than `exceptUserId`. */
export async function countOtherActiveAdmins(
  db: Db,
  organisationId: string,
  exceptUserId: string,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.role, 'admin'),
        eq(memberships.disabled, false),
        ne(memberships.userId, exceptUserId),
      ),
    );
  return row?.n ?? 0;
}

export async function setPlatformAdminFlag(db: Db, userId: string, value: boolean): Promise<void> {
  await db
    .update(users)
    .set({ platformAdmin: value, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

/**
 * Merges `patch` into a user's stored preferences in one statement (two tabs saving different
 * keys at once both keep theirs). Returns the merged value, or null when the user is gone.
 */
export async function mergeUserPreferences(
  db: Db,
  userId: string,
  patch: Record<string, unknown>,
): Promise<Record<string, unknown> | null> {
  const rows = await db
    .update(users)
    .set({
      // A key sent as null is removed: the preference is no longer chosen.
      preferences: sql`jsonb_strip_nulls(${users.preferences} || ${JSON.stringify(patch)}::jsonb)`,
      updatedAt: sql`now()`,
    })
    .where(eq(users.id, userId))
    .returning({ preferences: users.preferences });
  return rows[0]?.preferences ?? null;
}
