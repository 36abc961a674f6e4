import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import { generateKey, parseMasterKey } from './crypto.ts';

export interface MasterKey {
  key: Buffer;
  source: 'env' | 'file' | 'generated' | 'data-dir';
  /** Where a generated or data-dir key lives, to tell the operator. */
  path?: string;
}

/** File name of the key generated for the embedded demo. */
export const DATA_DIR_KEY_FILE = 'master.key';

/**
 * The master key: HOMEWARD_MASTER_KEY, else HOMEWARD_KEY_FILE, else (embedded database only) a
 * key file in the data folder, generated on first start. A server database (DATABASE_URL)
 * without a configured key is refused: its key must live apart from the data.
 */
export function loadMasterKey(config: Config): MasterKey {
  if (config.masterKey) {
    return { key: parseMasterKey(config.masterKey), source: 'env' };
  }
  if (config.keyFile) {
    if (!existsSync(config.keyFile)) {
      throw new Error(`HOMEWARD_KEY_FILE ${config.keyFile} does not exist.`);
    }
    return {
      key: parseMasterKey(readFileSync(config.keyFile, 'utf8')),
      source: 'file',
      path: config.keyFile,
    };
  }
  if (config.databaseUrl) {
    throw new Error(
      'DATABASE_URL is set but no master key is configured. Set HOMEWARD_MASTER_KEY or ' +
        'HOMEWARD_KEY_FILE (create one with `openssl rand -base64 32 > homeward.key`).',
    );
  }
  const path = join(config.dataDir, DATA_DIR_KEY_FILE);
  if (existsSync(path)) {
    return { key: parseMasterKey(readFileSync(path, 'utf8')), source: 'data-dir', path };
  }
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(path, `${generateKey().toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return { key: parseMasterKey(readFileSync(path, 'utf8')), source: 'generated', path };
}
