/**
 * The synthetic case load of the 1M-case search benchmark: an organisation with `cases` cases and
 * a second organisation with 10 % as many (so organisation scoping is exercised), five users
 * holding the cases, then ANALYZE. Deterministic for a given seed (bench/cases-synth.ts).
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createOrganisation, createUser } from '@/domain/auth/index.ts';
import { systemCtx } from '@/lib/system-actor.ts';
import pg from 'pg';
import type { QueryFn } from '@/db/client.ts';
import {
  checkColumnTypes,
  generateCases,
  parallelCopySink,
  serialCopySink,
  unnestSink,
  type BatchSink,
  type GenerateResult,
} from './cases-load.ts';
import {
  dropForBulkLoad,
  recreateAfterBulkLoad,
  type RebuildPlan,
  type RebuildTimes,
} from './cases-rebuild.ts';
import {
  DEFAULT_POSTGRES_URL,
  seedAccount,
  type BenchAccount,
  type BenchRuntime,
} from './runtime.ts';

export interface CorpusOptions {
  cases: number;
  seed: number;
  /** Keep indexes and foreign keys during the load instead of rebuilding them afterwards. */
  keepIndexes: boolean;
}

export interface Corpus {
  account: BenchAccount;
  otherOrganisationId: string;
  main: GenerateResult;
  other: GenerateResult;
  /** Seconds to rebuild indexes and foreign keys after the load (0 with keepIndexes). */
  indexSeconds: number;
  /** The rebuild by phase (null with keepIndexes). */
  rebuild: RebuildTimes | null;
  analyzeSeconds: number;
  /** Distinct primary-script name keys in the main organisation (name diversity). */
  distinctNames: number;
}

const hex = (bytes: number) => randomBytes(bytes).toString('hex');

async function addUsers(rt: BenchRuntime, organisationId: string, count: number) {
  const deps = { db: rt.database.db, cipher: rt.cipher };
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await createUser(systemCtx(deps, organisationId), {
      email: `bench-worker-${hex(4)}@bench.homeward.example`,
      displayName: `Bench Caseworker ${i + 1}`,
      role: i === 0 ? 'supervisor' : 'caseworker',
      password: `bench-${hex(8)}-${hex(8)}`,
    });
    ids.push(created.user.id);
  }
  return ids;
}

/** Seeds both organisations and their users, loads the cases, rebuilds indexes, analyzes. */
export async function loadCorpus(rt: BenchRuntime, opts: CorpusOptions): Promise<Corpus> {
  const account = await seedAccount(rt);
  const deps = { db: rt.database.db, cipher: rt.cipher };
  const other = await createOrganisation(systemCtx(deps), {
    name: `Bench Other Org ${hex(4)}`,
    country: 'KHM',
    type: 'cso',
  });
  const mainUsers = [account.userId, ...(await addUsers(rt, account.organisationId, 4))];
  const otherUsers = await addUsers(rt, other.id, 2);
  const clients = rt.database.kind === 'postgres' ? await scratchClients(rt, LOAD_CLIENTS) : [];
  try {
    return await rt.database.session(async (query) => {
      const plan = { ...opts, account, otherId: other.id, mainUsers, otherUsers };
      if (clients.length === 0) {
        return load(query, { sink: unnestSink(query), rebuildClients: null }, plan);
      }
      await checkColumnTypes(query);
      // With foreign keys in place each batch must commit parents first: one serial client.
      const sink = opts.keepIndexes ? serialCopySink(clients[0]!) : parallelCopySink(clients);
      return load(query, { sink, rebuildClients: clients.slice(0, REBUILD_CLIENTS) }, plan);
    });
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** One connection per loaded table; the rebuild uses the first few. */
const LOAD_CLIENTS = 4;
const REBUILD_CLIENTS = 3;

/** Plain pg clients on the runtime's scratch database (same server and user). */
async function scratchClients(rt: BenchRuntime, count: number): Promise<pg.Client[]> {
  const [row] = await rt.database.query<{ db: string }>('select current_database() as db');
  const url = new URL(process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL);
  url.pathname = `/${row!.db}`;
  const clients: pg.Client[] = [];
  for (let i = 0; i < count; i += 1) {
    const client = new pg.Client({ connectionString: url.toString() });
    clients.push(client);
    await client.connect();
    // Commits need not wait for the WAL flush (a crash loses the scratch load, nothing else).
    await client.query('set synchronous_commit = off');
  }
  return clients;
}

interface LoadPlan extends CorpusOptions {
  account: BenchAccount;
  otherId: string;
  mainUsers: string[];
  otherUsers: string[];
}

interface Writers {
  sink: BatchSink;
  /** Connections for the rebuild, several statements at a time; null: one at a time on `query`. */
  rebuildClients: pg.ClientBase[] | null;
}

function rebuild(query: QueryFn, w: Writers, plan: RebuildPlan): Promise<RebuildTimes> {
  const runners = w.rebuildClients?.map((c) => (sql: string) => c.query(sql)) ?? [
    (sql: string) => query(sql),
  ];
  return recreateAfterBulkLoad(runners, plan);
}

async function load(query: QueryFn, w: Writers, opts: LoadPlan): Promise<Corpus> {
  const { account } = opts;
  const sink = w.sink;
  const plan = opts.keepIndexes ? null : await dropForBulkLoad(query);
  const main = await generateCases(sink, {
    cases: opts.cases,
    organisationId: account.organisationId,
    userIds: opts.mainUsers,
    seed: opts.seed,
    numberPrefix: 'HW',
    label: 'main org ',
  });
  const second = await generateCases(sink, {
    cases: Math.max(1, Math.round(opts.cases / 10)),
    organisationId: opts.otherId,
    userIds: opts.otherUsers,
    seed: opts.seed + 1,
    numberPrefix: 'OT',
    label: 'other org',
  });
  const rebuilt = plan ? await rebuild(query, w, plan) : null;
  const t0 = performance.now();
  await query('analyze');
  const analyzeSeconds = (performance.now() - t0) / 1000;
  const [row] = await query<{ n: number }>(
    `select count(distinct name_key)::int as n from case_identities
      where organisation_id = $1 and kind = 'primary'`,
    [account.organisationId],
  );
  return {
    account,
    otherOrganisationId: opts.otherId,
    main,
    other: second,
    indexSeconds: rebuilt?.total ?? 0,
    rebuild: rebuilt,
    analyzeSeconds,
    distinctNames: row?.n ?? 0,
  };
}

/** Human-readable summary of a load (also part of the benchmark report). */
export function describeLoad(c: Corpus, keepIndexes: boolean): string[] {
  const rows = (r: GenerateResult) =>
    `${r.cases.toLocaleString('en')} cases, ${r.identities.toLocaleString('en')} identities, ` +
    `${r.events.toLocaleString('en')} events, ${r.assignments.toLocaleString('en')} assignments`;
  const rate = (r: GenerateResult) => `${Math.round(r.cases / r.seconds).toLocaleString('en')}`;
  const cpu = (r: GenerateResult) => ((r.clientCpuSeconds / r.cases) * 1e6).toFixed(0);
  const total = c.main.seconds + c.other.seconds;
  const cases = c.main.cases + c.other.cases;
  const line = (r: GenerateResult) =>
    `${rows(r)} in ${r.seconds.toFixed(1)} s (${rate(r)} cases/s; client CPU ${cpu(r)} µs/case)`;
  return [
    `main org:  ${line(c.main)}`,
    `other org: ${line(c.other)}`,
    `load: ${Math.round(cases / total).toLocaleString('en')} cases/s overall; ` +
      (keepIndexes || !c.rebuild
        ? 'indexes and foreign keys present during the load'
        : `indexes (primary keys and trigram GIN included) and foreign keys dropped during the ` +
          `load and rebuilt in ${c.indexSeconds.toFixed(1)} s (indexes ${c.rebuild.indexes.toFixed(1)} s, ` +
          `keys attached ${c.rebuild.keys.toFixed(1)} s, foreign keys validated ${c.rebuild.foreign.toFixed(1)} s): ` +
          `${Math.round(cases / (total + c.indexSeconds)).toLocaleString('en')} cases/s including the rebuild`),
    `analyze: ${c.analyzeSeconds.toFixed(1)} s; distinct primary names in the main org: ` +
      `${c.distinctNames.toLocaleString('en')}`,
  ];
}
