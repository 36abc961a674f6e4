import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { BackupMac } from './backup-mac.ts';
import type { Database, QueryFn } from './client.ts';

/**
 * Logical backups that work the same on PGlite and PostgreSQL: gzip'd JSON lines, one header,
 * then for each table (in foreign-key order) a table line and its rows as `row_to_json`, then a
 * trailer with the MAC of every line (see backup-mac.ts). Encrypted fields stay encrypted; the
 * master key is NOT in the backup and must be kept apart. Sessions and login-throttle counters
 * are transient and not backed up.
 */
export const BACKUP_FORMAT = 'homeward-backup';
// Sessions and throttling are short-lived; name_terms is derived (a trigger rebuilds it as the
// identities are restored).
const SKIPPED_TABLES = new Set(['sessions', 'auth_throttle', 'name_terms']);
/** Rows per batch when reading or restoring. */
export const BATCH = 500;

/** Version 2: authenticated (trailer MAC). Version 1 files (unauthenticated) are refused. */
export const BACKUP_VERSION = 2;
export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  migration: string | null;
  masterKeyId: string | null;
  tables: string[];
  /** The backup MAC key, wrapped by the master key (`encryption_keys` row `id`). */
  macKey: { id: string; wrappedKey: string };
}

/** The backup MAC key of the installation, unwrapped, and its wrapped form for the header. */
export interface BackupMacKey {
  id: string;
  key: Buffer;
  wrappedKey: string;
}

/** Tables of the public schema, parents before children. */
export async function tablesInDependencyOrder(query: QueryFn): Promise<string[]> {
  const tables = await query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const fks = await query<{ child: string; parent: string }>(
    `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
     from pg_constraint c join pg_namespace n on n.oid = c.connamespace
     where c.contype = 'f' and n.nspname = 'public'`,
  );
  const order: string[] = [];
  const pending = new Set(tables.map((t) => t.name));
  while (pending.size > 0) {
    const ready = [...pending].filter((t) =>
      fks.every((fk) => fk.child !== t || fk.parent === t || !pending.has(fk.parent)),
    );
    if (ready.length === 0) {
      throw new Error('Circular foreign keys between tables: cannot order the backup');
    }
    for (const t of ready) {
      order.push(t);
      pending.delete(t);
    }
  }
  return order;
}

export async function latestMigration(query: QueryFn): Promise<string | null> {
  const rows = await query<{ hash: string }>(
    'select hash from drizzle.__drizzle_migrations order by created_at desc limit 1',
  );
  return rows[0]?.hash ?? null;
}

async function* backupLines(query: QueryFn, header: BackupHeader): AsyncGenerator<string> {
  yield JSON.stringify(header);
  for (const table of header.tables) {
    yield JSON.stringify({ table });
    // A cursor streams the table in one pass, whatever its size.
    await query(
      `declare backup_rows no scroll cursor for select row_to_json(t) as j from "${table}" t`,
    );
    for (;;) {
      const rows = await query<{ j: unknown }>(`fetch ${BATCH} from backup_rows`);
      for (const r of rows) {
        const row: unknown = typeof r.j === 'string' ? JSON.parse(r.j) : r.j;
        yield JSON.stringify({ row });
      }
      if (rows.length < BATCH) {
        break;
      }
    }
    await query('close backup_rows');
  }
}

/** The lines, each with its newline, then the trailer authenticating them. */
async function* authenticated(lines: AsyncIterable<string>, key: Buffer): AsyncGenerator<string> {
  const mac = new BackupMac(key);
  for await (const line of lines) {
    mac.add(line);
    yield `${line}\n`;
  }
  yield `${mac.trailer()}\n`;
}

/**
 * Writes a backup of every table to `file`, authenticated with `opts.macKey` (whose wrapped form
 * goes into the header, so the same master key verifies it on an empty installation). Returns
 * the header.
 */
export async function writeBackup(
  database: Database,
  file: string,
  opts: { masterKeyId: string | null; macKey: BackupMacKey },
): Promise<BackupHeader> {
  const tables = (await tablesInDependencyOrder(database.query)).filter(
    (t) => !SKIPPED_TABLES.has(t),
  );
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
    migration: await latestMigration(database.query),
    masterKeyId: opts.masterKeyId,
    tables,
    macKey: { id: opts.macKey.id, wrappedKey: opts.macKey.wrappedKey },
  };
  // Read in one transaction so the backup is a consistent snapshot.
  await database.session(async (query) => {
    await query('begin isolation level repeatable read');
    const partial = `${file}.partial`;
    try {
      await pipeline(
        Readable.from(authenticated(backupLines(query, header), opts.macKey.key)),
        createGzip(),
        createWriteStream(partial, { mode: 0o600 }),
      );
      renameSync(partial, file);
    } finally {
      rmSync(partial, { force: true });
      await query('commit');
    }
  });
  return header;
}

/** Reads the header of a backup file; throws if the file is not a Homeward backup. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  for await (const line of backupFileLines(file)) {
    return parseHeader(line);
  }
  throw new Error('The backup file is empty');
}

/** Parses and checks a backup's first line. Throws on anything but a version-2 backup. */
export function parseHeader(line: string): BackupHeader {
  let header: Partial<Omit<BackupHeader, 'version'>> & { version?: unknown };
  try {
    header = JSON.parse(line) as typeof header;
  } catch {
    throw new Error('Not a Homeward backup file');
  }
  if (header.format !== BACKUP_FORMAT) {
    throw new Error('Not a Homeward backup file');
  }
  if (header.version === 1) {
    throw new Error(
      'This backup was made by an older Homeward version in a format without authentication ' +
        '(version 1): it is refused, because an edited copy could not be told apart. Restore ' +
        'it with the version that made it, then upgrade and make a new backup.',
    );
  }
  const key = header.macKey;
  if (
    header.version !== BACKUP_VERSION ||
    !Array.isArray(header.tables) ||
    typeof key?.id !== 'string' ||
    typeof key.wrappedKey !== 'string'
  ) {
    throw new Error('Not a Homeward backup file (or an unsupported version)');
  }
  return header as BackupHeader;
}

/** The decompressed lines of a backup file. */
export function backupFileLines(file: string): AsyncIterable<string> {
  const gunzip = createGunzip();
  // A read error (missing file) reaches the reader like a decompression error.
  createReadStream(file)
    .on('error', (err) => gunzip.destroy(err))
    .pipe(gunzip);
  return createInterface({ input: gunzip, crlfDelay: Infinity });
}

/** True when the database holds no organisation yet. */
export async function isEmptyInstallation(database: Database): Promise<boolean> {
  const rows = await database.query<{ n: number }>('select count(*)::int as n from organisations');
  return (rows[0]?.n ?? 0) === 0;
}
