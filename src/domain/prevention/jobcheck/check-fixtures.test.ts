import { describe, expect, it } from 'vitest';
import { checkJob, RULE_FLOOR } from './index.ts';
import { FIXTURE_ADVERTS, inputOf } from './fixtures/adverts.ts';
import type { JobRisk } from './jobcheck.schema.ts';
import { evaluateRules } from './rules.ts';

/** The fixture adverts through the whole checker (model and rules), in their own language. */
const results = FIXTURE_ADVERTS.map((advert) => ({
  advert,
  result: checkJob(inputOf(advert), advert.lang),
  ruleSum: evaluateRules(inputOf(advert)).reduce((s, h) => s + h.weight, 0),
}));

function tally(label: 'scam' | 'legit'): Record<JobRisk, number> {
  const counts: Record<JobRisk, number> = { low: 0, medium: 0, high: 0 };
  for (const r of results.filter((x) => x.advert.label === label)) {
    counts[r.result.risk] += 1;
  }
  return counts;
}

describe('checkJob on the fixture adverts', () => {
  it('rates every scam-compound advert medium or high, nearly all high', () => {
    const scam = tally('scam');
    console.log('scam risk levels', scam, 'legit risk levels', tally('legit'));
    expect(scam.low).toBe(0);
    expect(scam.high / (scam.low + scam.medium + scam.high)).toBeGreaterThanOrEqual(0.9);
  });

  it('rates most legitimate adverts low', () => {
    const legit = tally('legit');
    expect(legit.low / (legit.low + legit.medium + legit.high)).toBeGreaterThanOrEqual(0.5);
    expect(legit.high).toBeLessThanOrEqual(2);
  });

  it('never lifts a legitimate advert by the rules alone to high, and to medium only en-l16', () => {
    const legit = results.filter((x) => x.advert.label === 'legit');
    expect(legit.filter((r) => r.ruleSum >= RULE_FLOOR.high)).toEqual([]);
    // A call centre in Phnom Penh with free housing: three documented signs, weak each.
    expect(legit.filter((r) => r.ruleSum >= RULE_FLOOR.medium).map((r) => r.advert.id)).toEqual([
      'en-l16',
    ]);
  });

  it('gives each scam advert its rule reasons with sources, and advice, in its language', () => {
    for (const { advert, result } of results.filter((x) => x.advert.label === 'scam')) {
      const rules = result.reasons.filter((r) => r.kind === 'rule');
      expect(rules.length, advert.id).toBeGreaterThan(0);
      expect(
        rules.every((r) => r.source?.startsWith('RF')),
        advert.id,
      ).toBe(true);
      expect(result.advice.length, advert.id).toBeGreaterThanOrEqual(5);
    }
    const th = results.find((x) => x.advert.id === 'th-s01')!.result;
    expect(th.advice.map((a) => a.text).join(' ')).toContain('ครอบครัว');
  });
});
