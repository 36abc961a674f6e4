/**
 * `node bin/run-ts.mjs bench/cases-generate.ts [--cases N] [--db postgres|embedded] [--seed S]
 * [--keep-indexes] [--keep]`: loads the synthetic cases of bench/cases-corpus.ts into a scratch
 * database and reports the load rates. `--keep` leaves the database in place (for EXPLAIN
 * sessions; its name is printed); otherwise it is dropped, also on Ctrl+C.
 */
import { parseArgs } from 'node:util';
import { describeLoad, loadCorpus } from './cases-corpus.ts';
import { createBenchRuntime, type BenchRuntime } from './runtime.ts';

/**
 * Disables the enabled user triggers of the loaded tables (the name dictionary's, maintained per
 * identity) for the load, as `npm run bench:cases` does; returns how to enable them again. What
 * they maintain is not rebuilt here (bench/cases-run.ts does that).
 */
async function disableTriggers(
  rt: BenchRuntime,
): Promise<{ names: string[]; enable: () => Promise<void> }> {
  const triggers = await rt.database.query<{ tbl: string; name: string }>(
    `select tgrelid::regclass::text as tbl, tgname as name from pg_trigger
      where not tgisinternal and tgenabled <> 'D'
        and tgrelid = any(array['cases', 'case_identities', 'case_events', 'case_assignments']::regclass[])`,
  );
  for (const t of triggers) {
    await rt.database.query(`alter table ${t.tbl} disable trigger ${t.name}`);
  }
  return {
    names: triggers.map((t) => `${t.tbl}.${t.name}`),
    enable: async () => {
      for (const t of triggers) {
        await rt.database.query(`alter table ${t.tbl} enable trigger ${t.name}`);
      }
    },
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      db: { type: 'string', default: 'postgres' },
      seed: { type: 'string', default: '20261125' },
      'keep-indexes': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
    },
  });
  const cases = Number(values.cases);
  const db = values.db === 'embedded' ? 'embedded' : 'postgres';
  if (!Number.isInteger(cases) || cases < 1 || (db === 'embedded' && cases > 100_000)) {
    throw new Error('--cases must be a positive integer (at most 100000 with --db embedded)');
  }
  const rt = await createBenchRuntime(db);
  process.once('SIGINT', () => void rt.dispose().finally(() => process.exit(130)));
  try {
    const keepIndexes = values['keep-indexes'];
    const triggers = keepIndexes ? null : await disableTriggers(rt);
    const corpus = await loadCorpus(rt, { cases, seed: Number(values.seed), keepIndexes });
    await triggers?.enable();
    const note = triggers?.names.length
      ? [`triggers off during the load, not backfilled: ${triggers.names.join(', ')}`]
      : [];
    console.log(
      [`database: ${rt.label}`, ...describeLoad(corpus, keepIndexes), ...note].join('\n'),
    );
  } finally {
    if (values.keep) {
      console.log(`kept ${rt.label}`);
      await rt.database.close();
    } else {
      await rt.dispose();
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('cases-generate failed:', err);
    process.exit(1);
  },
);
