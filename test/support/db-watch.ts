import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestRuntime } from './database.ts';

type Method = (this: unknown, ...args: unknown[]) => Promise<unknown>;

/**
 * How many statements reached the database (PGlite or pg) while `fn` ran: `query`, `exec` and
 * `transaction` of every client are counted. For tests that prove a request touches no table at
 * all; compare with a request that does, so the count is known to see the queries.
 */
export async function statementsDuring(fn: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const patched: { target: Record<string, Method>; name: string; original: Method }[] = [];
  const targets = [pg.Client.prototype, PGlite.prototype] as unknown as Record<string, Method>[];
  for (const target of targets) {
    for (const name of ['query', 'exec', 'transaction']) {
      const original = target[name];
      if (typeof original !== 'function') {
        continue;
      }
      patched.push({ target, name, original });
      target[name] = function (this: unknown, ...args: unknown[]) {
        count += 1;
        return original.apply(this, args);
      };
    }
  }
  try {
    await fn();
  } finally {
    for (const { target, name, original } of patched) {
      target[name] = original;
    }
  }
  return count;
}

/** The number of rows of every table of the schema, by table name. */
export async function rowCounts(rt: TestRuntime): Promise<Record<string, number>> {
  const tables = await rt.database.query<{ name: string }>(
    `select table_name as name from information_schema.tables
     where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await rt.database.query<{ n: number }>(
      `select count(*)::int as n from "${name.replace(/"/g, '""')}"`,
    );
    counts[name] = row!.n;
  }
  return counts;
}
