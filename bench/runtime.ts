import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '@/db/client.ts';
import { createOrganisation, createUser } from '@/domain/auth/index.ts';
import { loadKeyring } from '@/domain/keys/index.ts';
import { generateKey, type FieldCipher } from '@/lib/crypto.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import type { BenchDatabase } from './args.ts';

/** Default server for `--db postgres` when BENCH_DATABASE_URL is not set. */
export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** A migrated database with its field cipher, and how to throw it away. */
export interface BenchRuntime {
  database: Database;
  cipher: FieldCipher;
  /** Human-readable description for the report (never includes a password). */
  label: string;
  /** The scratch PostgreSQL database's URL (for a replay pool of its own); null when embedded. */
  postgresUrl: string | null;
  /** Closes the database and drops the scratch PostgreSQL database. Idempotent. */
  dispose(): Promise<void>;
}

/** The organisation and admin user the benchmark acts as. */
export interface BenchAccount {
  organisationId: string;
  userId: string;
  email: string;
  password: string;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

function describe(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  return parsed.toString();
}

async function openScratchPostgres(): Promise<{
  database: Database;
  label: string;
  url: string;
  drop: () => Promise<void>;
}> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  // The name is generated here (hex only), so interpolating it into DDL is safe.
  const name = `hw_bench_${hex(6)}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  const drop = () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
  try {
    const database = await openDatabase({ url: withDatabase(adminUrl, name) });
    const url = withDatabase(adminUrl, name);
    return { database, label: `postgres ${describe(url)}`, url, drop };
  } catch (err) {
    await drop();
    throw err;
  }
}

/**
 * Opens and migrates a fresh database: in-memory PGlite, or a scratch PostgreSQL database
 * `hw_bench_<random>` (pool of 10, as the server uses) that `dispose` drops again.
 */
export async function createBenchRuntime(kind: BenchDatabase): Promise<BenchRuntime> {
  const opened =
    kind === 'postgres'
      ? await openScratchPostgres()
      : {
          database: await openDatabase({ dataDir: 'memory' }),
          label: 'embedded (PGlite, in memory)',
          url: null,
          drop: async () => undefined,
        };
  let disposed: Promise<void> | undefined;
  const dispose = () => {
    disposed ??= opened.database.close().finally(opened.drop);
    return disposed;
  };
  try {
    await migrateDatabase(opened.database);
    const cipher = await loadKeyring(opened.database.db, generateKey());
    return {
      database: opened.database,
      cipher,
      label: opened.label,
      postgresUrl: opened.url,
      dispose,
    };
  } catch (err) {
    await dispose();
    throw err;
  }
}

/** Creates an organisation and an admin user through the services, as the CLI would. */
export async function seedAccount(rt: BenchRuntime): Promise<BenchAccount> {
  const deps = { db: rt.database.db, cipher: rt.cipher };
  const org = await createOrganisation(systemCtx(deps), {
    name: `Bench Org ${hex(4)}`,
    country: 'THA',
    type: 'cso',
  });
  const email = `bench-admin-${hex(4)}@bench.homeward.example`;
  const password = `bench-${hex(8)}-${hex(8)}`;
  const created = await createUser(systemCtx(deps, org.id), {
    email,
    displayName: 'Bench Admin',
    role: 'admin',
    password,
  });
  return { organisationId: org.id, userId: created.user.id, email, password };
}
