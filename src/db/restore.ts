import { BackupMac, BackupRejectedError } from './backup-mac.ts';
import {
  BATCH,
  backupFileLines,
  latestMigration,
  parseHeader,
  tablesInDependencyOrder,
  type BackupHeader,
} from './backup.ts';
import type { Database, QueryFn } from './client.ts';

export { BackupRejectedError } from './backup-mac.ts';

/** Tables whose TRUNCATE trigger restore lifts inside its own transaction. */
const TRUNCATE_GUARDS = [
  ['audit_events', 'audit_events_no_truncate'],
  ['audit_seals', 'audit_seals_no_truncate'],
] as const;

/** Reads the lines, turning damaged or cut-short compressed data into a refusal. */
async function* checkedLines(file: string): AsyncGenerator<string> {
  try {
    yield* backupFileLines(file);
  } catch (err) {
    if (
      typeof (err as { code?: unknown }).code === 'string' &&
      /^Z_/.test((err as { code: string }).code)
    ) {
      throw new BackupRejectedError('its compressed data is damaged or cut short', err);
    }
    throw err;
  }
}

function parseLine(line: string, n: number): { table?: string; row?: unknown; trailer?: object } {
  try {
    return JSON.parse(line) as { table?: string; row?: unknown; trailer?: object };
  } catch {
    throw new BackupRejectedError(`line ${n} is not valid JSON`);
  }
}

export interface RestoreOptions {
  /** Unwraps the backup key of the header with the master key; throws when it does not. */
  unwrapMacKey: (id: string, wrappedKey: string) => Buffer;
  onProgress?: (table: string, rows: number) => void;
}

/**
 * Replaces the content of every table with the backup's, in one transaction: if anything fails
 * nothing changes. The file is authenticated as it streams (its MAC key unwrapped from the
 * header with the master key) and the transaction commits only after the trailer matched, so an
 * edited, reordered, shortened or cut-off file restores nothing (`BackupRejectedError`). The
 * target must be migrated to the same schema version as the backup. Must run as the owner of
 * the tables: it lifts the audit tables' TRUNCATE rule inside its transaction.
 */
export async function restoreBackup(
  database: Database,
  file: string,
  opts: RestoreOptions,
): Promise<Record<string, number>> {
  return database.session((query) => restoreWith(query, file, opts));
}

/** Rows of one table waiting to be inserted, with running counts. */
class RestoreBatches {
  readonly counts: Record<string, number> = {};
  private table: string | null = null;
  private columns = '';
  private batch: unknown[] = [];

  constructor(
    private readonly query: QueryFn,
    private readonly onProgress?: (table: string, rows: number) => void,
  ) {}

  async startTable(table: string): Promise<void> {
    await this.flush();
    this.table = table;
    this.columns = await storedColumns(this.query, table);
    this.counts[table] = 0;
  }

  async add(row: unknown): Promise<void> {
    if (!this.table) {
      throw new BackupRejectedError('a row comes before any table');
    }
    this.batch.push(row);
    if (this.batch.length >= BATCH) {
      await this.flush();
    }
  }

  async flush(): Promise<void> {
    const { table, columns } = this;
    if (table && this.batch.length > 0) {
      await this.query(
        `insert into "${table}" (${columns}) select ${columns} from json_populate_recordset(null::"${table}", $1::json)`,
        [JSON.stringify(this.batch)],
      );
      const done = (this.counts[table] ?? 0) + this.batch.length;
      this.counts[table] = done;
      this.onProgress?.(table, done);
    }
    this.batch = [];
  }
}

/**
 * Applies the lines after the header until the trailer, which must match `mac`. A line that
 * fails to apply (a database error) stops the applying but not the reading: an edited file is
 * reported as such rather than by whatever its edit broke. Returns that error, if any.
 */
async function applyLines(
  lines: AsyncIterator<string>,
  mac: BackupMac,
  apply: (entry: { table?: string; row?: unknown }) => Promise<void>,
): Promise<{ failure: unknown }> {
  let closed = false;
  let failure: unknown = null;
  for await (const line of { [Symbol.asyncIterator]: () => lines }) {
    if (closed) {
      throw new BackupRejectedError('it goes on after its trailer');
    }
    const entry = parseLine(line, mac.lines + 1);
    if (entry.trailer !== undefined) {
      if (!mac.matches(entry.trailer)) {
        throw new BackupRejectedError('its content, order or length does not match its MAC');
      }
      closed = true;
      continue;
    }
    mac.add(line);
    if (failure === null) {
      await apply(entry).catch((err: unknown) => {
        failure = err ?? new Error('restore failed');
      });
    }
  }
  if (!closed) {
    throw new BackupRejectedError('it ends without its trailer (cut short)');
  }
  return { failure };
}

/** Streams the file into the open transaction; returns once the trailer has been verified. */
async function restoreLines(query: QueryFn, file: string, opts: RestoreOptions) {
  const lines = checkedLines(file)[Symbol.asyncIterator]();
  const first = await lines.next();
  if (first.done) {
    throw new Error('The backup file is empty');
  }
  const header = parseHeader(first.value);
  const mac = new BackupMac(opts.unwrapMacKey(header.macKey.id, header.macKey.wrappedKey));
  mac.add(first.value);
  await prepareTarget(query, header);
  const batches = new RestoreBatches(query, opts.onProgress);
  const { failure } = await applyLines(lines, mac, async (entry) => {
    if (entry.table !== undefined) {
      await batches.startTable(allowedTable(header, entry.table));
    } else if (entry.row !== undefined) {
      await batches.add(entry.row);
    }
  });
  if (failure !== null) {
    throw failure instanceof Error ? failure : new Error('The restore failed');
  }
  await batches.flush();
  return batches.counts;
}

async function restoreWith(
  query: QueryFn,
  file: string,
  opts: RestoreOptions,
): Promise<Record<string, number>> {
  await query('begin');
  try {
    const counts = await restoreLines(query, file, opts);
    await query('commit');
    return counts;
  } catch (err) {
    await query('rollback');
    throw err;
  }
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
  // The audit tables refuse TRUNCATE; only their owner can lift that, and only inside this
  // transaction (a rollback, or the re-enable below, restores it).
  await liftTruncateGuards(query, 'disable');
  await query(`truncate ${quoted} cascade`);
  await liftTruncateGuards(query, 'enable');
}

async function liftTruncateGuards(query: QueryFn, action: 'disable' | 'enable'): Promise<void> {
  for (const [table, trigger] of TRUNCATE_GUARDS) {
    try {
      await query(`alter table "${table}" ${action} trigger "${trigger}"`);
    } catch (err) {
      if ((err as { code?: unknown }).code === '42501') {
        throw new Error(
          'Restore must run as the owner of the tables (the database role that ran the ' +
            'migrations), not as the role the server uses.',
          { cause: err },
        );
      }
      throw err;
    }
  }
}
