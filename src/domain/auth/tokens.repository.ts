import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { apiTokens } from '@/db/schema/index.ts';

export type TokenRow = typeof apiTokens.$inferSelect;

export async function insertToken(db: Db, row: TokenRow): Promise<TokenRow> {
  const [created] = await db.insert(apiTokens).values(row).returning();
  return created!;
}

export async function listUserTokens(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<TokenRow[]> {
  return db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.organisationId, organisationId), eq(apiTokens.userId, userId)))
    .orderBy(desc(apiTokens.createdAt))
    .limit(200);
}

export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenRow | null> {
  const rows = await db.select().from(apiTokens).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return rows[0] ?? null;
}

export async function revokeTokenRow(
  db: Db,
  organisationId: string,
  id: string,
  at: Date,
): Promise<void> {
  await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.organisationId, organisationId)));
}

/** Revokes every live token of a user, in every organisation; returns how many. */
export async function revokeUserTokenRows(db: Db, userId: string, at: Date): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}

/** Records use at most once a minute, to keep reads cheap. */
export async function touchToken(db: Db, id: string, at: Date): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: at })
    .where(
      and(
        eq(apiTokens.id, id),
        sql`(${apiTokens.lastUsedAt} is null or ${apiTokens.lastUsedAt} < ${at}::timestamptz - interval '1 minute')`,
      ),
    );
}

/** Revokes every live token of an organisation (its API tokens were switched off); the count. */
export async function revokeOrganisationTokens(
  db: Db,
  organisationId: string,
  at: Date,
): Promise<number> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.organisationId, organisationId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length;
}
