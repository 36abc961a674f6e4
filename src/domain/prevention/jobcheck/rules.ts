import type { JobCheckInput, JobCheckLanguage } from './jobcheck.schema.ts';
import { findPay, namesProfession, payThreshold, type JobKind } from './pay.ts';
import { findPlaces, payRegion, type PlacesFound } from './places.ts';
import { LANGUAGES, NEGATIONS, RULE_DEFS, RULE_PATTERNS, sourceOf } from './rule-data.ts';
import type { RuleDef } from './rules-data.schema.ts';
import { findAll, prepareText, type PreparedText } from './text-match.ts';

/**
 * The scam-compound red-flag rules (issue 13 §3): documented recruitment signs (data/red-flags.json,
 * RF01–RF24) written as patterns in the checker's languages (data/lang/*.json), the destination
 * (data/places.json), the pay (data/pay.json) and combinations of signs (data/rules.json).
 */

/** One rule that fired. */
export interface RuleHit {
  /** Rule id (data/rules.json), e.g. `free_travel_visa`. */
  id: string;
  /** Log-odds the rule adds to the risk (positive). Weights add up: combined signs rise. */
  weight: number;
  /**
   * Where the sign is documented: per flag `RF12 all expenses paid travel and lodging: <the
   * organisations of its sources, '; '-separated>`, flags separated by ` | ` (combinations cite
   * several; the public page folds them as a list).
   */
  source: string;
  /** What in the input made it fire (passages of the text, amounts, places, the channel). */
  matched: string[];
}

interface Evidence {
  texts: PreparedText[];
  input: JobCheckInput;
  places: PlacesFound;
  fired: Map<string, string[]>;
}

function textMatches(rule: RuleDef & { kind: 'text' }, ev: Evidence): string[] {
  const matched = new Set<string>();
  const negations = rule.negatable ? NEGATIONS : undefined;
  for (const pattern of RULE_PATTERNS.get(rule.id) ?? []) {
    for (const text of ev.texts) {
      findAll(text, pattern, 3, negations).forEach((m) => matched.add(m));
    }
  }
  if (ev.input.channel !== undefined && rule.channels?.includes(ev.input.channel)) {
    matched.add(`channel: ${ev.input.channel}`);
  }
  return [...matched].slice(0, 5);
}

/** Signs that the work is the entry-level office or online work scam compounds advertise. */
const BAIT_SIGNS = [
  'bait_job',
  'scam_chat_tasks',
  'typing_language_skills',
  'crypto_gaming_employer',
];

function jobKind(ev: Evidence): JobKind {
  if (BAIT_SIGNS.some((id) => ev.fired.has(id))) {
    return 'bait';
  }
  return ev.texts.some(namesProfession) ? 'professional' : 'unknown';
}

function payMatches(ev: Evidence): string[] {
  const threshold = payThreshold(jobKind(ev), payRegion(ev.places));
  if (threshold === null) {
    return [];
  }
  return ev.texts
    .flatMap(findPay)
    .filter((a) => a.usdPerMonth >= threshold)
    .map((a) => `${a.text} (about USD ${Math.round(a.usdPerMonth).toLocaleString('en')} a month)`);
}

function signal(id: string, ev: Evidence): boolean {
  if (id.startsWith('dest:')) {
    return [...ev.places.keys()].some((tier) => id === `dest:${tier}`);
  }
  return ev.fired.has(id);
}

function matchesOf(rule: RuleDef, ev: Evidence): string[] {
  switch (rule.kind) {
    case 'text':
      return textMatches(rule, ev);
    case 'pay':
      return payMatches(ev);
    case 'destination':
      return rule.tiers.flatMap((t) => ev.places.get(t) ?? []);
    case 'combination':
      return rule.allOf.every((group) => group.some((id) => signal(id, ev)))
        ? rule.allOf.flatMap((group) => group.filter((id) => signal(id, ev)))
        : [];
  }
}

/** Rules in the order they can be decided: phrases, then places, then pay, then combinations. */
const ORDER: Record<RuleDef['kind'], number> = { text: 0, destination: 1, pay: 2, combination: 3 };
const ORDERED = [...RULE_DEFS].sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);

/**
 * Evaluates every red-flag rule on an input. Patterns of every language are tried, since the
 * input does not say its language. The destination comes from the `destination` and `location`
 * fields or from places named in the text; pay is judged against the job and the destination.
 * Returns the rules that fired, strongest first; an empty list when none did.
 * @example evaluateRules({ text: 'Typing job in Sihanoukville, $1,500/month, free flight' })
 */
export function evaluateRules(input: JobCheckInput): RuleHit[] {
  const texts = [input.title, input.text, input.salary, input.location, input.destination]
    .filter((t): t is string => t !== undefined && t.trim() !== '')
    .map(prepareText);
  const places = findPlaces(texts, input.destination);
  const ev: Evidence = { texts, input, places, fired: new Map() };
  const hits: RuleHit[] = [];
  for (const rule of ORDERED) {
    const matched = matchesOf(rule, ev);
    if (matched.length > 0) {
      ev.fired.set(rule.id, matched);
      hits.push({ id: rule.id, weight: rule.weight, source: sourceOf(rule), matched });
    }
  }
  return hits.sort((a, b) => b.weight - a.weight);
}

/**
 * A rule's explanation in plain language the person can act on, in `lang` when written there,
 * else in English. An unknown id gets a generic sentence rather than an error: reasons are shown
 * to the public and must never be blank.
 */
export function ruleText(id: string, lang: JobCheckLanguage): string {
  return (
    LANGUAGES[lang]?.texts[id] ??
    LANGUAGES.en?.texts[id] ??
    'This offer shows a known warning sign of recruitment into scam compounds.'
  );
}
