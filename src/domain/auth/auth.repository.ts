import { and, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import {
  authThrottle,
  memberships,
  organisations,
  recoveryCodes,
  sessions,
  users,
} from '@/db/schema/index.ts';
import { prepared } from '@/db/prepared.ts';
import { newId } from '@/lib/ids.ts';
import type { Role } from '@/policy/roles.ts';
import type { OrganisationType } from './organisations.schema.ts';

/** A user with the membership they act through and its organisation. */
export interface Principal {
  user: typeof users.$inferSelect;
  membership: { id: string; role: Role; disabled: boolean };
  organisation: {
    id: string;
    name: string;
    country: string;
    type: OrganisationType;
    requireTotp: boolean;
    allowApiTokens: boolean;
  };
}

/**
 * What acting as a user needs, and all an authenticated request reads: no password hash, no TOTP
 * secret (only whether one is enrolled). A full {@link Principal} narrows to it with
 * `actingAs` in principal.ts.
 */
export interface ActingPrincipal {
  user: Pick<
    Principal['user'],
    'id' | 'email' | 'displayName' | 'platformAdmin' | 'mustChangePassword' | 'preferences'
  > & { totpEnabled: boolean };
  membership: Principal['membership'];
  organisation: Principal['organisation'];
}

const membershipColumns = {
  id: memberships.id,
  role: memberships.role,
  disabled: memberships.disabled,
};
const organisationColumns = {
  id: organisations.id,
  name: organisations.name,
  country: organisations.country,
  type: organisations.type,
  requireTotp: organisations.requireTotp,
  allowApiTokens: organisations.allowApiTokens,
};
const principalColumns = {
  user: users,
  membership: membershipColumns,
  organisation: organisationColumns,
};
const actingColumns = {
  user: {
    id: users.id,
    email: users.email,
    displayName: users.displayName,
    platformAdmin: users.platformAdmin,
    mustChangePassword: users.mustChangePassword,
    preferences: users.preferences,
    totpEnabled: sql<boolean>`${users.totpSecretEnc} is not null`,
  },
  membership: membershipColumns,
  organisation: organisationColumns,
};

function principalQuery(db: Db) {
  return db
    .select(principalColumns)
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId));
}

/** The user with `email` and their first enabled membership; null if none. */
export async function findPrincipalByEmail(db: Db, email: string): Promise<Principal | null> {
  const rows = await principalQuery(db)
    .where(and(eq(users.email, email), eq(memberships.disabled, false)))
    .orderBy(memberships.createdAt)
    .limit(1);
  return (rows[0] as Principal | undefined) ?? null;
}

/** The user acting in `organisationId`, if the membership is enabled. */
export async function findPrincipal(
  db: Db,
  userId: string,
  organisationId: string,
): Promise<Principal | null> {
  const rows = await principalQuery(db)
    .where(
      and(
        eq(users.id, userId),
        eq(memberships.organisationId, organisationId),
        eq(memberships.disabled, false),
      ),
    )
    .limit(1);
  return (rows[0] as Principal | undefined) ?? null;
}

export type SessionRow = typeof sessions.$inferSelect;

/** The columns of a session that resolving a cookie needs. */
export type SessionCheck = Pick<
  SessionRow,
  'id' | 'lastSeenAt' | 'expiresAt' | 'reauthenticatedAt' | 'csrfToken'
>;
const sessionCheckColumns = {
  id: sessions.id,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
  reauthenticatedAt: sessions.reauthenticatedAt,
  csrfToken: sessions.csrfToken,
};

export async function insertSession(db: Db, row: Omit<SessionRow, 'id'>): Promise<SessionRow> {
  const [created] = await db
    .insert(sessions)
    .values({ id: newId(), ...row })
    .returning();
  return created!;
}

/**
 * The session with `tokenHash` and, in the same query, the principal it acts as (null when the
 * membership is disabled or gone): every authenticated request starts here, so it reads only the
 * columns acting needs (never the password hash or TOTP secrets).
 */
export async function findSessionWithPrincipal(
  db: Db,
  tokenHash: string,
): Promise<{ session: SessionCheck; principal: ActingPrincipal | null } | null> {
  const statement = prepared(db, 'hw_session_principal', (d) =>
    d
      .select({ session: sessionCheckColumns, ...actingColumns })
      .from(sessions)
      .leftJoin(
        memberships,
        and(
          eq(memberships.userId, sessions.userId),
          eq(memberships.organisationId, sessions.organisationId),
          eq(memberships.disabled, false),
        ),
      )
      .leftJoin(users, eq(users.id, memberships.userId))
      .leftJoin(organisations, eq(organisations.id, memberships.organisationId))
      .where(eq(sessions.tokenHash, sql.placeholder('tokenHash')))
      .limit(1)
      .prepare('hw_session_principal'),
  );
  const [row] = await statement.execute({ tokenHash });
  if (!row) {
    return null;
  }
  const { session, user, membership, organisation } = row;
  return {
    session,
    principal:
      user && membership && organisation
        ? ({ user, membership, organisation } as ActingPrincipal)
        : null,
  };
}

export async function touchSession(db: Db, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id));
}

/** Ends every session of a user; returns how many. */
export async function deleteUserSessions(db: Db, userId: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(eq(sessions.userId, userId))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Ends every session of a user but `keepSessionId`; returns how many. */
export async function deleteOtherUserSessions(
  db: Db,
  userId: string,
  keepSessionId: string,
): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return rows.length;
}

/** Records that the session's user proved their password (and 2FA) again at `at`. */
export async function markSessionReauthenticated(db: Db, id: string, at: Date): Promise<void> {
  await db.update(sessions).set({ reauthenticatedAt: at }).where(eq(sessions.id, id));
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
}

export type ThrottleRow = typeof authThrottle.$inferSelect;

export async function getThrottle(db: Db, key: string): Promise<ThrottleRow | null> {
  const rows = await db.select().from(authThrottle).where(eq(authThrottle.key, key)).limit(1);
  return rows[0] ?? null;
}

/**
 * Takes one attempt from `key`'s allowance in a single statement (the row lock of the upsert
 * serialises racing requests), so N simultaneous attempts can never take more than `max` slots.
 * A window starts with the first attempt and ends after `windowMs`; the attempt that takes the
 * last slot locks the key for `lockMs`, and a new window starts only when the lock has expired.
 * Returns the attempts counted in the window (this one included) and the lock.
 */
export async function takeThrottleSlot(
  db: Db,
  slot: { key: string; max: number; now: Date; windowMs: number; lockMs: number },
): Promise<{ attempts: number; lockedUntil: Date | null }> {
  const { key, max, now } = slot;
  const windowStart = new Date(now.getTime() - slot.windowMs);
  const lockEnd = new Date(now.getTime() + slot.lockMs);
  const fresh = sql`(case when ${authThrottle.lockedUntil} is not null
      then ${authThrottle.lockedUntil} <= ${now}
      else ${authThrottle.windowStartedAt} <= ${windowStart} end)`;
  const [row] = await db
    .insert(authThrottle)
    .values({
      key,
      failures: 1,
      windowStartedAt: now,
      lockedUntil: max <= 1 ? lockEnd : null,
    })
    .onConflictDoUpdate({
      target: authThrottle.key,
      set: {
        failures: sql`case when ${fresh} then 1 else ${authThrottle.failures} + 1 end`,
        windowStartedAt: sql`case when ${fresh} then ${now} else ${authThrottle.windowStartedAt} end`,
        lockedUntil: sql`case
          when ${fresh} then (case when ${max} <= 1 then ${lockEnd}::timestamptz end)
          when ${authThrottle.lockedUntil} is not null then ${authThrottle.lockedUntil}
          when ${authThrottle.failures} + 1 >= ${max} then ${lockEnd}::timestamptz
          end`,
      },
    })
    .returning({ attempts: authThrottle.failures, lockedUntil: authThrottle.lockedUntil });
  return row!;
}

/**
 * Gives back a slot taken by an attempt that succeeded (or was not a guess), lifting the lock
 * when the count falls below `max` again.
 */
export async function returnThrottleSlot(db: Db, key: string, max: number): Promise<void> {
  await db
    .update(authThrottle)
    .set({
      failures: sql`greatest(${authThrottle.failures} - 1, 0)`,
      lockedUntil: sql`case when ${authThrottle.failures} - 1 < ${max} then null else ${authThrottle.lockedUntil} end`,
    })
    .where(eq(authThrottle.key, key));
}

export async function clearThrottle(db: Db, key: string): Promise<void> {
  await db.delete(authThrottle).where(eq(authThrottle.key, key));
}

/** Marks an unused recovery code of the user as used; false when none matched. */
export async function consumeRecoveryCode(
  db: Db,
  userId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return rows.length > 0;
}

/** Replaces all recovery codes of the user. */
export async function replaceRecoveryCodes(
  db: Db,
  userId: string,
  hashes: string[],
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (hashes.length > 0) {
    await db
      .insert(recoveryCodes)
      .values(hashes.map((codeHash) => ({ id: newId(), userId, codeHash })));
  }
}

/** Updates the TOTP columns of a user. */
export async function setUserTotp(
  db: Db,
  userId: string,
  patch: Partial<
    Pick<typeof users.$inferSelect, 'totpSecretEnc' | 'totpPendingEnc' | 'totpLastStep'>
  >,
): Promise<void> {
  await db
    .update(users)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(users.id, userId));
}

/**
 * Records an accepted TOTP step only if it is newer than the last one: a code cannot be
 * replayed, even by two requests racing each other.
 */
export async function advanceTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.id, userId),
        sql`(${users.totpLastStep} is null or ${users.totpLastStep} < ${step})`,
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}
