import { join } from 'node:path';
import { migrateDatabase, openDatabase, type Database } from '@/db/client.ts';
import { setAuditCheckpointFile } from '@/domain/audit/index.ts';
import { refreshNameKeys } from '@/domain/cases/index.ts';
import { encryptLegacyPlaintext, loadKeyring } from '@/domain/keys/index.ts';
import type { Config } from '@/lib/config.ts';
import type { FieldCipher } from '@/lib/crypto.ts';
import { loadMasterKey, type MasterKey } from '@/lib/master-key.ts';
import { systemActor } from '@/lib/system-actor.ts';

/** The copy of the latest audit seal kept outside the database, in the data folder. */
export const AUDIT_CHECKPOINT_FILE = 'audit-checkpoint.json';

export interface Runtime {
  database: Database;
  cipher: FieldCipher;
  masterKey: MasterKey;
}

/**
 * Opens the configured database, applies pending migrations, unlocks the field keys and, after
 * migrating, encrypts any value still stored in clear from before its column was encrypted
 * (`encryptLegacyPlaintext`, audited). Used by the server and every CLI command that touches data.
 */
export async function openRuntime(
  config: Config,
  opts: { migrate?: boolean } = {},
): Promise<Runtime> {
  const masterKey = loadMasterKey(config);
  const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (opts.migrate !== false) {
      await migrateDatabase(database);
    }
    const cipher = await loadKeyring(database.db, masterKey.key);
    setAuditCheckpointFile(database.db, join(config.dataDir, AUDIT_CHECKPOINT_FILE));
    if (opts.migrate !== false) {
      await encryptLegacyPlaintext(database.db, cipher, {
        actor: systemActor(null),
        meta: { ip: null, requestId: null, userAgent: 'homeward-startup' },
        now: () => new Date(),
      });
      // Search keys an older version computed (Thai, Burmese, Khmer): migration name_sound_keys.
      await refreshNameKeys(database.db);
    }
    return { database, cipher, masterKey };
  } catch (err) {
    await database.close();
    throw err;
  }
}
