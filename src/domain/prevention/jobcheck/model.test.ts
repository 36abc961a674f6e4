import { describe, expect, it } from 'vitest';
import { combine, RULE_FLOOR } from './check.ts';
import { sigmoid } from './logistic.ts';
import { logit } from './metrics.ts';
import { calibrate, loadModel, models, riskOf } from './model.ts';
import type { RuleHit } from './rules.ts';

const stored = {
  bias: -1,
  buckets: [5, 2, 10],
  weights: [0.5, -0.25, 2],
  calibration: { a: 2, b: 0.5, shift: -1.5 },
  thresholds: { medium: 0.2, high: 0.6 },
};

describe('model loading', () => {
  it('decodes delta-encoded buckets into weights and the set of known buckets', () => {
    const model = loadModel(stored);
    expect([model.weights[5], model.weights[7], model.weights[17]]).toEqual([0.5, -0.25, 2]);
    expect(model.kept.reduce((s, k) => s + k, 0)).toBe(3);
    expect(model.kept[6]).toBe(0);
  });

  it('refuses a model whose buckets and weights disagree or overflow', () => {
    expect(() => loadModel({ ...stored, weights: [1] })).toThrow(/differ in length/);
    expect(() => loadModel({ ...stored, buckets: [1 << 21], weights: [1] })).toThrow(
      /out of range/,
    );
  });

  it('loads the committed artifact once, with both models and ordered thresholds', () => {
    const first = models();
    expect(models()).toBe(first);
    for (const model of [first.text, first.full]) {
      expect(model.kept.some((k) => k === 1)).toBe(true);
      expect(model.thresholds.medium).toBeLessThanOrEqual(model.thresholds.high);
      expect(model.calibration.shift).toBeCloseTo(
        logit(0.05) - logit(first.artifact.trainPrior),
        3,
      );
    }
    expect(first.artifact.targetPrior).toBe(0.05);
  });
});

describe('calibration and levels', () => {
  it('applies Platt scaling then the prior shift', () => {
    expect(calibrate(stored, 1)).toBe(2 * 1 + 0.5 - 1.5);
  });

  it('maps probabilities to levels at the thresholds (inclusive)', () => {
    expect(riskOf(stored.thresholds, 0.19)).toBe('low');
    expect(riskOf(stored.thresholds, 0.2)).toBe('medium');
    expect(riskOf(stored.thresholds, 0.6)).toBe('high');
  });
});

const hit = (id: string, weight: number): RuleHit => ({ id, weight, source: 'RF', matched: [] });

describe('combining the model with the rules', () => {
  const model = { thresholds: stored.thresholds };

  it('adds the rules’ log-odds to the model’s', () => {
    const result = combine(model, logit(0.1), [hit('a', 0.5), hit('b', 0.4)]);
    expect(result.probability).toBeCloseTo(sigmoid(logit(0.1) + 0.9), 12);
    expect(result.risk).toBe('medium');
  });

  it('gives at least medium, then high, when the rules alone are strong, whatever the model says', () => {
    const medium = combine(model, -20, [hit('tourist_visa_for_work', RULE_FLOOR.medium)]);
    expect(medium).toEqual({ risk: 'medium', probability: stored.thresholds.medium });
    const high = combine(model, -20, [hit('a', 1.5), hit('b', 1.5)]);
    expect(high).toEqual({ risk: 'high', probability: stored.thresholds.high });
  });

  it('lets the model alone raise the level when no rule fired', () => {
    expect(combine(model, logit(0.7), []).risk).toBe('high');
    expect(combine(model, logit(0.01), []).risk).toBe('low');
  });
});
