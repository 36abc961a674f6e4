/**
 * `npm run bench:memory`: resident memory of the Homeward server (idle after the demo seed,
 * idle with 10,000 more cases, and under HTTP load) on the embedded database and on PostgreSQL,
 * beside a bare PGlite with pg_trgm measured the same way in the same run. See BENCHMARKS.md,
 * "Memory".
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '@/db/client.ts';
import { generateCases, unnestSink } from './cases-load.ts';
import {
  freePort,
  readHeap,
  readRss,
  sampleIdle,
  scratchDir,
  startMeasured,
  stop,
  waitForHttp,
  waitForLine,
  type Measured,
} from './memory-process.ts';
import { formatMemoryReport, type MemoryRow } from './memory-report.ts';
import { DEFAULT_POSTGRES_URL } from './runtime.ts';

const USAGE = `usage: npm run bench:memory -- [--db both|embedded|postgres] [--cases <n>] [--load <s>] [--settle <s>]`;
const HOMEWARD = new URL('../bin/homeward.mjs', import.meta.url).pathname;
const FROM_SOURCE = [
  new URL('../bin/run-ts.mjs', import.meta.url).pathname,
  new URL('../src/cli/homeward.ts', import.meta.url).pathname,
];
const FLOOR = new URL('./memory-floor.mjs', import.meta.url).pathname;
const DEMO_ADMIN = { email: 'admin@demo.homeward.example', password: 'demo-homeward-2026' };

function options() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: 'both' },
      cases: { type: 'string', default: '10000' },
      load: { type: 'string', default: '20' },
      settle: { type: 'string', default: '5' },
    },
  });
  const [cases, loadS, settleS] = [values.cases, values.load, values.settle].map(Number) as [
    number,
    number,
    number,
  ];
  if (
    !['both', 'embedded', 'postgres'].includes(values.db) ||
    ![cases, loadS, settleS].every((n) => Number.isInteger(n) && n > 0)
  ) {
    throw new Error(USAGE);
  }
  return { db: values.db, cases, loadS, settleS };
}
type Options = ReturnType<typeof options>;

const progress = (message: string) => process.stderr.write(`bench:memory: ${message}\n`);

async function login(origin: string): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_ADMIN),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('hw_session='));
  if (res.status !== 200 || !cookie) {
    throw new Error(`demo login failed: ${res.status} ${await res.text()}`);
  }
  return cookie;
}

/** 10 connections for `seconds`: the signed-in user, the case list, searches, a case page. */
async function underLoad(
  m: Measured,
  origin: string,
  seconds: number,
): Promise<{ peak: number; rps: number }> {
  const cookie = await login(origin);
  const list = (await (
    await fetch(`${origin}/api/cases?limit=25`, { headers: { cookie } })
  ).json()) as { items: { id: string }[] };
  const paths = [
    '/api/me',
    '/api/cases?limit=25',
    '/api/cases?q=somchai&limit=25',
    '/api/cases?q=nguyen%20van&limit=25',
    `/api/cases/${list.items[0]!.id}`,
  ];
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, readRss(m.pid).rss)), 250);
  try {
    const result = await autocannon({
      url: origin,
      connections: 10,
      duration: seconds,
      headers: { cookie },
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    if (result.non2xx > 0 || result.errors > 0) {
      throw new Error(`load failed: ${result.non2xx} non-2xx, ${result.errors} errors`);
    }
    return { peak, rps: result.requests.average };
  } finally {
    clearInterval(timer);
  }
}

/** The bare PGlite floor: fresh data folder, pg_trgm, one query, idle. */
async function floor(opts: Options, label: string, nodeArgs: string[] = []): Promise<MemoryRow> {
  const dir = scratchDir('hw-mem-floor-');
  const m = startMeasured([...nodeArgs, FLOOR, `${dir.path}/pgdata`], {}, dir.path);
  try {
    await waitForLine(m, 'ready');
    return { label, ...(await sampleIdle(m, opts.settleS)) };
  } finally {
    await stop(m);
    dir.rm();
  }
}

interface Target {
  kind: 'embedded' | 'postgres';
  env: Record<string, string>;
  /** Opens the database from this process (the server is stopped for embedded). */
  url?: string;
  dataDir: string;
}

/** Starts the server, waits for /healthz, measures idle. */
async function serve(
  t: Target,
  opts: Options,
  run: { command: string; label: string; entry?: string[] },
) {
  const port = await freePort();
  const { command, label, entry = [HOMEWARD] } = run;
  const m = startMeasured(
    [...entry, command],
    { ...t.env, PORT: String(port), HOST: '127.0.0.1' },
    t.dataDir,
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitForHttp(m, `${origin}/healthz`);
  const idle = await sampleIdle(m, opts.settleS);
  return { m, origin, row: { label, ...idle } as MemoryRow };
}

async function loaded(
  m: Measured,
  origin: string,
  opts: Options,
  label: string,
): Promise<MemoryRow> {
  const { peak, rps } = await underLoad(m, origin, opts.loadS);
  await sleep(1000);
  return { label, rss: readRss(m.pid), heap: await readHeap(m), peak, rps };
}

/** Adds `cases` synthetic cases to the demo organisation (bench/cases-load.ts generator). */
async function addCases(t: Target, cases: number): Promise<void> {
  const database = await openDatabase(t.url ? { url: t.url, poolSize: 1 } : { dataDir: t.dataDir });
  try {
    const [org] = await database.query<{ id: string }>(
      `select id from organisations where name like 'Demo Mae Sot%' limit 1`,
    );
    const users = await database.query<{ user_id: string }>(
      'select user_id from memberships where organisation_id = $1',
      [org!.id],
    );
    await database.session((query) =>
      generateCases(unnestSink(query), {
        cases,
        organisationId: org!.id,
        userIds: users.map((u) => u.user_id),
        seed: 20261203,
        numberPrefix: 'MEM',
        label: 'memory  ',
      }),
    );
    await database.query('analyze');
  } finally {
    await database.close();
  }
}

async function measureTarget(t: Target, opts: Options, rows: MemoryRow[]): Promise<void> {
  const name = t.kind === 'embedded' ? 'embedded' : 'postgres';
  progress(`${name}: demo seed, idle`);
  let s = await serve(t, opts, {
    command: t.kind === 'embedded' ? 'start' : 'serve',
    label: `${name}: idle after demo seed`,
  });
  rows.push(s.row);
  progress(`${name}: under load`);
  rows.push(await loaded(s.m, s.origin, opts, `${name}: demo, under load`));
  await stop(s.m);
  if (t.kind === 'postgres') {
    progress('postgres: idle, running the source through tsx');
    const src = await serve(t, opts, {
      command: 'serve',
      label: 'postgres: idle, source through tsx',
      entry: FROM_SOURCE,
    });
    rows.push(src.row);
    await stop(src.m);
  }
  progress(`${name}: adding ${opts.cases} cases`);
  await addCases(t, opts.cases);
  s = await serve(t, opts, {
    command: 'serve',
    label: `${name}: idle, +${opts.cases} cases (restarted)`,
  });
  rows.push(s.row);
  progress(`${name}: +${opts.cases} cases, under load`);
  rows.push(await loaded(s.m, s.origin, opts, `${name}: +${opts.cases} cases, under load`));
  await stop(s.m);
}

async function embedded(opts: Options, rows: MemoryRow[]): Promise<void> {
  const dir = scratchDir('hw-mem-embedded-');
  try {
    await measureTarget(
      {
        kind: 'embedded',
        env: { HOMEWARD_DATA_DIR: dir.path, LOG_LEVEL: 'warn' },
        dataDir: dir.path,
      },
      opts,
      rows,
    );
  } finally {
    dir.rm();
  }
}

async function postgres(opts: Options, rows: MemoryRow[]): Promise<void> {
  const admin = process.env.BENCH_DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const name = `hw_bench_mem_${randomBytes(6).toString('hex')}`;
  const adminQuery = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const dir = scratchDir('hw-mem-pg-');
  // The name is generated here (hex only), so interpolating it into DDL is safe.
  await adminQuery(`create database "${name}"`);
  try {
    const env = {
      DATABASE_URL: url.toString(),
      HOMEWARD_DATA_DIR: dir.path,
      HOMEWARD_MASTER_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
    };
    const seed = startMeasured([HOMEWARD, 'seed-demo', '--force-demo'], env, dir.path);
    const code = await new Promise((resolve) => seed.child.once('exit', resolve));
    if (code !== 0) {
      throw new Error(`seed-demo failed: ${seed.stderr.join('')}`);
    }
    await measureTarget(
      { kind: 'postgres', env, url: url.toString(), dataDir: dir.path },
      opts,
      rows,
    );
  } finally {
    dir.rm();
    await adminQuery(`drop database if exists "${name}" with (force)`);
  }
}

async function main(): Promise<void> {
  const opts = options();
  const rows: MemoryRow[] = [];
  if (opts.db !== 'postgres') {
    progress('bare PGlite floor');
    rows.push(await floor(opts, 'bare PGlite + pg_trgm, one query'));
    rows.push(await floor(opts, 'bare PGlite, node --liftoff-only', ['--liftoff-only']));
    await embedded(opts, rows);
    progress('bare PGlite floor again');
    rows.push(await floor(opts, 'bare PGlite + pg_trgm, again'));
  }
  if (opts.db !== 'embedded') {
    await postgres(opts, rows);
  }
  console.log(formatMemoryReport(rows, opts));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('bench:memory failed:', err);
    process.exit(1);
  },
);
