/**
 * Timings of the 1M-case benchmark: each search and case page is requested through the real API
 * once to record the SQL it runs (captured at the driver), then measured twice in alternating
 * order, through the API and as the same recorded SQL replayed directly on the database.
 */
import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database } from '@/db/client.ts';
import { auditKey, sealMac } from '@/domain/audit/audit-keys.ts';
import { displayName as appDisplayName } from '@/domain/cases/display-name.ts';
import { createRng, misspell } from './cases-synth.ts';
import { percentile } from './stats.ts';

/** One statement as the app sent it to the driver. */
export interface Statement {
  text: string;
  params: unknown[];
}

type QueryMethod = (this: unknown, ...args: unknown[]) => unknown;

/**
 * Runs `fn` while recording every query sent through a pg client (pool queries and transactions
 * alike: a pool hands each query to one of its clients) or a PGlite instance.
 */
export async function capture(fn: () => Promise<void>): Promise<Statement[]> {
  const recorded: Statement[] = [];
  const targets = [pg.Client.prototype, PGlite.prototype] as unknown as Record<
    string,
    QueryMethod
  >[];
  const originals = targets.map((t) => t.query!);
  targets.forEach((target, i) => {
    target.query = function (this: unknown, ...args: unknown[]) {
      const [first, params] = args;
      const text = typeof first === 'string' ? first : (first as { text: string }).text;
      recorded.push({ text, params: Array.isArray(params) ? params : [] });
      return originals[i]!.apply(this, args);
    };
  });
  try {
    await fn();
  } finally {
    targets.forEach((target, i) => (target.query = originals[i]!));
  }
  return recorded;
}

const isRead = (s: Statement) =>
  /^\s*(select|with)\b/i.test(s.text) && !s.text.includes('hw_audit_lock_head');
const isSearch = (s: Statement) => s.text.includes('similarity(');

/** A search or page request and the SQL it ran. */
export interface Probe {
  label: string;
  url: string;
  /** Case expected in the top 10 (search) or returned (page). */
  caseId: string;
  /** Its primary name as listed (`displayName`): a same-name case in the top 10 counts too. */
  name: string;
  reads: Statement[];
  /** Every statement, in order: reads, and the audit transaction (begin … commit). */
  all: Statement[];
  main: Statement | null;
}

export interface Timings {
  api: number[];
  /** The request's main statement (search SQL, or the case row for a page), replayed. */
  rawMain: number[];
  /** Every read the request ran (session and principal, data), replayed in order. */
  rawReads: number[];
  /** Every statement the request ran, the audit write included, replayed in order. */
  rawAll: number[];
  hits: number;
  /** Searches whose top 10 holds a case with exactly the intended name (maybe another case). */
  nameHits: number;
}

/** Keep-alive connections, as a browser keeps them; node:http costs the client less than fetch. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

function getJson(url: string, cookie: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { cookie }, timeout: 60_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode !== 200) {
          reject(new Error(`GET ${url} → ${res.statusCode} ${text.slice(0, 300)}`));
          return;
        }
        resolve(JSON.parse(text) as unknown);
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
  });
}

function found(body: unknown, p: { caseId: string; name: string }): [boolean, boolean] {
  const b = body as { items?: { id: string; displayName: string }[]; id?: string };
  if (!b.items) {
    return [b.id === p.caseId, b.id === p.caseId];
  }
  const top = b.items.slice(0, 10);
  return [top.some((i) => i.id === p.caseId), top.some((i) => i.displayName === p.name)];
}

/** Requests each probe once through the API, recording its SQL (also the warm-up). */
export async function record(
  probes: Omit<Probe, 'reads' | 'main' | 'all'>[],
  cookie: string,
): Promise<Probe[]> {
  const out: Probe[] = [];
  for (const p of probes) {
    const statements = await capture(async () => void (await getJson(p.url, cookie)));
    const reads = statements.filter(isRead);
    const main =
      reads.find(isSearch) ?? reads.find((s) => s.text.includes('"case_number"')) ?? null;
    out.push({ ...p, reads, all: statements, main });
  }
  return out;
}

/** The audit chain head a replay read (`hw_audit_lock_head`), and the row it appended. */
interface ReplayAudit {
  head?: { seq: string; hash: string; key_id: string } | undefined;
  appended?: { seq: bigint; hash: string } | undefined;
}

/**
 * The parameters to replay `s` with. The audit insert gets a new id, the next seq after the
 * head just read and that head's hash, as the app computes them, and its seal that seq, hash
 * and a MAC under the loaded audit key, so the replay appends rows exactly like the request did.
 */
function freshAudit(s: Statement, audit: ReplayAudit): unknown[] {
  const seal = /^insert into "audit_seals" \(([^)]*)\) values \(([^)]*)\)/.exec(s.text);
  if (seal) {
    const row = audit.appended;
    const keyId = audit.head?.key_id;
    const key = keyId ? auditKey(keyId) : undefined;
    if (!row || !keyId || !key) {
      throw new Error('audit seal replayed without its row or a loaded audit key');
    }
    return setParams(s, seal, {
      seq: row.seq.toString(),
      hash: row.hash,
      key_id: keyId,
      mac: sealMac(key, keyId, row.seq, row.hash),
    });
  }
  const match = /^insert into "audit_events" \(([^)]*)\) values \(([^)]*)\)/.exec(s.text);
  if (!match) {
    return s.params;
  }
  const head = audit.head;
  const prevHash = head?.hash ?? '0'.repeat(64);
  const seq = BigInt(head?.seq ?? '0') + 1n;
  const params = setParams(s, match, { id: randomUUID(), seq: String(seq), prev_hash: prevHash });
  const hash = createHash('sha256').update(prevHash).update(JSON.stringify(params)).digest('hex');
  audit.appended = { seq, hash };
  return setParams({ ...s, params }, match, { hash });
}

/** `s.params` with the named columns of its `insert … (columns) values (…)` replaced. */
function setParams(s: Statement, match: RegExpExecArray, set: Record<string, unknown>): unknown[] {
  const columns = match[1]!.split(',').map((c) => c.trim().replaceAll('"', ''));
  const values = match[2]!.split(',').map((v) => v.trim());
  const params = [...s.params];
  for (const [column, value] of Object.entries(set)) {
    const placeholder = /^\$(\d+)$/.exec(values[columns.indexOf(column)] ?? '');
    if (!placeholder) {
      throw new Error(`audit insert: no parameter for ${column} in ${s.text}`);
    }
    params[Number(placeholder[1]) - 1] = value;
  }
  return params;
}

async function timed(fn: () => Promise<unknown>): Promise<[number, unknown]> {
  const t0 = performance.now();
  const result = await fn();
  return [performance.now() - t0, result];
}

/** Measures every probe: API, main statement and all reads, alternating which goes first. */
export async function measure(
  database: Database,
  probes: Probe[],
  cookie: string,
): Promise<Timings> {
  const t: Timings = { api: [], rawMain: [], rawReads: [], rawAll: [], hits: 0, nameHits: 0 };
  const replay = (statements: Statement[]) =>
    database.session(async (query) => {
      const audit: ReplayAudit = {};
      for (const s of statements) {
        const rows = await query<{ seq: string; hash: string; key_id: string }>(
          s.text,
          freshAudit(s, audit),
        );
        if (s.text.includes('hw_audit_lock_head')) {
          audit.head = rows[0];
        }
      }
    });
  for (const [i, p] of probes.entries()) {
    const api = () => timed(() => getJson(p.url, cookie));
    const raw = async () => {
      t.rawMain.push((await timed(() => replay(p.main ? [p.main] : [])))[0]);
      t.rawReads.push((await timed(() => replay(p.reads)))[0]);
      t.rawAll.push((await timed(() => replay(p.all)))[0]);
    };
    let apiResult: [number, unknown];
    if (i % 2 === 0) {
      apiResult = await api();
      await raw();
    } else {
      await raw();
      apiResult = await api();
    }
    t.api.push(apiResult[0]);
    const [hit, nameHit] = found(apiResult[1], p);
    t.hits += hit ? 1 : 0;
    t.nameHits += nameHit ? 1 : 0;
  }
  return t;
}

/** p50/p95/p99 in milliseconds. */
export function quantiles(values: number[]): { p50: number; p95: number; p99: number } {
  const sorted = Float64Array.from(values).sort();
  return {
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
  };
}

/** A sampled case with its recorded names. */
export interface Target {
  id: string;
  nationality: string;
  riskLevel: string;
  names: { kind: string; script: string; given: string | null; family: string | null }[];
}

/** `count` distinct cases of the organisation, chosen by a seeded PRNG over the case numbers. */
export async function sampleTargets(
  database: Database,
  opts: { organisationId: string; cases: number; count: number; seed: number },
): Promise<Target[]> {
  const rng = createRng(opts.seed);
  const numbers = new Set<string>();
  while (numbers.size < Math.min(opts.count, opts.cases)) {
    numbers.add(`HW-${String(1 + rng.int(opts.cases)).padStart(7, '0')}`);
  }
  const rows = await database.query<Target & { n: string }>(
    `select c.id, c.nationality, c.risk_level as "riskLevel", c.case_number as n,
        json_agg(json_build_object('kind', i.kind, 'script', i.script, 'given', i.given,
          'family', i.family) order by i.kind) as names
      from cases c join case_identities i on i.case_id = c.id
      where c.organisation_id = $1 and c.case_number = any($2::text[])
      group by c.id order by c.case_number`,
    [opts.organisationId, [...numbers]],
  );
  return rows;
}

/** The list's display name of an identity (the app's own rule). */
export function displayName(n: {
  given: string | null;
  family: string | null;
  script: string;
}): string {
  return appDisplayName(n.given, n.family, n.script);
}

export const FILTERS = ['none', 'nationality', 'nationality+risk'] as const;
export type Filter = (typeof FILTERS)[number];

/**
 * A misspelt search for each target (one letter dropped, swapped or replaced): for names recorded
 * in a non-Latin script, half the queries use the usual Latin spelling, half the native script.
 * Filters rotate through none, nationality, nationality + risk level.
 */
export function searchProbes(targets: Target[], origin: string, seed: number) {
  const rng = createRng(seed);
  return targets.map((t, i) => {
    const primary = t.names.find((n) => n.kind === 'primary') ?? t.names[0]!;
    const latin = t.names.find((n) => n.kind === 'transliteration');
    const useLatin = latin !== undefined && rng.next() < 0.5;
    const name = useLatin ? latin : primary;
    const q = misspell(rng, [name.given, name.family].filter(Boolean).join(' '));
    const filter = FILTERS[i % FILTERS.length]!;
    const params = new URLSearchParams({ q, limit: '25' });
    if (filter !== 'none') {
      params.set('nationality', t.nationality);
    }
    if (filter === 'nationality+risk') {
      params.set('risk', t.riskLevel);
    }
    const label = `${filter}|${useLatin ? 'latin' : primary.script}`;
    const url = `${origin}/api/cases?${params.toString()}`;
    return { label, url, caseId: t.id, name: displayName(primary) };
  });
}
