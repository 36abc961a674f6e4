/** The report of `npm run bench:memory` (bench/memory.ts). */
import os from 'node:os';
import type { Heap, Rss } from './memory-process.ts';
import { machineInfo } from './report.ts';

/** Product targets (DESIGN.md, "Cheap to run"). */
const IDLE_TARGET_MB = 200;
const EMBEDDED_SHARE_TARGET_MB = 100;

/** One measured state of one process. */
export interface MemoryRow {
  label: string;
  rss: Rss;
  heap: Heap | null;
  /** Highest RSS seen while loaded (under-load rows only). */
  peak?: number;
  rps?: number;
}

const mb = (x: number | undefined) => (x === undefined ? '' : x.toFixed(0));

/** The table of every row, then the two targets. */
export function formatMemoryReport(
  rows: MemoryRow[],
  opts: { settleS: number; loadS: number },
): string {
  const m = machineInfo();
  const lines = [
    '',
    `Homeward memory benchmark, ${new Date().toISOString()}`,
    `machine   ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, node ${m.node}, ${m.platform}`,
    `load avg  ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(
        ' ',
      )} at end; idle = median of 5 samples after ${opts.settleS} s; load = ${opts.loadS} s, 10 connections`,
    '',
    `${'process (MiB)'.padEnd(44)}${['RSS', 'anon', 'file', 'heap', 'heapTot', 'peak', 'req/s'].map((h) => h.padStart(8)).join('')}`,
  ];
  for (const r of rows) {
    const cells = [
      r.rss.rss,
      r.rss.anon,
      r.rss.file,
      r.heap?.heapUsed,
      r.heap?.heapTotal,
      r.peak,
      r.rps,
    ];
    lines.push(`${r.label.padEnd(44)}${cells.map((c) => mb(c).padStart(8)).join('')}`);
  }
  lines.push('');
  const find = (label: string) => rows.find((r) => r.label === label);
  const pgIdle = find('postgres: idle after demo seed');
  if (pgIdle) {
    const verdict = pgIdle.rss.rss <= IDLE_TARGET_MB ? 'met' : 'NOT MET';
    lines.push(
      `postgres idle after demo seed: ${mb(pgIdle.rss.rss)} MiB (target ≤ ${IDLE_TARGET_MB}: ${verdict})`,
    );
  }
  const floors = rows.filter((r) => r.label.startsWith('bare PGlite + pg_trgm'));
  const embIdle = find('embedded: idle after demo seed');
  if (floors.length > 0 && embIdle) {
    // The floor moves by tens of MiB between runs (V8 tiering of PGlite's WebAssembly): use
    // the mean of the floor measured before and after the embedded server.
    const bare = floors.reduce((sum, r) => sum + r.rss.rss, 0) / floors.length;
    const share = embIdle.rss.rss - bare;
    const verdict = share <= EMBEDDED_SHARE_TARGET_MB ? 'met' : 'NOT MET';
    lines.push(
      `embedded idle after demo seed − bare PGlite (mean of ${floors.length}): ${mb(embIdle.rss.rss)} − ${mb(bare)} = ${mb(share)} MiB (target ≤ ${EMBEDDED_SHARE_TARGET_MB}: ${verdict})`,
    );
  }
  return lines.join('\n');
}
