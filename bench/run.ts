/**
 * `npm run bench`: Homeward's HTTP stack against a bare Fastify route and the raw SQL behind
 * `/api/me`, in one process and one run (STYLE.md, "bench/"). See BENCHMARKS.md.
 */
import os from 'node:os';
import { parseBenchArgs, USAGE, UsageError, type BenchOptions } from './args.ts';
import { runLoads, stopActiveLoad, type LoadTarget } from './load.ts';
import { recordStatements, runRawSql } from './raw-sql.ts';
import {
  failedLoads,
  formatReport,
  machineInfo,
  ratios,
  writeJson,
  type BenchReport,
} from './report.ts';
import { createBenchRuntime, seedAccount, type BenchRuntime } from './runtime.ts';
import {
  closeAll,
  loginCookie,
  probe,
  startBareFastify,
  startHomeward,
  type Listening,
} from './servers.ts';

/** Seconds of discarded load before each measured run. */
const WARMUP_S = 2;

interface Resources {
  runtime: BenchRuntime | null;
  servers: Listening[];
}

const resources: Resources = { runtime: null, servers: [] };
let interrupted = false;

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function release(): Promise<void> {
  stopActiveLoad();
  await closeAll(resources.servers);
  resources.servers = [];
  await resources.runtime?.dispose();
}

async function auditRows(rt: BenchRuntime, organisationId: string): Promise<number> {
  const [row] = await rt.database.query<{ n: number }>(
    'select count(*)::int as n from audit_events where organisation_id = $1',
    [organisationId],
  );
  return row?.n ?? 0;
}

/** Seeds the account, starts both servers, logs in, and checks each target answers correctly. */
async function setUp(rt: BenchRuntime) {
  const account = await seedAccount(rt);
  const bare = await startBareFastify();
  resources.servers.push(bare);
  const homeward = await startHomeward(rt);
  resources.servers.push(homeward);
  const cookie = await loginCookie(homeward, account);
  await probe(`${bare.origin}/`, {}, (b) => (b as { hello?: string }).hello === 'world');
  await probe(`${homeward.origin}/healthz`, {}, (b) => (b as { status?: string }).status === 'ok');
  await probe(`${homeward.origin}/api/me`, { cookie }, (b) => {
    return (b as { user?: { email?: string } }).user?.email === account.email;
  });
  return { account, bare, homeward, cookie };
}

async function bench(opts: BenchOptions): Promise<BenchReport> {
  const loadAverageStart = os.loadavg();
  progress(`setting up the ${opts.db} database`);
  const rt = await createBenchRuntime(opts.db);
  resources.runtime = rt;
  const { account, bare, homeward, cookie } = await setUp(rt);
  const targets: LoadTarget[] = [
    { name: 'bare Fastify GET /', url: `${bare.origin}/` },
    { name: 'Homeward GET /healthz', url: `${homeward.origin}/healthz` },
    { name: 'Homeward GET /api/me', url: `${homeward.origin}/api/me`, headers: { cookie } },
  ];
  // Recorded before the loads: requests still in flight when a load stops would be counted too.
  const statements = await recordStatements(() =>
    probe(`${homeward.origin}/api/me`, { cookie }, () => true),
  );
  const auditBefore = await auditRows(rt, account.organisationId);
  const [bareResult, healthz, me] = await runLoads(
    targets,
    {
      durationS: opts.duration,
      warmupS: Math.min(WARMUP_S, opts.duration),
      connections: opts.connections,
    },
    progress,
  );
  const auditRowsDuringLoad = (await auditRows(rt, account.organisationId)) - auditBefore;
  progress('raw SQL baseline: the statements one GET /api/me ran, replayed');
  const rawSql = await runRawSql(statements, {
    durationS: opts.duration,
    concurrency: opts.connections,
    postgresUrl: rt.postgresUrl,
  });
  const http = { bare: bareResult!, healthz: healthz!, me: me! };
  return {
    date: new Date().toISOString(),
    machine: machineInfo(),
    loadAverage: { start: loadAverageStart, end: os.loadavg() },
    database: rt.label,
    durationS: opts.duration,
    connections: opts.connections,
    http,
    rawSql,
    auditRowsDuringLoad,
    ratios: ratios(http, rawSql),
    failures: failedLoads([http.bare, http.healthz, http.me]),
  };
}

function printFailures(failures: string[]): void {
  const bar = '!'.repeat(72);
  console.error(`\n${bar}\nBENCHMARK FAILED: requests did not all succeed\n`);
  for (const failure of failures) {
    console.error(`  ${failure}`);
  }
  console.error(`${bar}\n`);
}

/** A hard stop in case something hangs: the loads and loops are bounded, so this never fires. */
function watchdog(opts: BenchOptions): NodeJS.Timeout {
  const budgetS = 3 * (WARMUP_S + opts.duration) + 2 * opts.duration + 300;
  const timer = setTimeout(() => {
    console.error(`bench: still running after ${budgetS} s, giving up`);
    void release().finally(() => process.exit(1));
  }, budgetS * 1000);
  timer.unref();
  return timer;
}

async function main(): Promise<number> {
  let opts: BenchOptions;
  try {
    opts = parseBenchArgs(process.argv.slice(2));
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`);
      return 2;
    }
    throw err;
  }
  process.once('SIGINT', () => {
    interrupted = true;
    console.error('bench: interrupted, cleaning up');
    void release().finally(() => process.exit(130));
  });
  const timer = watchdog(opts);
  try {
    const report = await bench(opts);
    console.log(formatReport(report));
    if (opts.json) {
      await writeJson(opts.json, report);
      console.log(`results written to ${opts.json}`);
    }
    if (report.failures.length > 0) {
      printFailures(report.failures);
      return 1;
    }
    return 0;
  } finally {
    clearTimeout(timer);
    await release();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (interrupted) {
      return; // the SIGINT handler is cleaning up and exits with 130
    }
    console.error('bench failed:', err);
    void release().finally(() => process.exit(1));
  },
);
