import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { encryptionKeys } from '@/db/schema/index.ts';
import type { EncryptedField } from '@/lib/encrypted-fields.ts';

export type KeyRow = typeof encryptionKeys.$inferSelect;

export async function listKeys(db: Db): Promise<KeyRow[]> {
  return db.select().from(encryptionKeys);
}

/**
 * Inserts a key; returns false (inserting nothing) when an active MAC key of the same purpose
 * exists already (another process created it first: unique index).
 */
export async function insertKey(
  db: Db,
  row: Omit<KeyRow, 'createdAt' | 'retiredAt'>,
): Promise<boolean> {
  const inserted = await db
    .insert(encryptionKeys)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: encryptionKeys.id });
  return inserted.length > 0;
}

/** Marks every active data key other than `keepId` as retired (MAC keys are never touched). */
export async function retireOtherKeys(db: Db, keepId: string): Promise<void> {
  await db
    .update(encryptionKeys)
    .set({ status: 'retired', retiredAt: sql`now()` })
    .where(
      sql`${encryptionKeys.id} <> ${keepId} and ${encryptionKeys.status} = 'active' and ${encryptionKeys.purpose} = 'data'`,
    );
}

export async function setWrappedKey(
  db: Db,
  id: string,
  wrappedKey: string,
  masterKeyId: string,
): Promise<void> {
  await db.update(encryptionKeys).set({ wrappedKey, masterKeyId }).where(eq(encryptionKeys.id, id));
}

/**
 * Ids and non-null values of one registered column (`column`: the ciphertexts, or a field's
 * legacy plain column), in batches after `afterId`.
 */
export async function readEncryptedBatch(
  db: Db,
  field: Pick<EncryptedField, 'table' | 'idColumn' | 'column'>,
  afterId: string,
  limit: number,
): Promise<{ id: string; value: string }[]> {
  // Identifiers come from the fixed ENCRYPTED_FIELDS registry, never from input.
  const result: unknown = await db.execute(
    sql`select ${sql.identifier(field.idColumn)}::text as id, ${sql.identifier(field.column)} as value
        from ${sql.identifier(field.table)}
        where ${sql.identifier(field.column)} is not null and ${sql.identifier(field.idColumn)}::text > ${afterId}
        order by ${sql.identifier(field.idColumn)}::text limit ${limit}`,
  );
  // PGlite and node-postgres both return `{ rows }`.
  return (result as { rows: { id: string; value: string }[] }).rows;
}

export async function writeEncryptedValue(
  db: Db,
  field: EncryptedField,
  id: string,
  value: string,
): Promise<void> {
  await db.execute(
    sql`update ${sql.identifier(field.table)} set ${sql.identifier(field.column)} = ${value}
        where ${sql.identifier(field.idColumn)}::text = ${id}`,
  );
}

/**
 * Lets this transaction rewrite ciphertexts of append-only tables (case_consents: its trigger
 * allows an UPDATE that only replaces `_enc` values and empties pre-0008 plain columns).
 */
export async function allowReencrypt(tx: Db): Promise<void> {
  await tx.execute(sql`select set_config('homeward.reencrypt', 'on', true)`);
}

/**
 * Stores the encrypted value and empties the legacy column, unless another process did it first
 * (a value encrypted since then is never overwritten). Returns whether the row was changed.
 */
export async function replaceLegacyValue(
  tx: Db,
  field: EncryptedField & { legacyColumn: string },
  id: string,
  value: string,
): Promise<boolean> {
  const result: unknown = await tx.execute(
    sql`update ${sql.identifier(field.table)}
        set ${sql.identifier(field.column)} = ${value}, ${sql.identifier(field.legacyColumn)} = null
        where ${sql.identifier(field.idColumn)}::text = ${id} and ${sql.identifier(field.legacyColumn)} is not null
        returning 1 as changed`,
  );
  return (result as { rows: unknown[] }).rows.length > 0;
}
