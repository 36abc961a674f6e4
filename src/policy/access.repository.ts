import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { apiTokens, memberships } from '@/db/schema/index.ts';

/** True when `userId` is a member (enabled or not) of `organisationId`. */
export async function isMember(db: Db, organisationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/** True when the API token belongs to `userId` in `organisationId`. */
export async function ownsToken(
  db: Db,
  organisationId: string,
  userId: string,
  tokenId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.id, tokenId),
        eq(apiTokens.organisationId, organisationId),
        eq(apiTokens.userId, userId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
