/**
 * Streaming loader of synthetic cases into PostgreSQL. Batches are written as binary COPY tuples
 * by bench/cases-rows.ts and sent down one long `COPY … FROM STDIN` per table, each on its own
 * connection, so the four server backends work in parallel while the next batch is generated.
 * Deterministic for a given seed. A progress bar (rows, rate, ETA) goes to stderr.
 */
import { performance } from 'node:perf_hooks';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type pg from 'pg';
import type { QueryFn } from '@/db/client.ts';
import { decodeTuples } from './cases-binary.ts';
import { copyBuffer, openCopy, type CopyStream, type CopyTarget } from './cases-copy.ts';
import { checkFastNames, createPieces } from './cases-pieces.ts';
import { createBatchWriter, type BatchRows } from './cases-rows.ts';
import { createRng } from './cases-synth.ts';

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
  /** CPU time of this process (generation and sending) during the load. */
  clientCpuSeconds: number;
}

/** Cases per batch: small enough that generating one never leaves the server idle for long. */
const BATCH = 500;

type Column = [name: string, type: string];
interface TableSpec extends CopyTarget {
  key: 'cases' | 'identities' | 'events' | 'assignments';
  types: string[];
}

const spec = (key: TableSpec['key'], table: string, columns: string): TableSpec => {
  const cols = columns.split(',').map((c) => c.trim().split(':') as Column);
  return { key, table, columns: cols.map(([n]) => n), types: cols.map(([, t]) => t) };
};

/** The loaded tables in dependency order, with explicit column lists (in COPY order). */
export const TABLES: TableSpec[] = [
  spec(
    'cases',
    'cases',
    `id:uuid, organisation_id:uuid, case_number:text, status:text, risk_level:text, sex:text,
    birth_year:int2, possible_minor:bool, nationality:text, origin_country:text,
    exploitation_forms:text[], risk_factors:text[], created_by:uuid, created_at:timestamptz,
    updated_at:timestamptz, closed_at:timestamptz`,
  ),
  spec(
    'identities',
    'case_identities',
    `id:uuid, organisation_id:uuid, case_id:uuid, kind:text, given:text, family:text,
    script:text, name_key:text, latin_key:text, created_at:timestamptz, nationality:text,
    risk_level:text`,
  ),
  spec(
    'events',
    'case_events',
    `id:uuid, organisation_id:uuid, case_id:uuid, stage:text, type:text, occurred_on:date,
    country:text, created_by:uuid, created_at:timestamptz`,
  ),
  spec(
    'assignments',
    'case_assignments',
    'organisation_id:uuid, case_id:uuid, user_id:uuid, created_at:timestamptz',
  ),
];

/**
 * Binary COPY needs each column's exact type (text COPY would convert): fails early and clearly
 * if the schema no longer matches TABLES.
 */
export async function checkColumnTypes(query: QueryFn): Promise<void> {
  for (const t of TABLES) {
    const wrong = await query<{ name: string; type: string; actual: string | null }>(
      `select c.name, c.type, format_type(a.atttypid, a.atttypmod) as actual
        from unnest($2::text[], $3::text[]) as c(name, type)
        left join pg_attribute a on a.attrelid = $1::regclass and a.attname = c.name
          and not a.attisdropped
        where a.atttypid is distinct from to_regtype(c.type)`,
      [t.table, t.columns, t.types],
    );
    if (wrong.length > 0) {
      const list = wrong.map((w) => `${w.name} is ${w.actual ?? 'missing'}, not ${w.type}`);
      throw new Error(`${t.table}: update TABLES in bench/cases-load.ts: ${list.join('; ')}`);
    }
  }
}

/** Where batches go: `write` may wait (backpressure); `end` resolves once all is committed. */
export interface BatchSink {
  write(batch: BatchRows): Promise<void>;
  end(): Promise<void>;
}

/**
 * One `COPY … FROM STDIN` per table for the whole load, each on its own client (`clients[i]` for
 * `TABLES[i]`). Only for loads without foreign keys: each table commits on its own.
 */
export function parallelCopySink(clients: pg.ClientBase[]): BatchSink {
  let streams: CopyStream[] | null = null;
  return {
    async write(batch) {
      streams ??= TABLES.map((t, i) => openCopy(clients[i]!, t));
      await Promise.all(TABLES.map((t, i) => streams![i]!.write(batch[t.key])));
    },
    async end() {
      await Promise.all((streams ?? []).map((s) => s.end()));
      streams = null;
    },
  };
}

/** A COPY per table and batch, in dependency order, on one client (foreign keys in place). */
export function serialCopySink(client: pg.ClientBase): BatchSink {
  return {
    async write(batch) {
      for (const t of TABLES) {
        await copyBuffer(client, t, batch[t.key]);
      }
    },
    async end() {},
  };
}

function columnsOf(rows: (string | null)[][], columns: number): (string | null)[][] {
  return Array.from({ length: columns }, (_, i) => rows.map((r) => r[i]!));
}

/** `insert … select from unnest($1::uuid[], …)` per table and batch (PGlite has no COPY here). */
export function unnestSink(query: QueryFn): BatchSink {
  return {
    async write(batch) {
      for (const t of TABLES) {
        const params = t.types.map(
          (type, i) => `$${i + 1}::${type.endsWith('[]') ? 'text' : type}[]`,
        );
        const select = t.columns.map((n, i) =>
          t.types[i]!.endsWith('[]') ? `u.${n}::${t.types[i]}` : `u.${n}`,
        );
        const names = t.columns.join(', ');
        await query(
          `insert into ${t.table} (${names}) select ${select.join(', ')} from unnest(${params.join(', ')}) as u(${names})`,
          columnsOf(decodeTuples(batch[t.key], t.types), t.columns.length),
        );
      }
    },
    async end() {},
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
 * Generates and writes `opts.cases` cases with their identities, events and assignments.
 * Streaming: a batch is generated, handed to the sink (which sends it without waiting unless the
 * sockets are full), then the event loop runs so that the sockets drain while the next batch is
 * generated. One PRNG for the whole run: the same seed gives the same rows as before.
 */
export async function generateCases(
  sink: BatchSink,
  opts: GenerateOptions,
): Promise<GenerateResult> {
  checkFastNames(createPieces(), opts.seed, 2000);
  const write = createBatchWriter(opts);
  const rng = createRng(opts.seed);
  const tick = progressBar(opts.label, opts.cases);
  const counts = { cases: 0, identities: 0, events: 0, assignments: 0 };
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let done = 0; done < opts.cases;) {
    const n = Math.min(BATCH, opts.cases - done);
    const batch = write(rng, done + 1, n);
    await sink.write(batch);
    for (const key of ['cases', 'identities', 'events', 'assignments'] as const) {
      counts[key] += batch.counts[key];
    }
    done += n;
    tick(done);
    await yieldToIo();
  }
  await sink.end();
  const { user, system } = process.cpuUsage(cpu);
  return {
    ...counts,
    seconds: (performance.now() - start) / 1000,
    clientCpuSeconds: (user + system) / 1e6,
  };
}
