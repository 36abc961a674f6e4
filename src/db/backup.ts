import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import type { Database, QueryFn } from './client.ts';

/**
 * Logical backups that work the same on PGlite and PostgreSQL: gzip'd JSON lines, one header,
 * then for each table (in foreign-key order) a table line and its rows as `row_to_json`.
 * Encrypted fields stay encrypted; the master key is NOT in the backup and must be kept apart.
 * Sessions and login-throttle counters are transient and not backed up.
 */
export const BACKUP_FORMAT = 'homeward-backup';
// Sessions and throttling are short-lived; name_terms is derived (a trigger rebuilds it as the
// identities are restored).
const SKIPPED_TABLES = new Set(['sessions', 'auth_throttle', 'name_terms']);
const BATCH = 500;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: 1;
  createdAt: string;
  migration: string | null;
  masterKeyId: string | null;
  tables: string[];
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
  yield `${JSON.stringify(header)}\n`;
  for (const table of header.tables) {
    yield `${JSON.stringify({ table })}\n`;
    // A cursor streams the table in one pass, whatever its size.
    await query(
      `declare backup_rows no scroll cursor for select row_to_json(t) as j from "${table}" t`,
    );
    for (;;) {
      const rows = await query<{ j: unknown }>(`fetch ${BATCH} from backup_rows`);
      for (const r of rows) {
        const row: unknown = typeof r.j === 'string' ? JSON.parse(r.j) : r.j;
        yield `${JSON.stringify({ row })}\n`;
      }
      if (rows.length < BATCH) {
        break;
      }
    }
    await query('close backup_rows');
  }
}

/** Writes a backup of every table to `file`; returns the number of rows per table. */
export async function writeBackup(
  database: Database,
  file: string,
  masterKeyId: string | null,
): Promise<BackupHeader> {
  const tables = (await tablesInDependencyOrder(database.query)).filter(
    (t) => !SKIPPED_TABLES.has(t),
  );
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: 1,
    createdAt: new Date().toISOString(),
    migration: await latestMigration(database.query),
    masterKeyId,
    tables,
  };
  // Read in one transaction so the backup is a consistent snapshot.
  await database.session(async (query) => {
    await query('begin isolation level repeatable read');
    const partial = `${file}.partial`;
    try {
      await pipeline(
        Readable.from(backupLines(query, header)),
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

function parseHeader(line: string): BackupHeader {
  let header: Partial<BackupHeader>;
  try {
    header = JSON.parse(line) as Partial<BackupHeader>;
  } catch {
    throw new Error('Not a Homeward backup file');
  }
  if (header.format !== BACKUP_FORMAT || header.version !== 1 || !Array.isArray(header.tables)) {
    throw new Error('Not a Homeward backup file (or an unsupported version)');
  }
  return header as BackupHeader;
}

function backupFileLines(file: string): AsyncIterable<string> {
  return createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
}

/**
 * Replaces the content of every table with the backup's, in one transaction: if anything fails
 * nothing changes. The target must be migrated to the same schema version as the backup.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  onProgress?: (table: string, rows: number) => void,
): Promise<Record<string, number>> {
  return database.session((query) => restoreWith(query, file, onProgress));
}

async function restoreWith(
  query: QueryFn,
  file: string,
  onProgress?: (table: string, rows: number) => void,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let header: BackupHeader | null = null;
  let table: string | null = null;
  let batch: unknown[] = [];
  let columns = '';
  const flush = async () => {
    if (table && batch.length > 0) {
      await query(
        `insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", $1::json)`,
        [JSON.stringify(batch)],
      );
      const done = (counts[table] ?? 0) + batch.length;
      counts[table] = done;
      onProgress?.(table, done);
    }
    batch = [];
  };
  await query('begin');
  try {
    for await (const line of backupFileLines(file)) {
      if (!header) {
        header = parseHeader(line);
        await prepareTarget(query, header);
        continue;
      }
      const entry = JSON.parse(line) as { table?: string; row?: unknown };
      if (entry.table !== undefined) {
        await flush();
        table = allowedTable(header, entry.table);
        columns = await storedColumns(query, table);
        counts[table] = 0;
      } else if (entry.row !== undefined) {
        batch.push(entry.row);
        if (batch.length >= BATCH) {
          await flush();
        }
      }
    }
    await flush();
    await query('commit');
  } catch (err) {
    await query('rollback');
    throw err;
  }
  return counts;
}

/** The table's columns that take values (generated columns are computed again). */
async function storedColumns(query: QueryFn, table: string): Promise<string> {
  const rows = await query<{ name: string }>(
    `select column_name as name from information_schema.columns
      where table_schema = 'public' and table_name = $1 and is_generated = 'NEVER'
      order by ordinal_position`,
    [table],
  );
  return rows.map((r) => `"${r.name}"`).join(', ');
}

function allowedTable(header: BackupHeader, name: string): string {
  if (!header.tables.includes(name) || !/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`Unexpected table ${name} in backup`);
  }
  return name;
}

async function prepareTarget(query: QueryFn, header: BackupHeader): Promise<void> {
  const migration = await latestMigration(query);
  if (header.migration !== migration) {
    throw new Error(
      'The backup was made with a different database schema version. Restore it with the ' +
        'Homeward version that made it, then upgrade.',
    );
  }
  const existing = await tablesInDependencyOrder(query);
  for (const t of header.tables) {
    if (!existing.includes(t)) {
      throw new Error(`Table ${t} of the backup does not exist here`);
    }
  }
  const quoted = existing.map((t) => `"${t}"`).join(', ');
  await query(`truncate ${quoted} cascade`);
}

/** True when the database holds no organisation yet. */
export async function isEmptyInstallation(database: Database): Promise<boolean> {
  const rows = await database.query<{ n: number }>('select count(*)::int as n from organisations');
  return (rows[0]?.n ?? 0) === 0;
}
