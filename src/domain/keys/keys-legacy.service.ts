import { recordAudit, type AuditCtx } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { FieldCipher } from '@/lib/crypto.ts';
import { ENCRYPTED_FIELDS, type EncryptedField } from '@/lib/encrypted-fields.ts';
import { allowReencrypt, readEncryptedBatch, replaceLegacyValue } from './keys.repository.ts';

type LegacyField = EncryptedField & { legacyColumn: string };

const LEGACY_FIELDS = ENCRYPTED_FIELDS.filter(
  (f): f is LegacyField => f.legacyColumn !== undefined,
);

async function encryptField(tx: Db, cipher: FieldCipher, field: LegacyField): Promise<number> {
  let done = 0;
  let afterId = '';
  for (;;) {
    const batch = await readEncryptedBatch(
      tx,
      { ...field, column: field.legacyColumn },
      afterId,
      500,
    );
    if (batch.length === 0) {
      return done;
    }
    for (const row of batch) {
      const value = cipher.encrypt(row.value, field.aad(row.id));
      if (await replaceLegacyValue(tx, field, row.id, value)) {
        done += 1;
      }
    }
    afterId = batch.at(-1)!.id;
  }
}

/**
 * Encrypts the values an installation stored in clear before their column was encrypted (each
 * registered field's `legacyColumn`, e.g. task titles before migration 0008) and empties those
 * columns: all in one transaction, with one audit entry `keys.encrypt_plaintext` (counts per
 * column, never values). Runs at start-up, after the migrations; finds nothing to do (and audits
 * nothing) once done. Returns how many values it encrypted.
 */
export async function encryptLegacyPlaintext(
  db: Db,
  cipher: FieldCipher,
  ctx: AuditCtx,
): Promise<number> {
  return db.transaction(async (tx) => {
    await allowReencrypt(tx);
    const columns: Record<string, number> = {};
    let total = 0;
    for (const field of LEGACY_FIELDS) {
      const n = await encryptField(tx, cipher, field);
      if (n > 0) {
        columns[`${field.table}.${field.legacyColumn}`] = n;
        total += n;
      }
    }
    if (total > 0) {
      await recordAudit(tx, ctx, {
        organisationId: null,
        action: 'keys.encrypt_plaintext',
        entityType: 'encryption_key',
        entityId: cipher.activeKeyId,
        details: { encrypted: total, columns },
      });
    }
    return total;
  });
}
