import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '@/db/client.ts';
import { loadKeyring } from '@/domain/keys/index.ts';
import { generateKey, type FieldCipher } from '@/lib/crypto.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;
export const ON_POSTGRES = Boolean(TEST_DATABASE_URL);

export interface TestRuntime {
  database: Database;
  cipher: FieldCipher;
  masterKey: Buffer;
}

let shared: Promise<TestRuntime> | undefined;

/**
 * One migrated database per test worker (STYLE: "migrated once per worker"): in-memory PGlite,
 * or a fresh PostgreSQL database when TEST_DATABASE_URL is set. Tests never assume empty tables:
 * each creates its own organisation.
 */
export function testRuntime(): Promise<TestRuntime> {
  shared ??= createRuntime();
  return shared;
}

/** A separate, fresh database (for tests that need an empty one, e.g. restore). */
export async function createRuntime(): Promise<TestRuntime> {
  const database = TEST_DATABASE_URL
    ? await openDatabase({ url: await createPostgresDatabase(TEST_DATABASE_URL), poolSize: 5 })
    : await openDatabase({ dataDir: 'memory' });
  await migrateDatabase(database);
  const masterKey = generateKey();
  const cipher = await loadKeyring(database.db, masterKey);
  return { database, cipher, masterKey };
}

async function createPostgresDatabase(adminUrl: string): Promise<string> {
  const run = process.env.HOMEWARD_TEST_RUN ?? 'adhoc';
  const name = `hw_test_${run}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  await client.query(`create database "${name}"`);
  await client.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
