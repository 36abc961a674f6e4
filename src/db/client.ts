import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
/** The Drizzle database, whichever engine is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type DatabaseKind = 'embedded' | 'postgres';
export type QueryFn = <T = Record<string, unknown>>(
  text: string,
  params?: unknown[],
) => Promise<T[]>;

/** An open database and how to close it. */
export interface Database {
  db: Db;
  kind: DatabaseKind;
  /** Runs raw SQL (used by backup/restore and tests); returns rows. */
  query: QueryFn;
  /** Runs `fn` on one dedicated connection (needed for BEGIN … COMMIT with raw SQL). */
  session<T>(fn: (query: QueryFn) => Promise<T>): Promise<T>;
  /** Applies every pending migration with the engine's own Drizzle migrator. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

/** Raised when another process holds the embedded database. */
export class DatabaseBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is in use by another Homeward process (pid ${pid}). ` +
        'PGlite allows one process at a time: stop the server first (Ctrl+C or `kill ' +
        `${pid}\`), then run this command again. With PostgreSQL (DATABASE_URL) both can run at once.`,
    );
    this.name = 'DatabaseBusyError';
  }
}

export interface OpenOptions {
  /** PostgreSQL connection string; when absent the embedded database is used. */
  url?: string | undefined;
  /** Folder for the embedded database; the value `memory` keeps it in memory (tests). */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  poolSize?: number;
}

/** Opens (without migrating) the database described by `opts`. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    return openPostgres(opts.url, opts.poolSize ?? 10);
  }
  return openEmbedded(opts.dataDir ?? './.homeward');
}

async function openPostgres(url: string, max: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max });
  // Fail fast with a clear message when the server is unreachable.
  const client = await pool.connect();
  client.release();
  const driver = drizzlePg(pool, { schema, casing: 'snake_case' });
  return {
    db: driver as unknown as Db,
    kind: 'postgres',
    migrate: () => migratePg(driver, { migrationsFolder: MIGRATIONS_DIR }),
    query: async <T>(text: string, params?: unknown[]) =>
      (await pool.query(text, params)).rows as T[],
    session: async (fn) => {
      const c = await pool.connect();
      try {
        return await fn(
          async <T>(text: string, params?: unknown[]) => (await c.query(text, params)).rows as T[],
        );
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openEmbedded(dataDir: string): Promise<Database> {
  let releaseLock = (): void => undefined;
  let client: PGlite;
  if (dataDir === 'memory') {
    client = new PGlite({ extensions: { pg_trgm } });
  } else {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    releaseLock = acquireLock(dataDir);
    try {
      client = new PGlite(join(dataDir, 'pgdata'), { extensions: { pg_trgm } });
      await client.waitReady;
    } catch (err) {
      releaseLock();
      throw err;
    }
  }
  const driver = drizzlePglite(client, { schema, casing: 'snake_case' });
  const query: QueryFn = async <T>(text: string, params?: unknown[]) =>
    (await client.query<T>(text, params)).rows;
  return {
    db: driver as unknown as Db,
    kind: 'embedded',
    migrate: () => migratePglite(driver, { migrationsFolder: MIGRATIONS_DIR }),
    query,
    // PGlite has a single connection: every query already runs on it.
    session: (fn) => fn(query),
    close: async () => {
      await client.close();
      releaseLock();
    },
  };
}

/**
 * PGlite is single-process: two processes writing one data folder would corrupt it. A pid file
 * created with O_EXCL guards it; a file left by a dead process is taken over.
 */
function acquireLock(dataDir: string): () => void {
  const lockPath = join(dataDir, 'homeward.pid');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(lockPath, 'wx', 0o600);
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(lockPath, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw err;
      }
      const pid = Number.parseInt(readFileSync(lockPath, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && isAlive(pid)) {
        throw new DatabaseBusyError(dataDir, pid);
      }
      rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${lockPath}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Applies every pending migration in src/db/migrations. Idempotent. */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.migrate();
}

/** True when the embedded data folder already holds a database. */
export function embeddedDatabaseExists(dataDir: string): boolean {
  return existsSync(join(dataDir, 'pgdata', 'PG_VERSION'));
}
