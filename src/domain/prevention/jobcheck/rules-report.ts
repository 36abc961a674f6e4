import type { FixtureAdvert } from './fixtures/adverts.ts';
import { inputOf } from './fixtures/adverts.ts';
import { RULE_DEFS } from './rule-data.ts';
import { evaluateRules, type RuleHit } from './rules.ts';

/**
 * The red-flag rules' results on labelled adverts (the fixtures), for the report test and
 * `rules-report-main.ts`: how many scam adverts fire a rule and a strong one, and which ordinary
 * adverts fire anything (the false alarms, listed by name).
 */

/** A rule this strong alone (a tourist visa for work, a passport held) is strong, as is any combination. */
export const STRONG_WEIGHT = 1;

const COMBINATIONS = new Set(RULE_DEFS.filter((r) => r.kind === 'combination').map((r) => r.id));
const isStrong = (h: RuleHit): boolean => h.weight >= STRONG_WEIGHT || COMBINATIONS.has(h.id);

/** One advert's result. */
export interface AdvertResult {
  advert: FixtureAdvert;
  hits: RuleHit[];
  /** Sum of the weights of the rules that fired (log-odds). */
  total: number;
  strong: boolean;
}

/** The summary over all adverts. */
export interface RulesReport {
  results: AdvertResult[];
  scam: { count: number; fired: number; strong: number; missed: string[] };
  legit: { count: number; fired: number; strong: number; falseAlarms: string[] };
}

/** Runs the rules on every advert and sums up. */
export function rulesReport(adverts: readonly FixtureAdvert[]): RulesReport {
  const results = adverts.map((advert) => {
    const hits = evaluateRules(inputOf(advert));
    const total = hits.reduce((s, h) => s + h.weight, 0);
    return { advert, hits, total, strong: hits.some(isStrong) };
  });
  const of = (label: 'scam' | 'legit'): AdvertResult[] =>
    results.filter((r) => r.advert.label === label);
  const scam = of('scam');
  const legit = of('legit');
  return {
    results,
    scam: {
      count: scam.length,
      fired: scam.filter((r) => r.hits.length > 0).length,
      strong: scam.filter((r) => r.strong).length,
      missed: scam.filter((r) => r.hits.length === 0).map((r) => r.advert.id),
    },
    legit: {
      count: legit.length,
      fired: legit.filter((r) => r.hits.length > 0).length,
      strong: legit.filter((r) => r.strong).length,
      falseAlarms: legit
        .filter((r) => r.hits.length > 0)
        .map((r) => `${r.advert.id}: ${r.hits.map((h) => h.id).join(', ')}`),
    },
  };
}

/** The report as text: one line per advert, then the summary. */
export function formatRulesReport(report: RulesReport): string {
  const lines = report.results.map(
    (r) =>
      `${r.advert.label.padEnd(5)} ${r.advert.id.padEnd(8)} ${r.total.toFixed(1).padStart(4)} ${
        r.strong ? 'strong' : '      '
      } ${r.hits.map((h) => h.id).join(' ')}`,
  );
  const { scam, legit } = report;
  lines.push(
    '',
    `scam:  ${scam.fired}/${scam.count} fire at least one rule, ${scam.strong}/${scam.count} a strong one (a combination or weight >= ${STRONG_WEIGHT})`,
    `legit: ${legit.fired}/${legit.count} fire any rule, ${legit.strong}/${legit.count} a strong one`,
    ...legit.falseAlarms.map((f) => `  false alarm ${f}`),
    '',
    ...byLanguage(report.results),
  );
  return lines.join('\n');
}

/** Per language: scam adverts with a strong rule, legitimate ones with any rule. */
function byLanguage(results: readonly AdvertResult[]): string[] {
  const langs = [...new Set(results.map((r) => r.advert.lang))];
  return langs.map((lang) => {
    const of = results.filter((r) => r.advert.lang === lang);
    const scam = of.filter((r) => r.advert.label === 'scam');
    const legit = of.filter((r) => r.advert.label === 'legit');
    return `${lang.padEnd(4)} scam ${scam.filter((r) => r.strong).length}/${scam.length} strong, legit ${
      legit.filter((r) => r.hits.length > 0).length
    }/${legit.length} fire any`;
  });
}
