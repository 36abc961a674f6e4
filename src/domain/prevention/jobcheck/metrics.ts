/**
 * Evaluation and calibration maths of the job-offer checker: fraud-class precision, recall and F1,
 * ROC-AUC, PR-AUC (average precision), Platt scaling, the prior shift to real-world prevalence,
 * and the choice of thresholds. Labels are 1 (fraudulent) and 0.
 */

/** Precision, recall and F1 of the fraudulent class at one threshold (score ≥ threshold = fraud). */
export interface ClassMetrics {
  precision: number;
  recall: number;
  f1: number;
}

/** Fraud-class precision, recall and F1 when `score ≥ threshold` is predicted fraudulent. */
export function classMetrics(
  scores: readonly number[],
  labels: readonly number[],
  threshold: number,
): ClassMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  scores.forEach((s, i) => {
    const positive = s >= threshold;
    if (positive && labels[i] === 1) {
      tp++;
    } else if (positive) {
      fp++;
    } else if (labels[i] === 1) {
      fn++;
    }
  });
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** ROC-AUC by the rank-sum (Mann–Whitney) statistic; tied scores count one half. */
export function rocAuc(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => a.s - b.s);
  let rankSum = 0;
  let positives = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]!.s === order[i]!.s) {
      j++;
    }
    const meanRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (order[k]!.y === 1) {
        rankSum += meanRank;
        positives++;
      }
    }
    i = j;
  }
  const negatives = order.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** PR-AUC as average precision: the mean of the precision at the rank of each fraudulent record. */
export function averagePrecision(scores: readonly number[], labels: readonly number[]): number {
  const order = scores.map((s, i) => ({ s, y: labels[i]! })).sort((a, b) => b.s - a.s);
  let tp = 0;
  let sum = 0;
  order.forEach((item, rank) => {
    if (item.y === 1) {
      tp++;
      sum += tp / (rank + 1);
    }
  });
  return tp === 0 ? 0 : sum / tp;
}

/** Log-odds of a probability. */
export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

/**
 * The shift added to a log-odds when the share of fraudulent records moves from `fromPrior`
 * (the training data) to `toPrior` (real-world prevalence): Bayes' rule with the likelihood
 * ratio unchanged.
 */
export function priorShift(fromPrior: number, toPrior: number): number {
  return logit(toPrior) - logit(fromPrior);
}

function plattLoss(zs: readonly number[], targets: readonly number[], a: number, b: number) {
  return zs.reduce((sum, z, i) => {
    const m = a * z + b;
    // log(1 + e^m) - t·m, computed without overflow.
    return sum + Math.max(m, 0) + Math.log1p(Math.exp(-Math.abs(m))) - targets[i]! * m;
  }, 0);
}

function plattStep(zs: readonly number[], targets: readonly number[], a: number, b: number) {
  let [ga, gb, haa, hab, hbb] = [0, 0, 1e-12, 0, 1e-12];
  zs.forEach((z, i) => {
    const p = 1 / (1 + Math.exp(-(a * z + b)));
    const d = p - targets[i]!;
    const w = p * (1 - p);
    [ga, gb] = [ga + d * z, gb + d];
    [haa, hab, hbb] = [haa + w * z * z, hab + w * z, hbb + w];
  });
  const det = haa * hbb - hab * hab;
  return { da: (hbb * ga - hab * gb) / det, db: (haa * gb - hab * ga) / det };
}

/**
 * Platt scaling: fits p = σ(a·z + b) to out-of-fold log-odds `zs` by Newton's method with step
 * halving on the log loss (with Platt's smoothed targets), so that probabilities match observed
 * frequencies.
 */
export function fitPlatt(
  zs: readonly number[],
  labels: readonly number[],
): { a: number; b: number } {
  const positives = labels.filter((y) => y === 1).length;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (labels.length - positives + 2);
  const targets = labels.map((y) => (y === 1 ? hi : lo));
  let [a, b] = [1, 0];
  let loss = plattLoss(zs, targets, a, b);
  for (let iter = 0; iter < 100; iter++) {
    const { da, db } = plattStep(zs, targets, a, b);
    let step = 1;
    while (step > 1e-8 && plattLoss(zs, targets, a - step * da, b - step * db) > loss) {
      step /= 2;
    }
    [a, b] = [a - step * da, b - step * db];
    const next = plattLoss(zs, targets, a, b);
    if (loss - next < 1e-12) {
      break;
    }
    loss = next;
  }
  return { a, b };
}

/** Distinct candidate thresholds: every score, highest first. */
function candidates(scores: readonly number[]): number[] {
  return [...new Set(scores)].sort((x, y) => y - x);
}

/** The threshold with the best fraud-class F1 (the highest such threshold when several tie). */
export function bestF1Threshold(scores: readonly number[], labels: readonly number[]): number {
  let best = { t: 1, f1: -1 };
  for (const t of candidates(scores)) {
    const { f1 } = classMetrics(scores, labels, t);
    if (f1 > best.f1) {
      best = { t, f1 };
    }
  }
  return best.t;
}

/**
 * The lowest threshold whose precision is at least `target` while recall keeps growing: scanning
 * from the top, the last threshold at which precision is still ≥ target. Falls back to the top
 * score when no threshold reaches the target.
 */
export function precisionThreshold(
  scores: readonly number[],
  labels: readonly number[],
  target: number,
): number {
  const all = candidates(scores);
  let chosen = all[0] ?? 1;
  for (const t of all) {
    if (classMetrics(scores, labels, t).precision >= target) {
      chosen = t;
    }
  }
  return chosen;
}
