/**
 * `node bin/run-ts.mjs bench/memory-kept.ts <kept name> [--load <s>] [--settle <s>]`: resident
 * memory of the Homeward server on a database kept by `npm run bench:cases -- --keep <name>`
 * (1M cases): idle after start-up, then the peak under HTTP load of name searches (with and
 * without filters), the case list and case pages, 10 connections. See BENCHMARKS.md, "Memory".
 */
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import {
  freePort,
  readRss,
  sampleIdle,
  scratchDir,
  startMeasured,
  stop,
  waitForHttp,
  type Measured,
} from './memory-process.ts';
import { openKept, type BenchAccount } from './runtime.ts';

const HOMEWARD = new URL('../bin/homeward.mjs', import.meta.url).pathname;
const SEARCHES = [
  'somchai jaidee',
  'nguyen van minh',
  'aung tun',
  'thi lan tran&nationality=VNM&risk=low',
  'rahman&nationality=BGD',
  'min lin',
  'sophea sok&nationality=KHM&risk=high',
  'mohammed hossain',
];

async function login(origin: string, account: BenchAccount): Promise<string> {
  const res = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!res.ok) {
    throw new Error(`login failed: ${res.status} ${await res.text()}`);
  }
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function underLoad(m: Measured, origin: string, account: BenchAccount, seconds: number) {
  const cookie = await login(origin, account);
  const list = (await (
    await fetch(`${origin}/api/cases?limit=25`, { headers: { cookie } })
  ).json()) as { items: { id: string }[] };
  const paths = [
    ...SEARCHES.map((q) => `/api/cases?q=${q.replace(/ /g, '%20')}&limit=25`),
    '/api/cases?limit=25',
    ...list.items.slice(0, 5).map((i) => `/api/cases/${i.id}`),
  ];
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, readRss(m.pid).rss)), 250);
  try {
    const r = await autocannon({
      url: origin,
      connections: 10,
      duration: seconds,
      headers: { cookie },
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    if (r.non2xx > 0 || r.errors > 0) {
      throw new Error(`load failed: ${r.non2xx} non-2xx, ${r.errors} errors`);
    }
    return { peak, rps: r.requests.average, p50: r.latency.p50, p97: r.latency.p97_5 };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { load: { type: 'string', default: '30' }, settle: { type: 'string', default: '10' } },
  });
  const name = positionals[0];
  if (!name) {
    throw new Error('usage: bench/memory-kept.ts <kept name> [--load s] [--settle s]');
  }
  const { rt, state } = await openKept<unknown>(name);
  const url = rt.postgresUrl!;
  await rt.dispose();
  const dir = scratchDir('hw-mem-kept-');
  const port = await freePort();
  const env = {
    DATABASE_URL: url,
    HOMEWARD_DATA_DIR: dir.path,
    HOMEWARD_MASTER_KEY: state.masterKey,
  };
  const m = startMeasured(
    [HOMEWARD, 'serve'],
    { ...env, LOG_LEVEL: 'warn', PORT: String(port), HOST: '127.0.0.1' },
    dir.path,
  );
  try {
    const origin = `http://127.0.0.1:${port}`;
    await waitForHttp(m, `${origin}/healthz`);
    const idle = await sampleIdle(m, Number(values.settle));
    console.log(
      `idle: RSS ${idle.rss.rss.toFixed(0)} MB (heap used ${idle.heap?.heapUsed.toFixed(0)} MB)`,
    );
    const l = await underLoad(m, origin, state.account, Number(values.load));
    console.log(
      `under load (${values.load} s, 10 connections): peak RSS ${l.peak.toFixed(0)} MB, ` +
        `${l.rps.toFixed(1)} req/s, latency p50 ${l.p50} ms, p97.5 ${l.p97} ms`,
    );
  } finally {
    await stop(m);
    dir.rm();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('memory-kept failed:', err);
    process.exit(1);
  },
);
