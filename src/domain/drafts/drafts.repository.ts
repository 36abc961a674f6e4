import { and, eq, gt, lte } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { formDrafts } from '@/db/schema/index.ts';

export type DraftRow = typeof formDrafts.$inferSelect;

/** Who a draft belongs to: every query is scoped to one owner in one organisation. */
export interface DraftOwnerKey {
  organisationId: string;
  userId: string;
  formKey: string;
}

const ownedBy = (k: DraftOwnerKey) =>
  and(
    eq(formDrafts.organisationId, k.organisationId),
    eq(formDrafts.userId, k.userId),
    eq(formDrafts.formKey, k.formKey),
  );

/** The owner's draft of a form, unless it has expired by `now`. */
export async function findDraft(db: Db, key: DraftOwnerKey, now: Date): Promise<DraftRow | null> {
  const [row] = await db
    .select()
    .from(formDrafts)
    .where(and(ownedBy(key), gt(formDrafts.expiresAt, now)))
    .limit(1);
  return row ?? null;
}

/** The owner's draft of a form, locked for this transaction (expired or not). */
export async function lockDraft(tx: Db, key: DraftOwnerKey): Promise<DraftRow | null> {
  const [row] = await tx.select().from(formDrafts).where(ownedBy(key)).limit(1).for('update');
  return row ?? null;
}

/** Inserts a draft; false when one for the same owner and form appeared meanwhile. */
export async function insertDraft(
  tx: Db,
  row: Omit<typeof formDrafts.$inferInsert, 'version'>,
): Promise<DraftRow | null> {
  const [created] = await tx
    .insert(formDrafts)
    .values({ ...row, version: 1 })
    .onConflictDoNothing({
      target: [formDrafts.userId, formDrafts.organisationId, formDrafts.formKey],
    })
    .returning();
  return created ?? null;
}

/** Replaces the body of a draft (already encrypted) and moves its version and expiry on. */
export async function updateDraft(
  tx: Db,
  key: DraftOwnerKey & { id: string },
  patch: { bodyEnc: string; version: number; updatedAt: Date; expiresAt: Date },
): Promise<DraftRow> {
  const [row] = await tx
    .update(formDrafts)
    .set(patch)
    .where(and(eq(formDrafts.id, key.id), ownedBy(key)))
    .returning();
  return row!;
}

/** Deletes the owner's draft of a form; returns the deleted row, or null when there was none. */
export async function deleteDraftRow(tx: Db, key: DraftOwnerKey): Promise<DraftRow | null> {
  const [row] = await tx.delete(formDrafts).where(ownedBy(key)).returning();
  return row ?? null;
}

/** Deletes every draft (of every organisation) that expired by `now`; returns how many. */
export async function deleteExpiredDrafts(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(formDrafts)
    .where(lte(formDrafts.expiresAt, now))
    .returning({ id: formDrafts.id });
  return rows.length;
}
