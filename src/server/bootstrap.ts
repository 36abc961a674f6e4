import { migrateDatabase, openDatabase, type Database } from '@/db/client.ts';
import { loadKeyring } from '@/domain/keys/index.ts';
import type { Config } from '@/lib/config.ts';
import type { FieldCipher } from '@/lib/crypto.ts';
import { loadMasterKey, type MasterKey } from '@/lib/master-key.ts';

export interface Runtime {
  database: Database;
  cipher: FieldCipher;
  masterKey: MasterKey;
}

/**
 * Opens the configured database, applies pending migrations and unlocks the field keys. Used by
 * the server and every CLI command that touches data.
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
    return { database, cipher, masterKey };
  } catch (err) {
    await database.close();
    throw err;
  }
}
