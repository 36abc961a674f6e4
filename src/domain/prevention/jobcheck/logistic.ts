import type { Vector } from './features.ts';
import { HASH_DIM } from './text-features.ts';

/**
 * L2-regularised logistic regression on sparse hashed vectors, trained by stochastic gradient
 * descent with AdaGrad step sizes in an order drawn from a seeded generator, so that the same
 * data, options and seed give the same weights bit for bit. No maintained pure-JavaScript library
 * trains sparse million-dimension models; this is the textbook algorithm, kept small and tested.
 */

/** Training options. */
export interface LogisticOptions {
  /** L2 penalty per example step (λ in λ/2·‖w‖²). */
  l2: number;
  epochs: number;
  /** AdaGrad base step size. */
  rate: number;
  seed: number;
}

/** Default options, chosen by cross-validation on EMSCAD (MODEL_CARD.md). */
export const LOGISTIC_DEFAULTS: LogisticOptions = { l2: 1e-5, epochs: 30, rate: 0.5, seed: 13 };

/** A trained model: intercept and one weight per bucket. */
export interface LogisticModel {
  bias: number;
  weights: Float64Array;
}

/** Mulberry32: a small seeded pseudo-random generator (for shuffling, not for secrets). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of 0…n-1 with a seeded generator. */
export function shuffledIndices(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** The logistic function, safe for large |z|. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Log-odds of a vector under weights that may be a typed array of any float width. */
export function logitOf(bias: number, weights: ArrayLike<number>, x: Vector): number {
  let z = bias;
  for (let k = 0; k < x.idx.length; k++) {
    z += weights[x.idx[k]!]! * x.val[k]!;
  }
  return z;
}

/**
 * Trains on vectors `xs` with labels `ys` (1 = fraudulent). The L2 step is applied to the weights
 * an example touches (the usual sparse approximation).
 */
export function trainLogistic(
  xs: readonly Vector[],
  ys: readonly number[],
  options: LogisticOptions = LOGISTIC_DEFAULTS,
): LogisticModel {
  const weights = new Float64Array(HASH_DIM);
  const squares = new Float64Array(HASH_DIM);
  let bias = 0;
  let biasSquares = 0;
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (const i of shuffledIndices(xs.length, random)) {
      const x = xs[i]!;
      const g = sigmoid(logitOf(bias, weights, x)) - ys[i]!;
      for (let k = 0; k < x.idx.length; k++) {
        const j = x.idx[k]!;
        const grad = g * x.val[k]! + options.l2 * weights[j]!;
        squares[j]! += grad * grad;
        weights[j]! -= (options.rate * grad) / Math.sqrt(squares[j]! + 1e-8);
      }
      biasSquares += g * g;
      bias -= (options.rate * g) / Math.sqrt(biasSquares + 1e-8);
    }
  }
  return { bias, weights };
}
