import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { readEmscadCsv } from './emscad-csv.ts';
import type { EmscadRecord } from './features.ts';
import { MODEL_PATH } from './model.ts';
import { trainArtifact } from './train-artifact.ts';
import { CV_DEFAULTS } from './train.ts';

/**
 * `npm run train:jobcheck [-- --seed N --input FILE --out FILE]`: trains the job-offer checker
 * from data/emscad/train.csv.gz, prints the cross-validated figures, and writes the artifact.
 * Run from the repository root.
 */

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: String(CV_DEFAULTS.seed) },
    input: { type: 'string', default: 'data/emscad/train.csv.gz' },
    out: { type: 'string', default: MODEL_PATH },
  },
});

const records: EmscadRecord[] = [];
for await (const { number, record, problem } of readEmscadCsv(values.input)) {
  if (problem) {
    throw new Error(`record ${number}: ${problem}`);
  }
  records.push(record);
}
const seed = Number(values.seed);
const started = Date.now();
const run = trainArtifact(records, {
  ...CV_DEFAULTS,
  seed,
  logistic: { ...CV_DEFAULTS.logistic, seed },
});
const json = `${JSON.stringify(run.artifact)}\n`;
mkdirSync(dirname(values.out), { recursive: true });
writeFileSync(values.out, json);

const pct = (x: number) => x.toFixed(4);
console.log(
  `Trained on ${records.length} records, seed ${seed}, in ${(Date.now() - started) / 1000} s.`,
);
console.log(
  `Folds (legitimate, fraudulent): ${run.groups.folds.map((f) => f.join('/')).join(', ')}`,
);
console.log(
  '| model | precision | recall | F1 | ROC-AUC | PR-AUC | high: precision | high: recall |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [kind, f] of Object.entries(run.figures)) {
  const cells = [f.precision, f.recall, f.f1, f.rocAuc, f.prAuc, f.highPrecision, f.highRecall];
  console.log(`| ${kind} | ${cells.map(pct).join(' | ')} |`);
}
for (const kind of ['text', 'full'] as const) {
  const m = run.artifact.models[kind];
  console.log(
    `${kind}: ${m.buckets.length} buckets; thresholds medium ${m.thresholds.medium}, high ${m.thresholds.high}`,
  );
}
console.log(`Wrote ${values.out} (${(json.length / 1e6).toFixed(2)} MB).`);
