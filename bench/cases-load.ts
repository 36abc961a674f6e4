/**
 * Streaming loader of synthetic cases (bench/cases-synth.ts) into PostgreSQL: batches of rows go
 * in as multi-row `insert … select * from unnest($1::uuid[], …)` while the next batch is being
 * generated. Deterministic for a given seed. A progress bar (rows, rate, ETA) goes to stderr.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { QueryFn } from '@/db/client.ts';
import { latinKey, nameKey } from '@/domain/cases/case-names.ts';
import {
  createRng,
  eventsOf,
  FORMS,
  identitiesOf,
  misspell,
  randomName,
  RISK_FACTOR_CODES,
  subset,
  uuidAt,
  type Rng,
} from './cases-synth.ts';
import { copyRows } from './cases-copy.ts';

export interface GenerateOptions {
  cases: number;
  organisationId: string;
  /** Users cases are assigned to (1–2 each); the first is recorded as creator. */
  userIds: string[];
  seed: number;
  /** Case numbers are `<prefix>-<seq>`; unique within the organisation. */
  numberPrefix: string;
  label: string;
}

export interface GenerateResult {
  cases: number;
  identities: number;
  events: number;
  assignments: number;
  seconds: number;
}

const BATCH = 2000;
const RISK_LEVELS = ['unknown', 'low', 'low', 'medium', 'medium', 'high'] as const;
const SEXES = ['female', 'female', 'male', 'male', 'unknown'] as const;
const START_MS = Date.UTC(2019, 0, 1);
const SPAN_MS = Date.UTC(2026, 10, 1) - START_MS;

type Column = [name: string, type: string];
/** One batch of rows for one table. */
export interface Table {
  name: string;
  columns: Column[];
  rows: unknown[][];
}
/** Writes one batch of every table, in order (cases first: the others reference them). */
export type BatchSink = (tables: Table[]) => Promise<void>;

const table = (name: string, columns: string): Table => ({
  name,
  columns: columns.split(',').map((c) => c.trim().split(':') as Column),
  rows: [],
});

function batchTables(): Table[] {
  return [
    table(
      'cases',
      `id:uuid, organisation_id:uuid, case_number:text, status:text, risk_level:text, sex:text,
      birth_year:int2, possible_minor:bool, nationality:text, origin_country:text,
      exploitation_forms:text[], risk_factors:text[], created_by:uuid, created_at:timestamptz,
      updated_at:timestamptz, closed_at:timestamptz`,
    ),
    table(
      'case_identities',
      `id:uuid, organisation_id:uuid, case_id:uuid, kind:text, given:text, family:text,
      script:text, name_key:text, latin_key:text, created_at:timestamptz`,
    ),
    table(
      'case_events',
      `id:uuid, organisation_id:uuid, case_id:uuid, stage:text, type:text, occurred_on:date,
      country:text, created_by:uuid, created_at:timestamptz`,
    ),
    table(
      'case_assignments',
      'organisation_id:uuid, case_id:uuid, user_id:uuid, created_at:timestamptz',
    ),
  ];
}

/** `insert into t (…) select … from unnest($1::uuid[], …)`; array columns travel as literals. */
function insertSql(t: Table): string {
  const names = t.columns.map(([n]) => n).join(', ');
  const params = t.columns
    .map(([, type], i) => `$${i + 1}::${type.endsWith('[]') ? 'text' : type}[]`)
    .join(', ');
  const select = t.columns
    .map(([n, type]) => (type.endsWith('[]') ? `u.${n}::${type}` : `u.${n}`))
    .join(', ');
  return `insert into ${t.name} (${names}) select ${select} from unnest(${params}) as u(${names})`;
}

function columnsOf(t: Table): unknown[][] {
  return t.columns.map((_, i) => t.rows.map((r) => r[i]));
}

const literal = (codes: readonly string[]) => `{${codes.join(',')}}`;

function addCase(rng: Rng, seq: number, opts: GenerateOptions, tables: Table[]): void {
  const [cases, identities, events, assignments] = tables as [Table, Table, Table, Table];
  const org = opts.organisationId;
  const created = START_MS + Math.floor(rng.next() * SPAN_MS);
  const id = uuidAt(rng, created);
  const name = randomName(rng);
  const createdAt = new Date(created);
  const closed = rng.next() < 0.3 ? new Date(created + rng.int(400) * 86_400_000) : null;
  const birthYear = 1965 + rng.int(45);
  cases.rows.push([
    id,
    org,
    `${opts.numberPrefix}-${String(seq).padStart(7, '0')}`,
    closed ? 'closed' : 'open',
    rng.pick(RISK_LEVELS),
    rng.pick(SEXES),
    birthYear,
    birthYear >= 2008,
    name.nationality,
    name.nationality,
    literal(subset(rng, FORMS, 0.35)),
    literal(subset(rng, RISK_FACTOR_CODES, 0.2)),
    opts.userIds[0],
    createdAt,
    closed ?? createdAt,
    closed,
  ]);
  for (const i of identitiesOf(name)) {
    // About 3 % of records carry a data-entry variant of the Latin spelling (near-duplicates).
    const typo = i.script === 'Latn' && rng.next() < 0.03;
    const family = typo ? misspell(rng, i.family) : i.family;
    const key = typo ? nameKey(i.given, family) : i.nameKey;
    const row = [uuidAt(rng, created), org, id, i.kind, i.given, family, i.script];
    identities.rows.push([...row, key, typo ? latinKey(key) : i.latinKey, createdAt]);
  }
  for (const e of eventsOf(rng, created, name.nationality)) {
    const row = [uuidAt(rng, created), org, id, e.stage, e.type, e.occurredOn, e.country];
    events.rows.push([...row, opts.userIds[0], createdAt]);
  }
  const first = rng.int(opts.userIds.length);
  const assignees = new Set([first, rng.next() < 0.2 ? rng.int(opts.userIds.length) : first]);
  for (const u of assignees) {
    assignments.rows.push([org, id, opts.userIds[u], createdAt]);
  }
}

/** Multi-row inserts, one statement per table, in order. */
export function unnestSink(query: QueryFn): BatchSink {
  return async (tables) => {
    for (const t of tables) {
      await query(insertSql(t), columnsOf(t));
    }
  };
}

/** `COPY … FROM STDIN` per table on a plain pg client (PostgreSQL only). */
export function copySink(client: pg.ClientBase): BatchSink {
  return async (tables) => {
    for (const t of tables) {
      await copyRows(client, { table: t.name, columns: t.columns.map(([n]) => n) }, t.rows);
    }
  };
}

/** A one-line progress bar on stderr: rows, rate and ETA (a line per 10 % when not a TTY). */
export function progressBar(label: string, total: number): (done: number) => void {
  const start = performance.now();
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  let lastDecile = -1;
  return (done) => {
    const now = performance.now();
    const decile = Math.floor((10 * done) / total);
    if (tty ? now - lastDraw < 250 && done < total : decile === lastDecile) {
      return;
    }
    lastDraw = now;
    lastDecile = decile;
    const rate = done / Math.max((now - start) / 1000, 1e-3);
    const eta = rate > 0 ? Math.ceil((total - done) / rate) : 0;
    const filled = Math.round((30 * done) / total);
    const bar = `[${'#'.repeat(filled)}${'-'.repeat(30 - filled)}]`;
    const line = `${label} ${bar} ${done.toLocaleString('en')}/${total.toLocaleString('en')} cases, ${Math.round(rate).toLocaleString('en')}/s, ETA ${eta} s`;
    process.stderr.write(tty ? `\r${line}${done >= total ? '\n' : ''}` : `${line}\n`);
  };
}

/**
 * Generates and inserts `opts.cases` cases with their identities, events and assignments.
 * Streaming: at most two batches are in memory; the next is generated while one is inserted.
 */
export async function generateCases(
  sink: BatchSink,
  opts: GenerateOptions,
): Promise<GenerateResult> {
  const rng = createRng(opts.seed);
  const tick = progressBar(opts.label, opts.cases);
  const counts = { cases: 0, identities: 0, events: 0, assignments: 0 };
  const start = performance.now();
  let inFlight: Promise<void> = Promise.resolve();
  for (let done = 0; done < opts.cases;) {
    const tables = batchTables();
    const n = Math.min(BATCH, opts.cases - done);
    for (let i = 0; i < n; i += 1) {
      addCase(rng, done + i + 1, opts, tables);
    }
    await inFlight;
    tick(done);
    inFlight = sink(tables);
    done += n;
    counts.cases += n;
    counts.identities += tables[1]!.rows.length;
    counts.events += tables[2]!.rows.length;
    counts.assignments += tables[3]!.rows.length;
  }
  await inFlight;
  tick(opts.cases);
  return { ...counts, seconds: (performance.now() - start) / 1000 };
}

const LOADED_TABLES = ['cases', 'case_identities', 'case_events', 'case_assignments'];

/**
 * Drops the foreign keys and the secondary indexes (all but primary keys, trigram GIN included) of
 * the loaded tables, the usual bulk-load technique, and returns the DDL that recreates them from
 * the catalogue (so it is exactly what the migrations created).
 */
export async function dropForBulkLoad(query: QueryFn): Promise<string[]> {
  const indexes = await query<{ name: string; ddl: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as ddl
      from pg_index i where i.indrelid = any($1::regclass[]) and not i.indisprimary
        and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`,
    [LOADED_TABLES],
  );
  const constraints = await query<{ tbl: string; name: string; def: string; contype: string }>(
    `select conrelid::regclass::text as tbl, conname as name, pg_get_constraintdef(oid) as def,
        contype from pg_constraint
      where conrelid = any($1::regclass[]) and contype in ('f', 'u')`,
    [LOADED_TABLES],
  );
  // Foreign keys first (they may depend on unique indexes), then the indexes.
  const order = [...constraints].sort((a, b) => a.contype.localeCompare(b.contype));
  for (const c of order) {
    await query(`alter table ${c.tbl} drop constraint ${c.name}`);
  }
  for (const i of indexes) {
    await query(`drop index ${i.name}`);
  }
  const unique = constraints.filter((c) => c.contype === 'u');
  const foreign = constraints.filter((c) => c.contype === 'f');
  return [
    ...indexes.map((i) => i.ddl),
    ...[...unique, ...foreign].map((c) => `alter table ${c.tbl} add constraint ${c.name} ${c.def}`),
  ];
}

/** Runs the DDL of `dropForBulkLoad` again (with more memory for index builds); returns seconds. */
export async function recreateAfterBulkLoad(query: QueryFn, ddl: string[]): Promise<number> {
  const start = performance.now();
  await query(`set maintenance_work_mem = '512MB'`);
  for (const statement of ddl) {
    await query(statement);
  }
  await query('reset maintenance_work_mem');
  return (performance.now() - start) / 1000;
}
