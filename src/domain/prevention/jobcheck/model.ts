import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { JobRisk } from './jobcheck.schema.ts';
import { type RawDoc, type Vector, vectorOf } from './features.ts';
import { sigmoid } from './logistic.ts';
import { HASH_DIM } from './text-features.ts';

/**
 * The trained models as committed (model/jobcheck-model.json, written by `npm run train:jobcheck`)
 * and their use: loading once, scoring, calibration and risk levels.
 */

/** Where the artifact lives, relative to the repository root. */
export const MODEL_PATH = 'src/domain/prevention/jobcheck/model/jobcheck-model.json';

const ModelJsonSchema = z.object({
  bias: z.number(),
  /** Kept buckets, ascending, each stored as the difference from the previous one. */
  buckets: z.array(z.number().int().nonnegative()),
  weights: z.array(z.number()),
  /** Platt scaling (a·z + b, fitted out of fold) and the prior shift to real-world prevalence. */
  calibration: z.object({ a: z.number(), b: z.number(), shift: z.number() }),
  /** Thresholds on the calibrated probability. */
  thresholds: z.object({ medium: z.number(), high: z.number() }),
});
export type ModelJson = z.infer<typeof ModelJsonSchema>;

/** The artifact: the served text model, the CSV model with structured fields, and the evaluation. */
export const ArtifactSchema = z.object({
  format: z.literal(1),
  seed: z.number(),
  hashDim: z.literal(HASH_DIM),
  trainPrior: z.number(),
  targetPrior: z.number(),
  models: z.object({ text: ModelJsonSchema, full: ModelJsonSchema }),
  evaluation: z.record(z.string(), z.unknown()),
});
export type Artifact = z.infer<typeof ArtifactSchema>;

/** A model ready to score. */
export interface LoadedModel {
  bias: number;
  weights: Float32Array;
  kept: Uint8Array;
  calibration: ModelJson['calibration'];
  thresholds: ModelJson['thresholds'];
}

/** Turns a stored model into lookup arrays; throws when buckets and weights disagree. */
export function loadModel(json: ModelJson): LoadedModel {
  if (json.buckets.length !== json.weights.length) {
    throw new Error('jobcheck model: buckets and weights differ in length');
  }
  const weights = new Float32Array(HASH_DIM);
  const kept = new Uint8Array(HASH_DIM);
  let bucket = 0;
  json.buckets.forEach((delta, i) => {
    bucket += delta;
    if (bucket >= HASH_DIM) {
      throw new Error('jobcheck model: bucket out of range');
    }
    kept[bucket] = 1;
    weights[bucket] = json.weights[i]!;
  });
  return {
    bias: json.bias,
    weights,
    kept,
    calibration: json.calibration,
    thresholds: json.thresholds,
  };
}

/** The repository root: the nearest folder above this module (source or bundle) with package.json. */
function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) {
      throw new Error('jobcheck model: repository root not found');
    }
    dir = up;
  }
  return dir;
}

let cached: { artifact: Artifact; text: LoadedModel; full: LoadedModel } | undefined;

/** The committed models, read and parsed on first use and kept for the life of the process. */
export function models(): { artifact: Artifact; text: LoadedModel; full: LoadedModel } {
  if (!cached) {
    const raw: unknown = JSON.parse(readFileSync(join(repositoryRoot(), MODEL_PATH), 'utf8'));
    const artifact = ArtifactSchema.parse(raw);
    cached = {
      artifact,
      text: loadModel(artifact.models.text),
      full: loadModel(artifact.models.full),
    };
  }
  return cached;
}

/** The vector of a document under a model (its kept buckets). */
export function modelVector(model: LoadedModel, doc: RawDoc): Vector {
  return vectorOf(doc, (b) => model.kept[b] === 1);
}

/** Calibrated log-odds of a raw model log-odds: Platt scaling, then the prior shift. */
export function calibrate(model: Pick<LoadedModel, 'calibration'>, z: number): number {
  const { a, b, shift } = model.calibration;
  return a * z + b + shift;
}

/** Risk level of a calibrated probability. */
export function riskOf(thresholds: ModelJson['thresholds'], probability: number): JobRisk {
  if (probability >= thresholds.high) {
    return 'high';
  }
  return probability >= thresholds.medium ? 'medium' : 'low';
}

/** Calibrated probability of a calibrated log-odds. */
export const probabilityOf = sigmoid;
