import { join, resolve } from 'node:path';

/** Settings read from the environment; see README "Configuration". */
export interface Config {
  /** Folder of the embedded database, the generated key and attachments. */
  dataDir: string;
  /** A PostgreSQL connection string; when set, the embedded database is not used. */
  databaseUrl: string | undefined;
  host: string;
  port: number;
  /** Base64 master key (32 bytes), or a file holding it; see src/lib/crypto.ts. */
  masterKey: string | undefined;
  keyFile: string | undefined;
  /** Trust X-Forwarded-* from a reverse proxy (needed for client addresses and Secure cookies). */
  trustProxy: boolean;
  /** Public origin (https://homeward.example.org) used for CSRF origin checks behind a proxy. */
  publicOrigin: string | undefined;
  logLevel: string;
  /** Encrypted attachment files (HOMEWARD_ATTACHMENTS_DIR; default <dataDir>/attachments). */
  attachmentsDir: string;
}

/** Reads the configuration from `env` (default `process.env`). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.HOMEWARD_DATA_DIR ?? './.homeward');
  return {
    dataDir,
    databaseUrl: nonEmpty(env.DATABASE_URL),
    host: env.HOST ?? '127.0.0.1',
    port: Number.parseInt(env.PORT ?? '3000', 10),
    masterKey: nonEmpty(env.HOMEWARD_MASTER_KEY),
    keyFile: nonEmpty(env.HOMEWARD_KEY_FILE),
    trustProxy: env.HOMEWARD_TRUST_PROXY === 'true' || env.HOMEWARD_TRUST_PROXY === '1',
    publicOrigin: nonEmpty(env.HOMEWARD_PUBLIC_ORIGIN),
    logLevel: env.LOG_LEVEL ?? 'info',
    attachmentsDir: resolve(nonEmpty(env.HOMEWARD_ATTACHMENTS_DIR) ?? join(dataDir, 'attachments')),
  };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
