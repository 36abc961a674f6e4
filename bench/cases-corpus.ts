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
  copySink,
  dropForBulkLoad,
  recreateAfterBulkLoad,
  generateCases,
  unnestSink,
  type BatchSink,
  type GenerateResult,
} from './cases-load.ts';
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
  const client = rt.database.kind === 'postgres' ? await scratchClient(rt) : null;
  try {
    return await rt.database.session(async (query) => {
      const sink = client ? copySink(client) : unnestSink(query);
      return load(query, sink, { ...opts, account, otherId: other.id, mainUsers, otherUsers });
    });
  } finally {
    await client?.end();
  }
}

/** Connects a plain pg client to the runtime's scratch database (same server and user). */
async function scratchClient(rt: BenchRuntime): Promise<pg.Client> {
  const [row] = await rt.database.query<{ db: string }>('select current_database() as db');
  const url = new URL(process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL);
  url.pathname = `/${row!.db}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query('set synchronous_commit = off');
  return client;
}

interface LoadPlan extends CorpusOptions {
  account: BenchAccount;
  otherId: string;
  mainUsers: string[];
  otherUsers: string[];
}

async function load(query: QueryFn, sink: BatchSink, opts: LoadPlan): Promise<Corpus> {
  const { account } = opts;
  const ddl = opts.keepIndexes ? [] : await dropForBulkLoad(query);
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
  const indexSeconds = opts.keepIndexes ? 0 : await recreateAfterBulkLoad(query, ddl);
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
    indexSeconds,
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
  const total = c.main.seconds + c.other.seconds;
  const cases = c.main.cases + c.other.cases;
  return [
    `main org:  ${rows(c.main)} in ${c.main.seconds.toFixed(1)} s (${rate(c.main)} cases/s)`,
    `other org: ${rows(c.other)} in ${c.other.seconds.toFixed(1)} s (${rate(c.other)} cases/s)`,
    `load: ${Math.round(cases / total).toLocaleString('en')} cases/s overall; secondary indexes ` +
      (keepIndexes
        ? 'and foreign keys present during the load'
        : `(trigram GIN included) and foreign keys dropped during the load and rebuilt in ` +
          `${c.indexSeconds.toFixed(1)} s ` +
          `(${Math.round(cases / (total + c.indexSeconds)).toLocaleString('en')} cases/s including the rebuild)`),
    `analyze: ${c.analyzeSeconds.toFixed(1)} s; distinct primary names in the main org: ` +
      `${c.distinctNames.toLocaleString('en')}`,
  ];
}
