import { recordAudit } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { createFieldCipher, generateKey, masterKeyId, type FieldCipher } from '@/lib/crypto.ts';
import { ENCRYPTED_FIELDS, type EncryptedField } from '@/lib/encrypted-fields.ts';
import { newId } from '@/lib/ids.ts';
import { requirePlatformAdmin } from '@/policy/require-access.ts';
import {
  allowReencrypt,
  insertKey,
  listKeys,
  readEncryptedBatch,
  retireOtherKeys,
  setWrappedKey,
  writeEncryptedValue,
} from './keys.repository.ts';
import { loadIntegrityKeys } from './keys-integrity.service.ts';
import { unwrapKey, wrapKey } from './key-wrap.ts';

/** Raised when the configured master key is not the one the database's keys were wrapped with. */
export class WrongMasterKeyError extends Error {
  constructor() {
    super(
      'The master key does not match this database (its data keys were wrapped with another ' +
        'key). Check HOMEWARD_MASTER_KEY / HOMEWARD_KEY_FILE, or the master.key in the data folder.',
    );
    this.name = 'WrongMasterKeyError';
  }
}

async function createDataKey(db: Db, master: Buffer): Promise<string> {
  const id = `k${newId().replace(/-/g, '').slice(0, 20)}`;
  await insertKey(db, {
    id,
    wrappedKey: wrapKey(master, id, generateKey()),
    masterKeyId: masterKeyId(master),
    status: 'active',
    purpose: 'data',
  });
  return id;
}

/**
 * Unwraps the database's data keys with the master key and returns the field cipher (data keys
 * only); creates the first data key on a new database. Also loads the integrity keys, creating
 * them when missing: the audit MAC key (registered for sealing the audit chain; its creation is
 * audited as `keys.audit_key_create`, which seals the rows written before it) and the backup MAC
 * key. Throws `WrongMasterKeyError`.
 */
export async function loadKeyring(db: Db, master: Buffer): Promise<FieldCipher> {
  let rows = await listKeys(db);
  const expected = masterKeyId(master);
  if (rows.some((r) => r.masterKeyId !== expected)) {
    throw new WrongMasterKeyError();
  }
  if (!rows.some((r) => r.purpose === 'data')) {
    await createDataKey(db, master);
  }
  await loadIntegrityKeys(db, master, rows);
  rows = (await listKeys(db)).filter((r) => r.purpose === 'data');
  const keys = new Map(rows.map((r) => [r.id, unwrapKey(master, r.id, r.wrappedKey)]));
  const active = rows
    .filter((r) => r.status === 'active')
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
  if (!active) {
    throw new Error('No active data key: run `homeward keys rotate`.');
  }
  return createFieldCipher(keys, active.id);
}

/** Re-encrypts one column from `before` to `after`, a batch per transaction. */
async function reencryptField(
  db: Db,
  field: EncryptedField,
  { before, after }: { before: FieldCipher; after: FieldCipher },
  onBatch: (rows: number) => void,
): Promise<void> {
  let afterId = '';
  for (;;) {
    const batch = await readEncryptedBatch(db, field, afterId, 500);
    if (batch.length === 0) {
      return;
    }
    await db.transaction(async (tx) => {
      await allowReencrypt(tx);
      for (const row of batch) {
        const plain = before.decrypt(row.value, field.aad(row.id));
        await writeEncryptedValue(tx, field, row.id, after.encrypt(plain, field.aad(row.id)));
      }
    });
    afterId = batch.at(-1)!.id;
    onBatch(batch.length);
  }
}

/**
 * Makes a new data key, re-encrypts every registered encrypted column (ENCRYPTED_FIELDS) with
 * it, and retires the old data keys (kept, so older backups stay readable with the same master
 * key). The audit and backup MAC keys are not data keys and stay as they are.
 * Append-only tables (case_consents) allow this rewrite of their ciphertexts only. For the
 * installation operator (the CLI, or a platform admin in person): anyone else gets what
 * `requirePlatformAdmin` throws (`forbidden`), before anything changes.
 */
export async function rotateDataKey(
  ctx: Ctx,
  master: Buffer,
  onProgress?: (done: number) => void,
): Promise<{ keyId: string; reencrypted: number }> {
  requirePlatformAdmin(ctx);
  const { db } = ctx;
  const before = await loadKeyring(db, master);
  const keyId = await createDataKey(db, master);
  const after = await loadKeyring(db, master);
  let done = 0;
  for (const field of ENCRYPTED_FIELDS) {
    await reencryptField(db, field, { before, after }, (n) => {
      done += n;
      onProgress?.(done);
    });
  }
  await db.transaction(async (tx) => {
    await retireOtherKeys(tx, keyId);
    await recordAudit(tx, ctx, {
      organisationId: null,
      action: 'keys.rotate',
      entityType: 'encryption_key',
      entityId: keyId,
      details: { reencrypted: done },
    });
  });
  return { keyId, reencrypted: done };
}

/**
 * Re-wraps every key of the database under a new master key (after which only the new one
 * works): data keys, and the audit and backup MAC keys, so seals and backups stay verifiable.
 * For the installation operator only, like `rotateDataKey` (`forbidden` for anyone else).
 */
export async function rewrapDataKeys(
  ctx: Ctx,
  oldMaster: Buffer,
  newMaster: Buffer,
): Promise<number> {
  requirePlatformAdmin(ctx);
  await loadKeyring(ctx.db, oldMaster);
  const rows = await listKeys(ctx.db);
  await ctx.db.transaction(async (tx) => {
    for (const r of rows) {
      const key = unwrapKey(oldMaster, r.id, r.wrappedKey);
      await setWrappedKey(tx, r.id, wrapKey(newMaster, r.id, key), masterKeyId(newMaster));
    }
    await recordAudit(tx, ctx, {
      organisationId: null,
      action: 'keys.rewrap',
      entityType: 'encryption_key',
      details: { keys: rows.length },
    });
  });
  return rows.length;
}
