import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { latencySamples, type Summary } from './stats.ts';

/**
 * One statement exactly as the app handed it to the driver: the arguments of
 * `pg.Client#query` (a prepared statement's name, text, values and row mode) or of
 * `PGlite#query` (text, parameters, options), and the PGlite instance it ran on.
 */
export interface RecordedStatement {
  text: string;
  args: unknown[];
  pglite: PGlite | null;
}

/** Raw SQL timings: sequential per-op latency and concurrent throughput. */
export interface RawSqlResult {
  /** The statements one op replays, as the request ran them (first 100 characters each). */
  statements: string[];
  /** One op = every recorded statement in order, run back to back on one caller. */
  sequential: { ops: number; elapsedS: number; us: Summary };
  /** `concurrency` callers doing ops at once (the pool spreads them over connections). */
  concurrent: { concurrency: number; ops: number; elapsedS: number; opsPerS: number };
}

/** Most ops per phase, whatever the time budget. */
export const MAX_OPS = 500_000;
const WARMUP_OPS = 500;

type QueryMethod = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Runs `fn` while recording every statement sent through a pg client (pool queries and
 * transactions alike) or a PGlite instance, as bench/cases-measure.ts does.
 */
export async function recordStatements(fn: () => Promise<void>): Promise<RecordedStatement[]> {
  const recorded: RecordedStatement[] = [];
  const targets = [pg.Client.prototype, PGlite.prototype] as unknown as Record<
    string,
    QueryMethod
  >[];
  const originals = targets.map((t) => t.query!);
  let inside = 0;
  targets.forEach((target, i) => {
    target.query = function (this: unknown, ...args: unknown[]) {
      if (inside > 0) {
        // A driver calling its own query() again (PGlite does) is part of the same statement.
        return originals[i]!.apply(this, args);
      }
      const first = args[0];
      const text = typeof first === 'string' ? first : (first as { text: string }).text;
      // pg.Pool#query hands its client a callback: the replay awaits a promise instead.
      const kept = args.filter((a) => typeof a !== 'function');
      recorded.push({ text, args: kept, pglite: this instanceof PGlite ? this : null });
      inside += 1;
      const result = originals[i]!.apply(this, args);
      const done = () => (inside -= 1);
      if (result instanceof Promise) {
        void result.then(done, done);
      } else {
        done();
      }
      return result;
    };
  });
  try {
    await fn();
  } finally {
    targets.forEach((target, i) => (target.query = originals[i]!));
  }
  return recorded;
}

/** Replays `statements` in order: on their PGlite instance, or through `pool` for PostgreSQL. */
function replayer(statements: RecordedStatement[], pool: pg.Pool | null): () => Promise<void> {
  return async () => {
    for (const s of statements) {
      if (s.pglite) {
        await (s.pglite.query as QueryMethod).apply(s.pglite, s.args);
      } else {
        // The same config object: a named (prepared) statement stays prepared on each connection.
        await (pool!.query as QueryMethod).apply(pool, s.args);
      }
    }
  };
}

async function sequential(op: () => Promise<void>, budgetMs: number) {
  const samples = latencySamples();
  const start = performance.now();
  let ops = 0;
  while (ops < MAX_OPS && performance.now() - start < budgetMs) {
    const t0 = performance.now();
    await op();
    samples.add((performance.now() - t0) * 1000);
    ops += 1;
  }
  return { ops, elapsedS: (performance.now() - start) / 1000, us: samples.summary() };
}

async function concurrent(
  op: () => Promise<void>,
  opts: { budgetMs: number; concurrency: number },
) {
  const start = performance.now();
  let ops = 0;
  const worker = async () => {
    while (ops < MAX_OPS && performance.now() - start < opts.budgetMs) {
      await op();
      ops += 1;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const elapsedS = (performance.now() - start) / 1000;
  return { concurrency: opts.concurrency, ops, elapsedS, opsPerS: ops / elapsedS };
}

/**
 * Replays the statements one request ran (recorded by `recordStatements`) directly on the
 * database, bypassing HTTP, Fastify and Drizzle: a warm-up, then `durationS` seconds one op at a
 * time, then `durationS` seconds with `concurrency` callers. For PostgreSQL a pool of
 * `concurrency` connections to `postgresUrl` is opened (as the server's). Every loop stops at
 * `MAX_OPS` or its time budget.
 */
export async function runRawSql(
  statements: RecordedStatement[],
  opts: { durationS: number; concurrency: number; postgresUrl: string | null },
): Promise<RawSqlResult> {
  if (statements.length === 0) {
    throw new Error('raw SQL: the request ran no statement (was it answered from a cache?)');
  }
  const pool = opts.postgresUrl
    ? new pg.Pool({ connectionString: opts.postgresUrl, max: opts.concurrency })
    : null;
  try {
    const op = replayer(statements, pool);
    for (let i = 0; i < WARMUP_OPS; i += 1) {
      await op();
    }
    const budgetMs = opts.durationS * 1000;
    return {
      statements: statements.map((s) => s.text.replace(/\s+/g, ' ').slice(0, 100)),
      sequential: await sequential(op, budgetMs),
      concurrent: await concurrent(op, { budgetMs, concurrency: opts.concurrency }),
    };
  } finally {
    await pool?.end();
  }
}
