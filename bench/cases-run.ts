/**
 * `npm run bench:cases`: fuzzy name search and the case page on a synthetic load of 1,000,000
 * cases, through the HTTP API and as the same SQL replayed directly, in one run (STYLE.md,
 * "bench/"). See BENCHMARKS.md, "Cases: 1M-case search".
 */
import os from 'node:os';
import { parseArgs } from 'node:util';
import { describeLoad, loadCorpus } from './cases-corpus.ts';
import {
  FILTERS,
  measure,
  quantiles,
  record,
  sampleTargets,
  searchProbes,
  type Probe,
  type Timings,
} from './cases-measure.ts';
import { machineInfo } from './report.ts';
import { measureVariants, type Registered } from './cases-variants.ts';
import {
  createBenchRuntime,
  openKept,
  saveKept,
  type BenchAccount,
  type BenchRuntime,
} from './runtime.ts';
import { closeAll, loginCookie, startHomeward, type Listening } from './servers.ts';

const USAGE = `usage: npm run bench:cases -- [--cases <n>] [--queries <n>] [--db postgres|embedded]
  [--seed <n>] [--keep-indexes] [--keep <name> | --reuse <name>]

  --cases <n>      cases in the main organisation (default 1000000; a second organisation gets
                   10 % as many); at most 100000 with --db embedded
  --queries <n>    searches and case pages measured (default 200)
  --db <kind>      postgres (default: scratch database on BENCH_DATABASE_URL, default
                   postgres://postgres@127.0.0.1:5432/test, dropped afterwards) or embedded
  --keep-indexes   load with all indexes and foreign keys in place (slower load)
  --keep <name>    PostgreSQL: name the scratch database <name> (hw_bench_…) and keep it after
                   the run, with its state in the temporary folder, for --reuse
  --reuse <name>   measure on a database kept by --keep instead of loading one (--cases and
                   --seed are those of the kept load; drop it with bench/cases-drop.ts)`;

/** Targets from the issue. */
const SEARCH_P95_TARGET_MS = 150;
const API_OVER_RAW_TARGET = 1.5;

const state: { rt: BenchRuntime | null; servers: Listening[] } = { rt: null, servers: [] };

async function release(): Promise<void> {
  await closeAll(state.servers);
  state.servers = [];
  await state.rt?.dispose();
}

function options() {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '1000000' },
      queries: { type: 'string', default: '200' },
      db: { type: 'string', default: 'postgres' },
      seed: { type: 'string', default: '20261125' },
      'keep-indexes': { type: 'boolean', default: false },
      keep: { type: 'string' },
      reuse: { type: 'string' },
    },
  });
  const cases = Number(values.cases);
  const queries = Number(values.queries);
  const seed = Number(values.seed);
  const db = values.db;
  if (db !== 'postgres' && db !== 'embedded') {
    throw new Error(`--db must be postgres or embedded\n\n${USAGE}`);
  }
  if (![cases, queries, seed].every((n) => Number.isInteger(n) && n > 0)) {
    throw new Error(`--cases, --queries and --seed must be positive integers\n\n${USAGE}`);
  }
  if (db === 'embedded' && cases > 100_000) {
    throw new Error('--db embedded is limited to --cases 100000 (use postgres for more)');
  }
  if ((values.keep || values.reuse) && db !== 'postgres') {
    throw new Error('--keep and --reuse need --db postgres');
  }
  if (values.keep && values.reuse) {
    throw new Error('--keep and --reuse exclude each other');
  }
  return {
    cases,
    queries,
    seed,
    db,
    keepIndexes: values['keep-indexes'],
    keep: values.keep,
    reuse: values.reuse,
  } as const;
}

const ms = (v: number) => v.toFixed(1).padStart(8);

function row(label: string, values: number[]): string {
  const q = quantiles(values);
  return `  ${label.padEnd(44)}${ms(q.p50)}${ms(q.p95)}${ms(q.p99)}`;
}

function section(title: string, t: Timings, mainLabel: string): string[] {
  const api = quantiles(t.api);
  const main = quantiles(t.rawMain);
  const all = quantiles(t.rawAll);
  return [
    `${title} (${t.api.length} requests; ms)` +
      ' '.repeat(Math.max(1, 36 - title.length)) +
      '     p50     p95     p99',
    row('API (HTTP, sequential)', t.api),
    row(`raw SQL: ${mainLabel}`, t.rawMain),
    row('raw SQL: every read the request ran', t.rawReads),
    row('raw SQL: every statement (audit write incl.)', t.rawAll),
    `  API / every statement: p50 ${(api.p50 / all.p50).toFixed(2)}×, p95 ${(api.p95 / all.p95).toFixed(2)}× ` +
      `(target ≤ ${API_OVER_RAW_TARGET}×); API / ${mainLabel}: p50 ${(api.p50 / main.p50).toFixed(2)}×, ` +
      `p95 ${(api.p95 / main.p95).toFixed(2)}×`,
  ];
}

function byFilter(probes: Probe[], t: Timings): string[] {
  return FILTERS.map((f) => {
    const idx = probes.flatMap((p, i) => (p.label.startsWith(`${f}|`) ? [i] : []));
    const pick = (v: number[]) => idx.map((i) => v[i]!);
    const a = quantiles(pick(t.api));
    const r = quantiles(pick(t.rawMain));
    return `  filter ${f.padEnd(17)} n=${String(idx.length).padEnd(4)} API p50/p95 ${a.p50.toFixed(1)}/${a.p95.toFixed(1)} ms, raw search ${r.p50.toFixed(1)}/${r.p95.toFixed(1)} ms`;
  });
}

async function explain(rt: BenchRuntime, probe: Probe | undefined): Promise<string[]> {
  if (!probe?.main) {
    return [];
  }
  const plan = await rt.database.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${probe.main.text}`,
    probe.main.params,
  );
  return [
    `EXPLAIN ANALYZE of the slowest search (${probe.label}):`,
    ...plan.map((r) => `  ${r['QUERY PLAN']}`),
  ];
}

/** Builds name_terms from every identity in one statement, as the migration does. */
async function buildDictionary(rt: BenchRuntime): Promise<{ words: number; seconds: number }> {
  const t0 = performance.now();
  // Distinct words first: the variants are computed once per word, not once per occurrence.
  await rt.database.query(`insert into name_terms (organisation_id, term, variants, sound)
    select d.organisation_id, d.w, hw_term_variants(d.w), hw_name_sound(d.w) from (
      select distinct i.organisation_id, w from case_identities i, unnest(i.terms) w
      where w <> '' and left(w, 1) <> '@') d
    on conflict do nothing`);
  await rt.database.query('alter table case_identities enable trigger case_identities_name_terms');
  await rt.database.query('analyze name_terms');
  const [row] = await rt.database.query<{ n: number }>('select count(*)::int as n from name_terms');
  return { words: row?.n ?? 0, seconds: (performance.now() - t0) / 1000 };
}

/** What a kept database remembers of the load that built it. */
interface KeptLoad {
  cases: number;
  seed: number;
  loadLines: string[];
  registered?: Registered;
}

type Options = ReturnType<typeof options>;

/** Loads the corpus (and the name dictionary) into a new scratch database. */
async function freshLoad(opts: Options): Promise<{ account: BenchAccount; kept: KeptLoad }> {
  const rt = await createBenchRuntime(opts.db, { keepAs: opts.keep });
  state.rt = rt;
  if (!opts.keepIndexes) {
    // The name-word dictionary trigger fires per identity; a bulk load builds it in one pass.
    await rt.database.query(
      'alter table case_identities disable trigger case_identities_name_terms',
    );
  }
  const corpus = await loadCorpus(rt, {
    cases: opts.cases,
    seed: opts.seed,
    keepIndexes: opts.keepIndexes,
  });
  const dictionary = opts.keepIndexes ? null : await buildDictionary(rt);
  const loadLines = [
    ...describeLoad(corpus, opts.keepIndexes),
    ...(dictionary
      ? [
          `name dictionary (trigger off during the load): ${dictionary.words.toLocaleString('en')} ` +
            `words of both organisations built in ${dictionary.seconds.toFixed(1)} s after the load`,
        ]
      : []),
  ];
  const kept = { cases: opts.cases, seed: opts.seed, loadLines };
  if (opts.keep) {
    saveKept(rt, opts.keep, corpus.account, kept);
  }
  return { account: corpus.account, kept };
}

async function run(): Promise<string[]> {
  const opts = options();
  const started = new Date();
  const loadStart = os.loadavg();
  let loaded: { account: BenchAccount; kept: KeptLoad };
  if (opts.reuse) {
    const reopened = await openKept<KeptLoad>(opts.reuse);
    state.rt = reopened.rt;
    loaded = { account: reopened.state.account, kept: reopened.state.extra };
  } else {
    loaded = await freshLoad(opts);
  }
  const rt = state.rt!;
  const { account, kept } = loaded;
  const homeward = await startHomeward(rt);
  state.servers.push(homeward);
  const cookie = await loginCookie(homeward, account);
  const targets = await sampleTargets(rt.database, {
    organisationId: account.organisationId,
    cases: kept.cases,
    count: opts.queries,
    seed: kept.seed + 7,
  });
  process.stderr.write(`bench:cases: recording ${targets.length} searches and case pages\n`);
  const search = await record(searchProbes(targets, homeward.origin, kept.seed + 11), cookie);
  const pages = await record(
    targets.map((t) => ({
      label: 'page',
      url: `${homeward.origin}/api/cases/${t.id}`,
      caseId: t.id,
      name: '',
    })),
    cookie,
  );
  process.stderr.write('bench:cases: measuring\n');
  const s = await measure(rt.database, search, cookie);
  const p = await measure(rt.database, pages, cookie);
  // After the timed probes, so the labelled people do not change what they measure.
  const variants = await measureVariants(homeward, cookie, kept.registered);
  if (opts.keep || opts.reuse) {
    // The labelled people stay registered in a kept database: later runs search for them again.
    saveKept(rt, (opts.keep ?? opts.reuse)!, account, { ...kept, registered: variants.registered });
  }
  const slowest = search[s.rawMain.indexOf(Math.max(...s.rawMain))];
  const searchP95 = quantiles(s.api).p95;
  const ratio = searchP95 / quantiles(s.rawAll).p95;
  const pageRatio = quantiles(p.api).p95 / quantiles(p.rawAll).p95;
  const verdict = (r: number) =>
    `${r <= API_OVER_RAW_TARGET ? 'met' : 'NOT met'} (${r.toFixed(2)}×)`;
  const machine = machineInfo();
  return [
    `Homeward cases benchmark, ${started.toISOString()}`,
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.platform}`,
    `load average: start ${loadStart.map((l) => l.toFixed(1)).join(' ')}, end ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
    `database: ${rt.label}`,
    ...(opts.reuse ? ['(kept load, as it was built:)'] : []),
    ...kept.loadLines,
    '',
    ...section('Fuzzy name search', s, 'search statement'),
    ...byFilter(search, s),
    `  recall: intended case in the top 10 for ${s.hits}/${search.length} misspelt queries; ` +
      `a case with exactly the intended name in the top 10 for ${s.nameHits}/${search.length}`,
    '',
    ...variants.lines,
    '',
    ...section('Case page', p, 'findCaseDetail case row'),
    `  found: ${p.hits}/${pages.length}`,
    '',
    'Every API search and case read writes an audit row in its own transaction (begin, lock and',
    'chain head, insert, commit): "every statement" replays all of it on one connection, with a',
    'fresh id, seq and hash for the audit row, so API / every statement is what HTTP, auth,',
    'validation, Drizzle and serialisation add to the same SQL.',
    `Search p95 target ≤ ${SEARCH_P95_TARGET_MS} ms: ${searchP95 <= SEARCH_P95_TARGET_MS ? 'met' : 'NOT met'} (${searchP95.toFixed(1)} ms). ` +
      `API ≤ ${API_OVER_RAW_TARGET}× the same SQL at p95: search ${verdict(ratio)}, case page ${verdict(pageRatio)}.`,
    '',
    ...(await explain(rt, slowest)),
  ];
}

process.once('SIGINT', () => {
  console.error('bench:cases: interrupted, dropping the scratch database');
  void release().finally(() => process.exit(130));
});

run().then(
  async (lines) => {
    console.log(lines.join('\n'));
    await release();
    process.exit(0);
  },
  async (err: unknown) => {
    console.error('bench:cases failed:', err);
    await release();
    process.exit(1);
  },
);
