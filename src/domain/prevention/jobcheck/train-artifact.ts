import type { EmscadRecord } from './features.ts';
import { sigmoid } from './logistic.ts';
import {
  averagePrecision,
  bestF1Threshold,
  classMetrics,
  fitPlatt,
  precisionThreshold,
  priorShift,
  rocAuc,
} from './metrics.ts';
import type { Artifact, ModelJson } from './model.ts';
import { HASH_DIM } from './text-features.ts';
import {
  CV_DEFAULTS,
  type CvOptions,
  type FittedModel,
  fitModel,
  foldsOf,
  type ModelKind,
  NB_ALPHA,
  outOfFold,
  rawDocs,
} from './train.ts';

/**
 * From labelled EMSCAD records to the committed artifact: cross-validation of each model kind
 * (and the baseline), calibration and thresholds from the out-of-fold scores, and the final
 * models trained on every record.
 */

/** Real-world share of fraudulent adverts the shown probability is calibrated for (EMSCAD: 4.8 %). */
export const TARGET_PRIOR = 0.05;
/** Precision the `high` level must reach under cross-validation. */
export const HIGH_PRECISION = 0.9;

/** Cross-validated figures of one model kind (fraud class; F1 at the `medium or high` threshold). */
export interface CvFigures {
  precision: number;
  recall: number;
  f1: number;
  rocAuc: number;
  prAuc: number;
  /** Precision and recall of `high` alone. */
  highPrecision: number;
  highRecall: number;
}

function evaluate(zs: number[], labels: number[], shift: number) {
  const platt = fitPlatt(zs, labels);
  const shown = zs.map((z) => sigmoid(platt.a * z + platt.b + shift));
  const medium = bestF1Threshold(shown, labels);
  const high = Math.max(medium, precisionThreshold(shown, labels, HIGH_PRECISION));
  const at = classMetrics(shown, labels, medium);
  const hi = classMetrics(shown, labels, high);
  const figures: CvFigures = {
    ...at,
    rocAuc: rocAuc(zs, labels),
    prAuc: averagePrecision(zs, labels),
    highPrecision: hi.precision,
    highRecall: hi.recall,
  };
  return { figures, calibration: { ...platt, shift }, thresholds: { medium, high } };
}

const round = (x: number) => Number(x.toPrecision(5));

/** A fitted model as stored: kept buckets delta-encoded, weights to 5 significant digits. */
export function toModelJson(
  model: FittedModel,
  calibration: ModelJson['calibration'],
  thresholds: ModelJson['thresholds'],
): ModelJson {
  const buckets: number[] = [];
  const weights: number[] = [];
  let previous = 0;
  for (let b = 0; b < HASH_DIM; b++) {
    if (model.kept[b] === 1) {
      buckets.push(b - previous);
      weights.push(round(model.weights[b]!));
      previous = b;
    }
  }
  return {
    bias: round(model.bias),
    buckets,
    weights,
    calibration: {
      a: round(calibration.a),
      b: round(calibration.b),
      shift: round(calibration.shift),
    },
    thresholds: { medium: round(thresholds.medium), high: round(thresholds.high) },
  };
}

/** What a training run produces: the artifact and the figures it prints. */
export interface TrainingRun {
  artifact: Artifact;
  figures: Record<ModelKind, CvFigures>;
  groups: { records: number; folds: number[][] };
}

/** Trains and evaluates every model kind on labelled records (deterministic for a seed). */
export function trainArtifact(records: readonly EmscadRecord[], o: CvOptions = CV_DEFAULTS) {
  const labels = records.map((r) => (r.fraudulent?.trim() === '1' ? 1 : 0));
  const trainPrior = labels.reduce<number>((s, y) => s + y, 0) / labels.length;
  const shift = priorShift(trainPrior, TARGET_PRIOR);
  const folds = foldsOf(records, labels, o);
  const figures = {} as Record<ModelKind, CvFigures>;
  const stored = {} as Record<'text' | 'full', ModelJson>;
  for (const kind of ['baseline', 'text', 'full'] as const) {
    const docs = rawDocs(records, kind);
    const ok = { ...o, nbAlpha: NB_ALPHA[kind] };
    const cv = evaluate(outOfFold(docs, labels, folds, ok), labels, shift);
    figures[kind] = cv.figures;
    if (kind !== 'baseline') {
      stored[kind] = toModelJson(fitModel(docs, labels, ok), cv.calibration, cv.thresholds);
    }
  }
  const foldSizes = Array.from({ length: o.k }, (_, f) => [
    folds.filter((x, i) => x === f && labels[i] === 0).length,
    folds.filter((x, i) => x === f && labels[i] === 1).length,
  ]);
  const artifact: Artifact = {
    format: 1,
    seed: o.seed,
    hashDim: HASH_DIM,
    trainPrior: round(trainPrior),
    targetPrior: TARGET_PRIOR,
    models: stored,
    evaluation: { folds: o.k, foldSizes, ...figures },
  };
  return { artifact, figures, groups: { records: records.length, folds: foldSizes } };
}
