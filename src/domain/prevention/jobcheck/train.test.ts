import { describe, expect, it } from 'vitest';
import { readEmscadCsv } from './emscad-csv.ts';
import type { EmscadRecord } from './features.ts';
import { duplicateGroups, stratifiedGroupFolds } from './folds.ts';
import { toModelJson } from './train-artifact.ts';
import { CV_DEFAULTS, fitModel, foldsOf, nbScales, rawDocs } from './train.ts';

const DATA = new URL('../../../../data/emscad/train.csv.gz', import.meta.url).pathname;

async function subset(n: number): Promise<EmscadRecord[]> {
  const out: EmscadRecord[] = [];
  for await (const { record } of readEmscadCsv(DATA)) {
    out.push(record);
  }
  // Both classes: the file is sorted by job_id, fraudulent rows are spread through it.
  return out.filter((_, i) => i % Math.floor(out.length / n) === 0).slice(0, n);
}

const calibration = { a: 1, b: 0, shift: 0 };
const thresholds = { medium: 0.5, high: 0.9 };

describe('training', () => {
  it('gives the same weights for the same seed and different ones for another seed', async () => {
    const records = await subset(120);
    const labels = records.map((r) => Number(r.fraudulent));
    expect(labels).toContain(1);
    const docs = rawDocs(records, 'full');
    const train = (seed: number) =>
      toModelJson(
        fitModel(docs, labels, {
          minDf: 2,
          nbAlpha: 1,
          logistic: { ...CV_DEFAULTS.logistic, epochs: 3, seed },
        }),
        calibration,
        thresholds,
      );
    const [first, again, other] = [train(13), train(13), train(14)];
    expect(again).toEqual(first);
    expect(other.weights).not.toEqual(first.weights);
    expect(other.buckets).toEqual(first.buckets);
  });

  it('keeps only buckets seen in at least two adverts', async () => {
    const records = await subset(60);
    const labels = records.map((r) => Number(r.fraudulent));
    const docs = rawDocs(records, 'full');
    const once = fitModel(docs, labels, {
      minDf: 1,
      nbAlpha: 0,
      logistic: { ...CV_DEFAULTS.logistic, epochs: 1 },
    });
    const twice = fitModel(docs, labels, {
      minDf: 2,
      nbAlpha: 0,
      logistic: { ...CV_DEFAULTS.logistic, epochs: 1 },
    });
    const count = (kept: Uint8Array) => kept.reduce((s, k) => s + k, 0);
    expect(count(twice.kept)).toBeGreaterThan(0);
    expect(count(twice.kept)).toBeLessThan(count(once.kept));
  });
});

describe('NB scaling', () => {
  it('scales a bucket by how unevenly the classes use it', () => {
    const v = (...idx: number[]) => ({
      idx: Int32Array.from(idx),
      val: Float64Array.from(idx, () => 1),
    });
    // Bucket 1 only in fraudulent documents, bucket 2 in every document, bucket 3 not kept.
    const xs = [v(1, 2), v(1, 2), v(2, 3), v(2, 3)];
    const kept = new Uint8Array(8);
    kept[1] = kept[2] = 1;
    const r = nbScales(xs, [1, 1, 0, 0], kept, 1);
    // p = [3, 3] of 6, q = [1, 3] of 4: |log((3/6)/(1/4))| and |log((3/6)/(3/4))|.
    expect(r[1]).toBeCloseTo(Math.log(2), 12);
    expect(r[2]).toBeCloseTo(Math.log(1.5), 12);
    expect(r[3]).toBe(0);
  });
});

function record(job_id: string, over: Partial<EmscadRecord>): EmscadRecord {
  const empty = Object.fromEntries(
    ['title', 'location', 'department', 'salary_range', 'company_profile', 'description'].map(
      (k) => [k, ''],
    ),
  );
  return {
    ...empty,
    requirements: '',
    benefits: '',
    telecommuting: '0',
    has_company_logo: '1',
    has_questions: '0',
    employment_type: '',
    required_experience: '',
    required_education: '',
    industry: '',
    function: '',
    ...over,
    job_id,
  } as EmscadRecord;
}

describe('cross-validation folds', () => {
  const template =
    'Our growing team needs a friendly person to answer customer questions by phone and e-mail, ' +
    'keep records up to date and help the sales team with orders every week.';

  it('groups the same title and company, and nearly the same text, and nothing else', () => {
    const records = [
      record('1', { title: 'Clerk', company_profile: 'Acme Ltd', description: 'Filing.' }),
      record('2', { title: 'Clerk ', company_profile: 'Acme Ltd', description: 'Other words.' }),
      record('3', { title: 'Agent', description: template }),
      record('4', { title: 'Agent (night)', description: `${template} Nights.` }),
      record('5', { title: 'Pilot', description: 'Fly our aircraft across the country.' }),
    ];
    const g = duplicateGroups(records);
    expect(g[0]).toBe(g[1]);
    expect(g[2]).toBe(g[3]);
    expect(new Set(g).size).toBe(3);
  });

  it('puts a group in one fold and balances the classes across folds', () => {
    const groups = [0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];
    const labels = [1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1];
    const folds = stratifiedGroupFolds(groups, labels, { k: 5, seed: 13 });
    expect(new Set(folds.slice(0, 3)).size).toBe(1);
    const perFold = (y: number) =>
      [0, 1, 2, 3, 4].map((f) => folds.filter((x, i) => x === f && labels[i] === y).length);
    // 13 legitimate singletons: 3 or 2 per fold. The 4 other fraudulent ones avoid the group's fold.
    expect(perFold(0).sort()).toEqual([2, 2, 3, 3, 3]);
    expect(perFold(1)[folds[0]!]).toBe(3);
    expect(perFold(1).sort()).toEqual([1, 1, 1, 1, 3]);
    expect(stratifiedGroupFolds(groups, labels, { k: 5, seed: 13 })).toEqual(folds);
  });

  it('keeps EMSCAD’s near-duplicate groups in one fold each', async () => {
    const records = await subset(200);
    const labels = records.map((r) => Number(r.fraudulent));
    const folds = foldsOf(records, labels, CV_DEFAULTS);
    const groups = duplicateGroups(records);
    const foldOfGroup = new Map<number, number>();
    groups.forEach((g, i) => {
      expect(foldOfGroup.get(g) ?? folds[i]).toBe(folds[i]);
      foldOfGroup.set(g, folds[i]!);
    });
  });
});
