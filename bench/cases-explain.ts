/**
 * `node bin/run-ts.mjs bench/cases-explain.ts <kept name> [--queries <n>] [--top <n>] [--q <text>
 * [--nationality XXX] [--risk level]]`: on a database kept by `npm run bench:cases -- --keep`,
 * runs the benchmark's searches (the same seeded probes) through the search repository, times
 * each search statement as the database runs it (twice: cold, then warm), lists the slowest and
 * prints `EXPLAIN (ANALYZE, BUFFERS)` of the `--top` slowest. With `--q`, that one search only.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { displayName, latinKey, nameKey } from '@/domain/cases/case-names.ts';
import { searchCases, type CaseSearch } from '@/domain/cases/case-search.repository.ts';
import {
  capture,
  quantiles,
  sampleTargets,
  searchProbes,
  type Statement,
} from './cases-measure.ts';
import { openKept, type BenchRuntime } from './runtime.ts';

interface KeptLoad {
  cases: number;
  seed: number;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    queries: { type: 'string', default: '200' },
    top: { type: 'string', default: '3' },
    q: { type: 'string' },
    nationality: { type: 'string' },
    risk: { type: 'string' },
    /** Sort the list by buffers touched instead of time (time is noise on a busy machine). */
    'by-buffers': { type: 'boolean', default: false },
  },
});

interface Query {
  label: string;
  q: string;
  /** The case searched for and its listed name (recall: either in the top 10). */
  caseId?: string;
  name?: string;
  nationality?: string | undefined;
  risk?: string | undefined;
}

function searchOf(organisationId: string, query: Query): CaseSearch {
  const key = nameKey(query.q);
  return {
    organisationId,
    assignedTo: null,
    nameKey: key || undefined,
    latinKey: latinKey(key) || undefined,
    nationality: query.nationality,
    risk: query.risk,
    limit: 26,
  };
}

async function timeStatement(rt: BenchRuntime, s: Statement): Promise<number> {
  const t0 = performance.now();
  await rt.database.query(s.text, s.params);
  return performance.now() - t0;
}

/** Shared buffers (hit + read) a statement touches, from its EXPLAIN (ANALYZE, BUFFERS). */
async function buffersOf(rt: BenchRuntime, s: Statement): Promise<number> {
  const [plan] = await rt.database.query<{ 'QUERY PLAN': [{ Plan: Record<string, number> }] }>(
    `explain (analyze, buffers, format json) ${s.text}`,
    s.params,
  );
  const top = plan!['QUERY PLAN'][0].Plan;
  return (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0);
}

async function main(): Promise<void> {
  const name = positionals[0];
  if (!name) {
    throw new Error('usage: bench/cases-explain.ts <kept name> [--queries n] [--top n] [--q text]');
  }
  const { rt, state } = await openKept<KeptLoad>(name);
  try {
    const orgId = state.account.organisationId;
    let queries: Query[];
    if (values.q) {
      queries = [
        { label: 'given', q: values.q, nationality: values.nationality, risk: values.risk },
      ];
    } else {
      const targets = await sampleTargets(rt.database, {
        organisationId: orgId,
        cases: state.extra.cases,
        count: Number(values.queries),
        seed: state.extra.seed + 7,
      });
      queries = searchProbes(targets, 'http://x', state.extra.seed + 11).map((p) => {
        const u = new URL(p.url).searchParams;
        return {
          caseId: p.caseId,
          name: p.name,
          label: p.label,
          q: u.get('q') ?? '',
          nationality: u.get('nationality') ?? undefined,
          risk: u.get('risk') ?? undefined,
        };
      });
    }
    const results: {
      query: Query;
      statement: Statement;
      cold: number;
      warm: number;
      n: number;
      /** Shared buffers the statement touched (hit + read): its work, whatever the load. */
      buffers: number;
      /** Shared buffers of every read the search sent (a separate expansion statement too). */
      all: number;
      /** Planning time of the statement (ms). */
      planning: number;
    }[] = [];
    /** Search statements planned with a Gather (parallel workers). */
    let gathers = 0;
    let hits = 0;
    let nameHits = 0;
    for (const query of queries) {
      let rows = 0;
      const statements = await capture(async () => {
        const found = await searchCases(rt.database.db, searchOf(orgId, query));
        rows = found.length;
        const top = found.slice(0, 10);
        hits += top.some((r) => r.id === query.caseId) ? 1 : 0;
        nameHits += top.some(
          (r) => r.id === query.caseId || displayName(r.given, r.family, r.script) === query.name,
        )
          ? 1
          : 0;
      });
      const statement = statements.find((s) => s.text.includes('similarity('));
      if (!statement) {
        continue;
      }
      const cold = await timeStatement(rt, statement);
      const warm = await timeStatement(rt, statement);
      const [plan] = await rt.database.query<{
        'QUERY PLAN': [{ Plan: Record<string, number>; 'Planning Time': number }];
      }>(`explain (analyze, buffers, format json) ${statement.text}`, statement.params);
      gathers += JSON.stringify(plan).includes('"Gather') ? 1 : 0;
      const top = plan!['QUERY PLAN'][0].Plan;
      const buffers = (top['Shared Hit Blocks'] ?? 0) + (top['Shared Read Blocks'] ?? 0);
      const planning = plan!['QUERY PLAN'][0]['Planning Time'];
      const others = statements.filter(
        (s) => s !== statement && /^\s*(select|with)\b/i.test(s.text),
      );
      const before = await Promise.all(others.map((s) => buffersOf(rt, s)));
      const all = buffers + before.reduce((n, b) => n + b, 0);
      results.push({ query, statement, cold, warm, n: rows, buffers, all, planning });
    }
    const cold = quantiles(results.map((r) => r.cold));
    const warm = quantiles(results.map((r) => r.warm));
    console.log(
      `${results.length} searches; statement ms p50/p95/p99: ` +
        `first ${cold.p50.toFixed(1)}/${cold.p95.toFixed(1)}/${cold.p99.toFixed(1)}, ` +
        `again ${warm.p50.toFixed(1)}/${warm.p95.toFixed(1)}/${warm.p99.toFixed(1)}; ` +
        `intended case in the top 10: ${hits}, same name: ${nameHits}`,
    );
    const pl = quantiles(results.map((r) => r.planning));
    console.log(
      `planning ms p50/p95: ${pl.p50.toFixed(1)}/${pl.p95.toFixed(1)}; ` +
        `search statements planned in parallel (Gather): ${gathers}`,
    );
    const b = quantiles(results.map((r) => r.buffers));
    console.log(
      `buffers per statement p50/p95/p99: ${b.p50.toFixed(0)}/${b.p95.toFixed(0)}/${b.p99.toFixed(0)}, ` +
        `total ${results.reduce((n, r) => n + r.buffers, 0)}`,
    );
    const a = quantiles(results.map((r) => r.all));
    console.log(
      `buffers per search, every read statement: p50/p95/p99 ${a.p50.toFixed(0)}/${a.p95.toFixed(0)}/${a.p99.toFixed(0)}, ` +
        `total ${results.reduce((n, r) => n + r.all, 0)}`,
    );
    const slowest = [...results].sort((a, b) =>
      values['by-buffers'] ? b.all - a.all : b.warm - a.warm,
    );
    for (const r of slowest.slice(0, 15)) {
      const f = [r.query.nationality, r.query.risk].filter(Boolean).join('+') || 'none';
      console.log(
        `  ${r.warm.toFixed(1).padStart(7)} ms (first ${r.cold.toFixed(1).padStart(6)}, ${String(r.buffers).padStart(6)} buffers, ${String(r.all).padStart(6)} all)  ${r.query.label.padEnd(28)} ${f.padEnd(14)} "${r.query.q}" → ${r.n}`,
      );
    }
    for (const r of slowest.slice(0, Number(values.top))) {
      const plan = await rt.database.query<{ 'QUERY PLAN': string }>(
        `explain (analyze, buffers) ${r.statement.text}`,
        r.statement.params,
      );
      console.log(`\nEXPLAIN (ANALYZE, BUFFERS) of "${r.query.q}" (${r.query.label}):`);
      console.log(plan.map((p) => `  ${p['QUERY PLAN']}`).join('\n'));
    }
  } finally {
    await rt.dispose();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('cases-explain failed:', err);
    process.exit(1);
  },
);
