import { recordAudit, registerAuditKey, type AuditCtx } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import { DecryptionError, generateKey, masterKeyId } from '@/lib/crypto.ts';
import { newId } from '@/lib/ids.ts';
import { systemActor } from '@/lib/system-actor.ts';
import { insertKey, listKeys, type KeyRow } from './keys.repository.ts';
import { unwrapKey, wrapKey } from './key-wrap.ts';

/** Keys that authenticate rather than encrypt: one active of each, never rotated with data. */
type IntegrityPurpose = 'audit_mac' | 'backup_mac';

const startupCtx: AuditCtx = {
  actor: systemActor(null),
  meta: { ip: null, requestId: null, userAgent: 'homeward-startup' },
  now: () => new Date(),
};

/** A backup MAC key, unwrapped, with the wrapped form a backup carries in its header. */
export interface BackupKey {
  id: string;
  key: Buffer;
  wrappedKey: string;
}

/** Raised when a backup's MAC key does not unwrap with this master key. */
export class BackupKeyError extends Error {
  constructor() {
    super(
      "The backup's key does not unlock with this master key: restore it with the master key " +
        'it was made with (or the file was changed).',
    );
    this.name = 'BackupKeyError';
  }
}

/**
 * Creates the integrity key of `purpose` unless another process just did (unique index). The
 * audit key's creation is audited in the same transaction: that first sealed row covers every
 * row before it through the hash chain (an installation upgraded from before seals).
 */
async function createIntegrityKey(db: Db, master: Buffer, purpose: IntegrityPurpose) {
  const id = `${purpose === 'audit_mac' ? 'a' : 'b'}${newId().replace(/-/g, '')}`;
  const key = generateKey();
  const row = { id, wrappedKey: wrapKey(master, id, key), masterKeyId: masterKeyId(master) };
  await db.transaction(async (tx) => {
    if (!(await insertKey(tx, { ...row, status: 'active', purpose }))) {
      return;
    }
    if (purpose === 'audit_mac') {
      registerAuditKey(id, key);
      await recordAudit(tx, startupCtx, {
        organisationId: null,
        action: 'keys.audit_key_create',
        entityType: 'encryption_key',
        entityId: id,
      });
    }
  });
}

/**
 * Creates the audit and backup MAC keys when missing (`rows`: the keys as listed before) and
 * registers every audit key with the audit module, for sealing and verifying.
 */
export async function loadIntegrityKeys(db: Db, master: Buffer, rows: KeyRow[]): Promise<void> {
  for (const purpose of ['backup_mac', 'audit_mac'] as const) {
    if (!rows.some((r) => r.purpose === purpose && r.status === 'active')) {
      await createIntegrityKey(db, master, purpose);
    }
  }
  for (const r of await listKeys(db)) {
    if (r.purpose === 'audit_mac') {
      registerAuditKey(r.id, unwrapKey(master, r.id, r.wrappedKey));
    }
  }
}

/** The installation's backup MAC key (created by `loadKeyring`). */
export async function loadBackupKey(db: Db, master: Buffer): Promise<BackupKey> {
  const row = (await listKeys(db)).find((r) => r.purpose === 'backup_mac' && r.status === 'active');
  if (!row) {
    throw new Error('No backup key: load the keyring first');
  }
  return { id: row.id, key: unwrapKey(master, row.id, row.wrappedKey), wrappedKey: row.wrappedKey };
}

/** Unwraps the backup key a backup header carries. Throws `BackupKeyError`. */
export function unwrapBackupKey(master: Buffer, id: string, wrappedKey: string): Buffer {
  try {
    return unwrapKey(master, id, wrappedKey);
  } catch (err) {
    if (err instanceof DecryptionError) {
      throw new BackupKeyError();
    }
    throw err;
  }
}
