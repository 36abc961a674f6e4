import { describe, expect, it } from 'vitest';
import {
  averagePrecision,
  bestF1Threshold,
  classMetrics,
  fitPlatt,
  logit,
  precisionThreshold,
  priorShift,
  rocAuc,
} from './metrics.ts';
import { seededRandom, sigmoid } from './logistic.ts';

const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];
const labels = [1, 1, 0, 1, 0, 0, 1, 0];

describe('evaluation metrics', () => {
  it('computes fraud-class precision, recall and F1 at a threshold', () => {
    expect(classMetrics(scores, labels, 0.6)).toEqual({ precision: 0.75, recall: 0.75, f1: 0.75 });
    expect(classMetrics(scores, labels, 0.95)).toEqual({ precision: 1, recall: 0, f1: 0 });
  });

  it('computes ROC-AUC as the share of fraud–legitimate pairs ranked right (ties half)', () => {
    // Pairs ranked right: 4 + 4 + 3 + 1 = 12 of 16.
    expect(rocAuc(scores, labels)).toBe(12 / 16);
    expect(rocAuc([0.5, 0.5], [1, 0])).toBe(0.5);
  });

  it('computes average precision from the precision at each fraudulent rank', () => {
    expect(averagePrecision(scores, labels)).toBeCloseTo((1 + 1 + 3 / 4 + 4 / 7) / 4, 12);
  });

  it('chooses the best-F1 threshold and the lowest threshold with precision ≥ target', () => {
    // F1 at 0.6 is 0.75; at 0.3 it is 8/11 ≈ 0.727; at 0.8 it is 2/3.
    expect(bestF1Threshold(scores, labels)).toBe(0.6);
    expect(precisionThreshold(scores, labels, 0.9)).toBe(0.8);
    expect(precisionThreshold([0.9, 0.1], [0, 1], 0.9)).toBe(0.9);
  });
});

describe('calibration', () => {
  it('shifts log-odds by Bayes’ rule from the training share to real-world prevalence', () => {
    const shift = priorShift(0.2168, 0.05);
    expect(shift).toBeCloseTo(logit(0.05) - logit(0.2168), 12);
    // An advert at the training prior lands at the target prior.
    expect(sigmoid(logit(0.2168) + shift)).toBeCloseTo(0.05, 12);
    expect(priorShift(0.3, 0.3)).toBe(0);
  });

  it('fits Platt scaling that recovers the slope and intercept of the data', () => {
    const random = seededRandom(7);
    const zs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const z = (random() - 0.5) * 10;
      zs.push(z);
      ys.push(random() < sigmoid(0.5 * z - 1) ? 1 : 0);
    }
    const { a, b } = fitPlatt(zs, ys);
    expect(a).toBeCloseTo(0.5, 1);
    expect(b).toBeCloseTo(-1, 1);
  });

  it('stays finite on perfectly separated scores', () => {
    const { a, b } = fitPlatt([-3, -2, 2, 3], [0, 0, 1, 1]);
    expect(Number.isFinite(a) && Number.isFinite(b)).toBe(true);
    expect(sigmoid(3 * a + b)).toBeLessThan(1);
  });
});
