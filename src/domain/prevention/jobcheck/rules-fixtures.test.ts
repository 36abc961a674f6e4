import { describe, expect, it } from 'vitest';
import { FIXTURE_ADVERTS } from './fixtures/adverts.ts';
import { formatRulesReport, rulesReport } from './rules-report.ts';

const report = rulesReport(FIXTURE_ADVERTS);

describe('red-flag rules on the fixture adverts', () => {
  it('has at least 60 adverts, scam and legit, in at least 8 languages', () => {
    expect(FIXTURE_ADVERTS.length).toBeGreaterThanOrEqual(60);
    expect(report.scam.count).toBeGreaterThanOrEqual(30);
    expect(report.legit.count).toBeGreaterThanOrEqual(25);
    expect(new Set(FIXTURE_ADVERTS.map((a) => a.lang)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(FIXTURE_ADVERTS.map((a) => a.id)).size).toBe(FIXTURE_ADVERTS.length);
  });

  it('fires at least one rule on every scam advert, and a strong one on most', () => {
    expect(report.scam.missed).toEqual([]);
    expect(report.scam.strong / report.scam.count).toBeGreaterThanOrEqual(0.85);
  });

  it('fires no strong rule on a legitimate advert, and any rule on few (listed)', () => {
    expect(report.legit.strong).toBe(0);
    // Known weak false alarms: a sign that is real but common in ordinary adverts too.
    expect(report.legit.falseAlarms.map((f) => f.split(':')[0])).toEqual([
      'en-l07', // customer service (bait title) in Manila, at an ordinary wage
      'en-l10', // a real hotel job in Phnom Penh (hotspot destination alone)
      'th-l05', // a Bangkok restaurant that takes applications over Line
      'en-l13', // cruise line: free flights to join the ship
      'vi-l04', // customer service in Ho Chi Minh City, contact over Zalo
      'id-l04', // customer service in Jakarta
      'zh-l03', // Chinese-speaking customer service in Bangkok at THB 30,000
      'en-l14', // an NGO job in Mae Sot (hotspot destination alone)
      'km-l02', // a garment factory in Phnom Penh, for Cambodians (hotspot destination alone)
      'en-l15', // a teacher in Yangon (hotspot destination alone)
      'en-l16', // a call centre in Phnom Penh with a free first month's housing (three weak signs)
      'th-l06', // a hotel in Phnom Penh with food and lodging (two weak signs)
    ]);
    expect(report.legit.fired / report.legit.count).toBeLessThanOrEqual(0.3);
  });

  it('ranks scam adverts above legitimate ones (sum of weights; share of pairs, ties half)', () => {
    const totals = (label: string) =>
      report.results.filter((r) => r.advert.label === label).map((r) => r.total);
    const scam = totals('scam');
    const legit = totals('legit');
    const wins = scam.flatMap((s) => legit.map((l) => (s > l ? 1 : s === l ? 0.5 : 0)));
    const auc = wins.reduce<number>((x, y) => x + y, 0) / wins.length;
    console.log(`pairwise ranking (ROC AUC) of the rules' sum on the fixtures: ${auc.toFixed(3)}`);
    expect(auc).toBeGreaterThanOrEqual(0.97);
  });

  it('prints the report', () => {
    const text = formatRulesReport(report);
    console.log(text);
    expect(text).toContain(`scam:  ${report.scam.fired}/${report.scam.count}`);
  });
});
