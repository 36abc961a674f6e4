/**
 * `npm run bench:jobcheck`: the job-offer checker in one run (issue 13, BENCHMARKS.md "Prevention:
 * job-offer checker"): model load time, scoring throughput on one core (Node runs the scoring on
 * one thread) for the served checker (`checkJob`: text model + red-flag rules + reasons) and the
 * CSV model (`scoreRecord`), beside the cross-validated figures of the models and the word-unigram
 * baseline, retrained here from data/emscad/train.csv.gz with the committed seed, and the checker's
 * results on the hand-written fixture adverts. Target ≥ 1,000 adverts/s per CPU second for the
 * CSV scoring; exits 1 below it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import {
  checkJob,
  type EmscadRecord,
  type JobCheckInput,
  type JobCheckLanguage,
  models,
  readEmscadCsv,
  scoreRecord,
} from '@/domain/prevention/jobcheck/index.ts';
import { pastedTextOf } from '@/domain/prevention/jobcheck/features.ts';
import { evaluateRules } from '@/domain/prevention/jobcheck/rules.ts';
import { trainArtifact } from '@/domain/prevention/jobcheck/train-artifact.ts';

const TARGET = 1_000;
const FIXTURES = 'src/domain/prevention/jobcheck/fixtures/adverts.json';
const { values } = parseArgs({ options: { duration: { type: 'string', default: '3' } } });
const durationMs = Number(values.duration) * 1000;

// Load first, in a process that has not touched the model yet.
const loadStart = performance.now();
const loaded = models();
const loadMs = performance.now() - loadStart;

const records: EmscadRecord[] = [];
for await (const { record } of readEmscadCsv('data/emscad/train.csv.gz')) {
  records.push(record);
}
const inputs: JobCheckInput[] = records.map((r) => ({ text: pastedTextOf(r) }));

/** Adverts per wall-clock second and per CPU second, cycling through `n` items for `ms`. */
function rate(n: number, score: (i: number) => unknown): { wall: number; cpu: number } {
  for (let i = 0; i < Math.min(n, 200); i++) {
    score(i);
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let done = 0;
  while (performance.now() - t0 < durationMs) {
    score(done % n);
    done++;
  }
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { wall: done / wallS, cpu: done / ((cpu.user + cpu.system) / 1e6) };
}

type Fixture = JobCheckInput & { id: string; lang: JobCheckLanguage; label: string };
const fixtures = existsSync(FIXTURES)
  ? (JSON.parse(readFileSync(FIXTURES, 'utf8')) as { adverts: Fixture[] }).adverts.map((a) => ({
      lang: a.lang,
      label: a.label,
      input: {
        text: a.text,
        ...(['title', 'salary', 'location', 'channel', 'destination'] as const).reduce(
          (o, key) => (a[key] === undefined ? o : { ...o, [key]: a[key] }),
          {},
        ),
      },
    }))
  : [];

const served = rate(inputs.length, (i) => checkJob(inputs[i]!, 'en'));
const short =
  fixtures.length > 0
    ? rate(fixtures.length, (i) => checkJob(fixtures[i]!.input, fixtures[i]!.lang))
    : undefined;
const shortChars = Math.round(
  fixtures.reduce((s, x) => s + x.input.text.length, 0) / Math.max(1, fixtures.length),
);
const rules = rate(inputs.length, (i) => evaluateRules(inputs[i]!));
const csv = rate(records.length, (i) => scoreRecord(records[i]!));
const avgChars = Math.round(inputs.reduce((s, x) => s + x.text.length, 0) / inputs.length);

const trainStart = performance.now();
const run = trainArtifact(records);
const trainS = (performance.now() - trainStart) / 1000;

const f = (x: number) => x.toFixed(3);
const k = (x: number) => Math.round(x).toLocaleString('en');
console.log(
  `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg()[0]!.toFixed(1)}`,
);
console.log(
  `\nModel load (read, parse, validate, unpack both models): ${loadMs.toFixed(0)} ms; ` +
    `text model ${loaded.artifact.models.text.buckets.length} buckets, CSV model ${loaded.artifact.models.full.buckets.length}`,
);
console.log(
  `\n| scoring (one core, EMSCAD adverts, mean ${avgChars} characters) | adverts/s | per CPU s |`,
);
console.log('| --- | ---: | ---: |');
console.log(`| checkJob (text model + rules + reasons) | ${k(served.wall)} | ${k(served.cpu)} |`);
console.log(
  `| of which evaluateRules alone (red-flag rules) | ${k(rules.wall)} | ${k(rules.cpu)} |`,
);
if (short) {
  const name = `checkJob on the ${fixtures.length} fixture adverts (mean ${shortChars} characters)`;
  console.log(`| ${name} | ${k(short.wall)} | ${k(short.cpu)} |`);
}
console.log(
  `| scoreRecord (CSV model, as homeward jobcheck score) | ${k(csv.wall)} | ${k(csv.cpu)} |`,
);
console.log(
  `\nCross-validated (stratified 5-fold, near-duplicates in one fold; retrained in ${trainS.toFixed(1)} s):`,
);
console.log(
  '| model | precision | recall | F1 | ROC-AUC | PR-AUC | high: precision | high: recall |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const [kind, m] of Object.entries(run.figures)) {
  const cells = [m.precision, m.recall, m.f1, m.rocAuc, m.prAuc, m.highPrecision, m.highRecall];
  console.log(`| ${kind} | ${cells.map(f).join(' | ')} |`);
}
const same = JSON.stringify(run.artifact) === JSON.stringify(loaded.artifact);
console.log(`Retrained artifact identical to the committed one: ${same ? 'yes' : 'NO'}`);

if (fixtures.length > 0) {
  const table = new Map<string, Record<string, number>>();
  for (const { input, lang, label } of fixtures) {
    const { risk } = checkJob(input, lang);
    const row = table.get(label) ?? { low: 0, medium: 0, high: 0 };
    row[risk]!++;
    table.set(label, row);
  }
  console.log(`\nFixture adverts (${FIXTURES}, ${fixtures.length}), checkJob level by label:`);
  console.log('| label | low | medium | high |\n| --- | ---: | ---: | ---: |');
  for (const [label, row] of table) {
    console.log(`| ${label} | ${row.low} | ${row.medium} | ${row.high} |`);
  }
}

if (csv.cpu < TARGET) {
  console.error(`CSV scoring is below the target of ${TARGET} adverts/s.`);
  process.exitCode = 1;
}
