import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  /** The master key the field keyring is wrapped with (kept databases are reopened with it). */
  masterKey: Buffer;
  /**
   * Closes the database and drops the scratch PostgreSQL database (a kept one stays).
   * Idempotent.
   */
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

/** Names a kept scratch database may have (interpolated into DDL, so checked strictly). */
const KEPT_NAME = /^hw_bench_[a-z0-9_]{1,40}$/;

function checkKeptName(name: string): string {
  if (!KEPT_NAME.test(name)) {
    throw new Error(`a kept benchmark database is named hw_bench_<a-z0-9_>, got "${name}"`);
  }
  return name;
}

async function openScratchPostgres(keepAs?: string): Promise<{
  database: Database;
  label: string;
  url: string;
  drop: () => Promise<void>;
}> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  // The name is generated here (hex only) or checked against KEPT_NAME, so interpolating it
  // into DDL is safe.
  const name = keepAs ? checkKeptName(keepAs) : `hw_bench_${hex(6)}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  const drop = keepAs
    ? async () => undefined
    : () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`);
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
 * `hw_bench_<random>` (pool of 10, as the server uses) that `dispose` drops again. With
 * `keepAs` (PostgreSQL only) the database gets that name and `dispose` leaves it in place
 * (see `saveKept` / `openKept`; `dropKept` removes it).
 */
export async function createBenchRuntime(
  kind: BenchDatabase,
  opts: { keepAs?: string | undefined } = {},
): Promise<BenchRuntime> {
  if (opts.keepAs && kind !== 'postgres') {
    throw new Error('only a PostgreSQL benchmark database can be kept');
  }
  const opened =
    kind === 'postgres'
      ? await openScratchPostgres(opts.keepAs)
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
    const masterKey = generateKey();
    const cipher = await loadKeyring(opened.database.db, masterKey);
    return {
      database: opened.database,
      cipher,
      label: opened.label,
      postgresUrl: opened.url,
      masterKey,
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

/**
 * What a kept scratch database needs to be reused by a later run: its account, the master key
 * of its keyring (synthetic data only) and whatever the run that built it wants to remember.
 * Stored outside the repository, readable by this user only.
 */
export interface KeptState<T = unknown> {
  name: string;
  masterKey: string;
  account: BenchAccount;
  extra: T;
}

function keptPath(name: string): string {
  return path.join(os.tmpdir(), 'homeward-bench', `${checkKeptName(name)}.json`);
}

/** Records a kept database's state (after `createBenchRuntime(…, { keepAs })` and a load). */
export function saveKept<T>(rt: BenchRuntime, name: string, account: BenchAccount, extra: T): void {
  const file = keptPath(name);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const state: KeptState<T> = {
    name,
    masterKey: rt.masterKey.toString('base64'),
    account,
    extra,
  };
  writeFileSync(file, JSON.stringify(state), { mode: 0o600 });
}

/** Reopens a kept database (migrating it, as the server would) with its recorded state. */
export async function openKept<T>(
  name: string,
): Promise<{ rt: BenchRuntime; state: KeptState<T> }> {
  const state = JSON.parse(readFileSync(keptPath(name), 'utf8')) as KeptState<T>;
  const url = withDatabase(process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL, name);
  const database = await openDatabase({ url });
  try {
    await migrateDatabase(database);
    const masterKey = Buffer.from(state.masterKey, 'base64');
    const cipher = await loadKeyring(database.db, masterKey);
    let closed: Promise<void> | undefined;
    const rt: BenchRuntime = {
      database,
      cipher,
      label: `postgres ${describe(url)} (kept)`,
      postgresUrl: url,
      masterKey,
      dispose: () => (closed ??= database.close()),
    };
    return { rt, state };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Drops a kept database and forgets its state. */
export async function dropKept(name: string): Promise<void> {
  const adminUrl = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  await adminQuery(adminUrl, `drop database if exists "${checkKeptName(name)}" with (force)`);
  rmSync(keptPath(name), { force: true });
}
