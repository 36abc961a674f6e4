/**
 * `npm run bench:screening`: screening rule evaluations per second in process, for each built-in
 * instrument and for a mix of all four, beside a baseline measured in the same run on the same
 * answers: a bare loop that only reads every answer (what any scoring must at least cost). The
 * target is ≥ 50,000 evaluations/s (issue 11); the run exits 1 below it. See BENCHMARKS.md,
 * "Screening: rule evaluation".
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  BUILTIN_INSTRUMENTS,
  evaluateScreening,
  type AnswerValue,
  type Instrument,
  type RuleSet,
  type ScreeningAnswer,
} from '@/domain/screening/index.ts';

const TARGET = 50_000;
const SETS_PER_INSTRUMENT = 1_000;
const SLICE_MS = 200;
const USAGE = 'usage: npm run bench:screening -- [--duration <s per target>] [--json]';

interface Workload {
  name: string;
  indicators: number;
  cases: { instrument: Instrument; answers: ScreeningAnswer[]; rules: RuleSet }[];
}

/** Deterministic PRNG (mulberry32), so every run scores the same answers. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Interview-like answers: 40 % yes, 35 % no, 15 % unknown, 10 % left out; adult or child. */
function workload(instruments: readonly Instrument[], name: string, seed: number): Workload {
  const random = prng(seed);
  const cases: Workload['cases'] = [];
  for (const instrument of instruments) {
    for (let n = 0; n < SETS_PER_INSTRUMENT; n += 1) {
      const answers: ScreeningAnswer[] = [];
      for (const ind of instrument.indicators) {
        const r = random();
        if (r < 0.9) {
          const answer: AnswerValue = r < 0.4 ? 'yes' : r < 0.75 ? 'no' : 'unknown';
          answers.push({ indicatorId: ind.id, answer });
        }
      }
      cases.push({ instrument, answers, rules: random() < 0.3 ? 'child' : 'adult' });
    }
  }
  const indicators = Math.round(
    instruments.reduce((n, i) => n + i.indicators.length, 0) / instruments.length,
  );
  return { name, indicators, cases };
}

/** The baseline: reads each answer of one case, nothing else. */
function readAnswers(c: Workload['cases'][number]): number {
  let sum = 0;
  for (const a of c.answers) {
    sum += a.indicatorId.length + (a.answer === 'yes' ? 1 : 0);
  }
  return sum + (c.rules === 'child' ? 1 : 0);
}

/** The measured operation; the checksum keeps the result alive. */
function evaluate(c: Workload['cases'][number]): number {
  const result = evaluateScreening(c.instrument, c.answers, c.rules);
  return result.parts.length + result.finding.length + (result.strength?.length ?? 0);
}

/** Runs `op` over the cases for about `ms`: operations, wall-clock and CPU seconds. */
function slice(w: Workload, op: (c: Workload['cases'][number]) => number, ms: number) {
  let ops = 0;
  let sink = 0;
  const cpu = process.cpuUsage();
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    for (let i = 0; i < 500; i += 1) {
      sink += op(w.cases[(ops + i) % w.cases.length]!);
    }
    ops += 500;
    now = performance.now();
  }
  if (sink < 0) {
    throw new Error('unreachable');
  }
  const used = process.cpuUsage(cpu);
  return { ops, wall: (now - start) / 1000, cpu: (used.user + used.system) / 1e6 };
}

type Totals = { ops: number; wall: number; cpu: number };

/**
 * Baseline and evaluation take turns in slices, so background load hits both alike. Rates per
 * wall-clock second (what a caller sees; the target) and per CPU second of this process (what
 * the work costs, less sensitive to other processes on a shared machine).
 */
function measure(w: Workload, seconds: number) {
  slice(w, readAnswers, 300);
  slice(w, evaluate, 300);
  const slices: number[] = [];
  const base: Totals = { ops: 0, wall: 0, cpu: 0 };
  const evals: Totals = { ops: 0, wall: 0, cpu: 0 };
  const add = (t: Totals, r: ReturnType<typeof slice>) => {
    t.ops += r.ops;
    t.wall += r.wall;
    t.cpu += r.cpu;
  };
  for (let spent = 0; spent < seconds; spent += SLICE_MS / 1000) {
    add(base, slice(w, readAnswers, SLICE_MS));
    const r = slice(w, evaluate, SLICE_MS);
    add(evals, r);
    slices.push(r.ops / r.wall);
  }
  slices.sort((a, b) => a - b);
  return {
    workload: w.name,
    indicators: w.indicators,
    baselinePerSecond: base.ops / base.wall,
    baselinePerCpuSecond: base.ops / base.cpu,
    evaluationsPerSecond: evals.ops / evals.wall,
    evaluationsPerCpuSecond: evals.ops / evals.cpu,
    medianSlicePerSecond: slices[Math.floor(slices.length / 2)]!,
  };
}

const COLUMNS: [string, number, (r: ReturnType<typeof measure>) => string][] = [
  ['workload', -25, (r) => r.workload],
  ['indicators', 11, (r) => String(r.indicators)],
  ['baseline/s', 12, (r) => k(r.baselinePerSecond)],
  ['per CPU s', 11, (r) => k(r.baselinePerCpuSecond)],
  ['evaluations/s', 15, (r) => k(r.evaluationsPerSecond)],
  ['per CPU s', 11, (r) => k(r.evaluationsPerCpuSecond)],
  ['median slice', 14, (r) => k(r.medianSlicePerSecond)],
  ['µs/eval', 9, (r) => (1e6 / r.evaluationsPerSecond).toFixed(2)],
];

function k(n: number): string {
  return `${Math.round(n / 1000).toLocaleString('en-GB')}k`;
}

function line(cells: string[]): string {
  return cells
    .map((c, i) => {
      const width = COLUMNS[i]![1];
      return width < 0 ? c.padEnd(-width) : c.padStart(width);
    })
    .join('');
}

function main() {
  const { values } = parseArgs({
    options: { duration: { type: 'string', default: '3' }, json: { type: 'boolean' } },
  });
  const seconds = Number(values.duration);
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 600) {
    console.error(USAGE);
    process.exit(2);
  }
  const workloads = [
    ...BUILTIN_INSTRUMENTS.map((i, n) => workload([i], i.id, 11 + n)),
    workload(BUILTIN_INSTRUMENTS, 'mix of all four', 99),
  ];
  const rows = workloads.map((w) => measure(w, seconds));
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
      `load ${load}, ${seconds} s per target`,
  );
  console.log(line(COLUMNS.map(([title]) => title)));
  for (const r of rows) {
    console.log(line(COLUMNS.map(([, , cell]) => cell(r))));
  }
  if (values.json) {
    console.log(JSON.stringify({ target: TARGET, seconds, load: loadavg(), rows }, null, 2));
  }
  const slow = rows.filter((r) => r.evaluationsPerSecond < TARGET);
  if (slow.length > 0) {
    console.error(`BENCHMARK FAILED: below ${TARGET}/s: ${slow.map((r) => r.workload).join(', ')}`);
    process.exit(1);
  }
  console.log(`every workload ≥ ${TARGET.toLocaleString('en-GB')} evaluations/s (wall clock)`);
}

main();
