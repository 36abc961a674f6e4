import { PAY } from './rule-data.ts';
import { compilePatterns, findAll, prepareText, type PreparedText } from './text-match.ts';

/**
 * Reads amounts of pay in an advert ("$1,500/month", "฿50,000", "月薪 1万", "15 triệu",
 * "Rp 12 juta per bulan") and converts them to USD a month, to judge whether pay is far above
 * the norm for the job and the destination (rule `high_pay`, RF01). Rates and thresholds are in
 * data/pay.json; an amount without a currency (said or implied by a word like `triệu`) is skipped.
 */

export interface PayAmount {
  /** The passage as written (normalised). */
  text: string;
  usdPerMonth: number;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alternation = (tokens: readonly string[]): string =>
  [...tokens]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');

const CURRENCY_OF = new Map(PAY.currencies.flatMap((c) => c.tokens.map((t) => [t, c] as const)));
const MULT_OF = new Map(PAY.multipliers.flatMap((m) => m.tokens.map((t) => [t, m] as const)));
const CUR = alternation([...CURRENCY_OF.keys()]);
const MULT = alternation([...MULT_OF.keys()]);
/** A tail that must not follow a letter token (`5 triệu` yes, `5 trips` no). */
const END = '(?![\\p{Script=Latin}])';
const AMOUNT = new RegExp(
  `(?<pre>${CUR})?\\s?(?<num>\\d{1,3}(?:[,.\\s]\\d{3})+|\\d+(?:[.,]\\d{1,2})?)\\s?(?:(?<mult>${MULT})${END})?\\s?(?:(?<post>${CUR})${END})?`,
  'gu',
);
const PERIODS = PAY.periods.map((p) => ({ months: p.months, res: compilePatterns(p.tokens) }));

/** "1,500" and "1.500" and "1 500" are 1500; "1,5" and "1.5" are 1.5. */
function parseNumber(raw: string): number {
  if (/^\d{1,3}(?:[,.\s]\d{3})+$/u.test(raw)) {
    return Number(raw.replace(/[,.\s]/gu, ''));
  }
  return Number(raw.replace(',', '.'));
}

/** An amount this large (USD) with no period said is a year's pay, not a month's. */
const YEARLY_FROM_USD = 12_000;
/** Above this (USD a month) an amount is not pay (a company's turnover, a prize). */
const MAX_PAY_USD = 100_000;

/**
 * The period an amount is paid for, in months, from the words just around it; when none is
 * said, a month, or a year for a large amount (`$40,000`).
 */
function monthsOf(prepared: PreparedText, start: number, end: number): number | undefined {
  const window = prepareText(prepared.normal.slice(Math.max(0, start - 8), end + 14));
  const hit = PERIODS.find((p) => p.res.some((re) => findAll(window, re, 1).length > 0));
  return hit?.months;
}

/** Every amount of pay with a known currency, in USD a month. */
export function findPay(prepared: PreparedText): PayAmount[] {
  const amounts: PayAmount[] = [];
  for (const m of prepared.normal.matchAll(AMOUNT)) {
    const g = m.groups ?? {};
    const mult = g.mult === undefined ? undefined : MULT_OF.get(g.mult);
    const currency =
      CURRENCY_OF.get(g.pre ?? g.post ?? '') ??
      PAY.currencies.find((c) => c.code === mult?.currency);
    if (!currency || g.num === undefined) {
      continue;
    }
    const value = parseNumber(g.num) * (mult?.factor ?? 1) * currency.usdRate;
    const months =
      monthsOf(prepared, m.index, m.index + m[0].length) ?? (value >= YEARLY_FROM_USD ? 12 : 1);
    if (value / months <= MAX_PAY_USD) {
      amounts.push({ text: m[0].trim(), usdPerMonth: value / months });
    }
  }
  return amounts;
}

/** The kind of job pay is judged against. */
export type JobKind = keyof typeof PAY.thresholdsUsdPerMonth;

/** The monthly USD above which pay is far above the norm; null = never for this job and place. */
export function payThreshold(
  kind: JobKind,
  region: 'region' | 'high_income' | 'other',
): number | null {
  return PAY.thresholdsUsdPerMonth[kind][region];
}

const PROFESSIONAL = compilePatterns(PAY.professionalJobs);

/** Whether the advert names a skilled profession (nurse, engineer …) whose pay is high anyway. */
export function namesProfession(prepared: PreparedText): boolean {
  return PROFESSIONAL.some((p) => findAll(prepared, p, 1).length > 0);
}
