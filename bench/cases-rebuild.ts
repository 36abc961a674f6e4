/**
 * The usual bulk-load technique for the cases benchmark: drop the indexes (primary keys
 * included) and foreign keys of the loaded tables before the load, and recreate them afterwards
 * from the catalogue (so they are exactly what the migrations created), several statements at a
 * time on separate connections.
 */
import { performance } from 'node:perf_hooks';
import type { QueryFn } from '@/db/client.ts';

const LOADED_TABLES = ['cases', 'case_identities', 'case_events', 'case_assignments'];

/** What `dropForBulkLoad` dropped, in the catalogue's own words. */
export interface RebuildPlan {
  /** `CREATE [UNIQUE] INDEX …` for every index, those behind primary keys and unique constraints too. */
  indexes: { table: string; ddl: string; gin: boolean }[];
  /** Primary keys and unique constraints, attached to their rebuilt index (same name). */
  keys: { table: string; name: string; kind: 'PRIMARY KEY' | 'UNIQUE' }[];
  /** Foreign keys on the loaded tables or referencing them. */
  foreign: { table: string; name: string; def: string }[];
}

/** How long each phase of the rebuild took, in seconds. */
export interface RebuildTimes {
  indexes: number;
  keys: number;
  foreign: number;
  total: number;
}

/** Drops the foreign keys, then the constraints and indexes; returns how to rebuild them. */
export async function dropForBulkLoad(query: QueryFn): Promise<RebuildPlan> {
  const indexes = await query<{ table: string; name: string; ddl: string; gin: boolean }>(
    `select i.indrelid::regclass::text as table, i.indexrelid::regclass::text as name,
        pg_get_indexdef(i.indexrelid) as ddl, am.amname = 'gin' as gin
      from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am am on am.oid = c.relam
      where i.indrelid = any($1::regclass[])
        and not exists (select 1 from pg_constraint k
          where k.conindid = i.indexrelid and k.contype = 'x')`,
    [LOADED_TABLES],
  );
  const constraints = await query<{ table: string; name: string; def: string; contype: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def,
        contype from pg_constraint
      where contype in ('f', 'p', 'u')
        and (conrelid = any($1::regclass[]) or (contype = 'f' and confrelid = any($1::regclass[])))`,
    [LOADED_TABLES],
  );
  const foreign = constraints.filter((c) => c.contype === 'f');
  const keys = constraints.filter((c) => c.contype !== 'f');
  for (const c of [...foreign, ...keys]) {
    await query(`alter table ${c.table} drop constraint ${c.name}`);
  }
  const named = new Set(keys.map((k) => k.name));
  for (const i of indexes.filter((i) => !named.has(i.name))) {
    await query(`drop index ${i.name}`);
  }
  return {
    indexes: indexes.map(({ table, ddl, gin }) => ({ table, ddl, gin })),
    keys: keys.map((k) => ({
      table: k.table,
      name: k.name,
      kind: k.contype === 'p' ? 'PRIMARY KEY' : 'UNIQUE',
    })),
    foreign: foreign.map(({ table, name, def }) => ({ table, name, def })),
  };
}

/** Rows per case of each loaded table: the larger the table, the longer its index builds. */
const ROWS_PER_CASE: Record<string, number> = {
  case_events: 4,
  case_identities: 1.65,
  case_assignments: 1.16,
  cases: 1,
};

/** Longest first keeps the connections busy until the end: trigram GIN, then by table size. */
function cost(index: { table: string; gin: boolean }): number {
  return (index.gin ? 10 : 1) * (ROWS_PER_CASE[index.table] ?? 0);
}

/** Runs one SQL statement on a connection of its own. */
export type Run = (sql: string) => Promise<unknown>;

/** Runs `statements` on `runners`, each taking the next statement when it is free. */
async function runPool(runners: Run[], statements: string[]): Promise<void> {
  let next = 0;
  await Promise.all(
    runners.map(async (run) => {
      while (next < statements.length) {
        await run(statements[next++]!);
      }
    }),
  );
}

/**
 * Recreates what `dropForBulkLoad` dropped: (1) every index, longest first (trigram GIN), in
 * parallel; (2) primary keys and unique constraints `USING INDEX` (no second build); (3)
 * foreign keys `NOT VALID`, then `VALIDATE CONSTRAINT` in parallel (the same check as adding
 * them, with locks that let checks of different tables run together). The end state is the
 * catalogue's: same names, definitions, and validated constraints.
 */
export async function recreateAfterBulkLoad(
  runners: Run[],
  plan: RebuildPlan,
): Promise<RebuildTimes> {
  const t0 = performance.now();
  for (const run of runners) {
    await run(`set maintenance_work_mem = '512MB'`);
    // The connections already build several indexes at once; parallel workers on top only add
    // the cost of splitting and merging sorts (about 30 % more CPU on 2 cores, and slower).
    await run('set max_parallel_maintenance_workers = 0');
  }
  const indexes = [...plan.indexes].sort((a, b) => cost(b) - cost(a));
  await runPool(
    runners,
    indexes.map((i) => i.ddl),
  );
  const t1 = performance.now();
  const first = runners[0]!;
  for (const k of plan.keys) {
    await first(`alter table ${k.table} add constraint ${k.name} ${k.kind} using index ${k.name}`);
  }
  const t2 = performance.now();
  for (const f of plan.foreign) {
    await first(`alter table ${f.table} add constraint ${f.name} ${f.def} not valid`);
  }
  await runPool(
    runners,
    plan.foreign.map((f) => `alter table ${f.table} validate constraint ${f.name}`),
  );
  for (const run of runners) {
    await run('reset maintenance_work_mem');
    await run('reset max_parallel_maintenance_workers');
  }
  const t3 = performance.now();
  const s = (a: number, b: number) => (b - a) / 1000;
  return { indexes: s(t0, t1), keys: s(t1, t2), foreign: s(t2, t3), total: s(t0, t3) };
}
