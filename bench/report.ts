import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { LoadResult } from './load.ts';
import type { RawSqlResult } from './raw-sql.ts';

/**
 * Time per authenticated request at saturation should be at most this multiple of the bare
 * Fastify request plus the request's own SQL replayed directly (issue 10).
 */
export const ME_TARGET_FACTOR = 1.3;

/** The machine the numbers come from. */
export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
}

/** Everything one run measured; also the `--json` output. */
export interface BenchReport {
  date: string;
  machine: MachineInfo;
  /** `os.loadavg()` before and after the run: other work on the machine skews the numbers. */
  loadAverage: { start: number[]; end: number[] };
  database: string;
  durationS: number;
  connections: number;
  http: { bare: LoadResult; healthz: LoadResult; me: LoadResult };
  rawSql: RawSqlResult;
  /** Audit rows the organisation gained during the HTTP loads: `/api/me` must write none. */
  auditRowsDuringLoad: number;
  ratios: {
    healthzOverBare: number;
    meOverBare: number;
    /** `/api/me` µs/req over (bare Fastify µs/req + concurrent raw SQL µs/op): the target. */
    meOverBarePlusSql: number;
    meTargetMet: boolean;
    /** `/api/me` time per request at saturation (1/rps) over one sequential raw SQL op. */
    meServiceOverRawSql: number;
    /** `/api/me` p50 latency under load over the raw SQL op p50 (unloaded). */
    meP50OverRawSqlP50: number;
    /** Concurrent raw SQL ops/s over bare req/s: the most `/api/me` could reach with these reads. */
    rawSqlOverBare: number;
    /** `/api/me` req/s over concurrent raw SQL ops/s. */
    meOverRawSql: number;
  };
  /** Loads that saw connection errors, timeouts or non-2xx answers. */
  failures: string[];
}

/** CPU model, core count, memory, Node version and OS of this machine. */
export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
  };
}

/** The names of loads that were not clean (any error, timeout or non-2xx). */
export function failedLoads(loads: LoadResult[]): string[] {
  return loads
    .filter((l) => l.errors > 0 || l.timeouts > 0 || l.non2xx > 0)
    .map(
      (l) =>
        `${l.name}: ${l.errors} errors, ${l.timeouts} timeouts, ${l.non2xx} non-2xx ` +
        `(status codes ${JSON.stringify(l.statusCodes)})`,
    );
}

/** Derived ratios of a run. */
export function ratios(http: BenchReport['http'], rawSql: RawSqlResult): BenchReport['ratios'] {
  const meOverBare = http.me.rps / http.bare.rps;
  const meServiceUs = 1e6 / http.me.rps;
  const meOverBarePlusSql = meServiceUs / (1e6 / http.bare.rps + 1e6 / rawSql.concurrent.opsPerS);
  return {
    healthzOverBare: http.healthz.rps / http.bare.rps,
    meOverBare,
    meOverBarePlusSql,
    meTargetMet: meOverBarePlusSql <= ME_TARGET_FACTOR,
    meServiceOverRawSql: meServiceUs / rawSql.sequential.us.mean,
    meP50OverRawSqlP50: (http.me.latencyMs.p50 * 1000) / rawSql.sequential.us.p50,
    rawSqlOverBare: rawSql.concurrent.opsPerS / http.bare.rps,
    meOverRawSql: http.me.rps / rawSql.concurrent.opsPerS,
  };
}

const loadAvg = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(' ');
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
const num = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

function httpTable(r: BenchReport): string[] {
  const widths = [22, 8, 15, 7, 7, 7, 8, 6, 7];
  const head = ['target', 'req/s', 'slices req/s', 'p50 ms', 'p99 ms', 'mean ms', 'µs/req'];
  const lines = [row([...head, 'errors', 'non-2xx'], widths)];
  lines.push(
    row(
      widths.map((w) => '-'.repeat(w)),
      widths,
    ),
  );
  for (const l of [r.http.bare, r.http.healthz, r.http.me]) {
    const cells = [
      l.name.replace('Homeward ', 'hw '),
      num(l.rps),
      `${num(l.sliceRps.min)}–${num(l.sliceRps.max)}`,
      num(l.latencyMs.p50, 2),
      num(l.latencyMs.p99, 2),
      num(l.latencyMs.mean, 2),
      num(1e6 / l.rps),
      String(l.errors),
      String(l.non2xx),
    ];
    lines.push(row(cells, widths));
  }
  return lines;
}

function rawSqlLines(raw: RawSqlResult): string[] {
  const s = raw.sequential;
  const c = raw.concurrent;
  return [
    `raw SQL: the ${raw.statements.length} statement(s) one GET /api/me ran, recorded at the driver and replayed:`,
    ...raw.statements.map((text) => `  ${text}${text.length >= 100 ? '…' : ''}`),
    `  sequential   ${num(s.ops)} ops in ${num(s.elapsedS, 1)} s: mean ${num(s.us.mean, 1)} µs,` +
      ` p50 ${num(s.us.p50, 1)} µs, p99 ${num(s.us.p99, 1)} µs per op`,
    `  concurrent   ${c.concurrency} callers: ${num(c.opsPerS)} ops/s` +
      ` (${num(1e6 / c.opsPerS, 1)} µs/op)`,
  ];
}

function ratioLines(r: BenchReport): string[] {
  const q = r.ratios;
  const verdict = q.meTargetMet ? 'MET' : 'NOT MET';
  const bareUs = 1e6 / r.http.bare.rps;
  const sqlUs = 1e6 / r.rawSql.concurrent.opsPerS;
  return [
    `me µs/req / (bare µs/req + raw SQL µs/op)  ${num(q.meOverBarePlusSql, 2)}×` +
      `   (${num(1e6 / r.http.me.rps)} / (${num(bareUs)} + ${num(sqlUs)}); target ≤ ${ME_TARGET_FACTOR}×: ${verdict})`,
    `healthz / bare throughput   ${pct(q.healthzOverBare)}`,
    `me / bare throughput        ${pct(q.meOverBare)}`,
    `raw SQL ops/s / bare        ${pct(q.rawSqlOverBare)}   (ceiling for any /api/me running these statements)`,
    `me / raw SQL throughput     ${pct(q.meOverRawSql)}   (both with ${r.connections} concurrent callers)`,
    `me µs/req / raw SQL op      ${num(q.meServiceOverRawSql, 2)}×   (time per request at saturation vs one sequential raw op)`,
    `me p50 / raw SQL p50        ${num(q.meP50OverRawSqlP50, 2)}×   (me under ${r.connections} connections vs raw unloaded)`,
    `audit rows written during the loads: ${r.auditRowsDuringLoad} (/api/me must write none)`,
  ];
}

/** The human-readable report: machine, table, raw SQL, ratios. */
export function formatReport(r: BenchReport): string {
  const m = r.machine;
  return [
    '',
    `Homeward benchmark, ${r.date}`,
    `machine   ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node}, ${m.platform}`,
    `load avg  ${loadAvg(r.loadAverage.start)} at start, ${loadAvg(r.loadAverage.end)} at end` +
      ` (1/5/15 min; ${m.cores} cores)`,
    `database  ${r.database}`,
    `load      autocannon in this process, ${r.connections} connections, ${r.durationS} s per target` +
      ' after a warm-up; targets take turns in slices, never at the same time',
    '',
    ...httpTable(r),
    '',
    ...rawSqlLines(r.rawSql),
    '',
    ...ratioLines(r),
    '',
  ].join('\n');
}

/** Writes the report as pretty JSON. */
export async function writeJson(file: string, report: BenchReport): Promise<void> {
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`, 'utf8');
}
