import { type FieldIssue, validationFailed } from '@/lib/errors.ts';
import {
  type Indicator,
  type Instrument,
  partSelects,
  type RulePart,
  type RuleSet,
  STRENGTHS,
  type Strength,
  type Threshold,
} from './instrument.schema.ts';
import type {
  AnswerValue,
  Finding,
  PartResult,
  PartStatus,
  ScreeningAnswer,
  ScreeningEvaluation,
} from './screening.schema.ts';

type Counts = Record<Strength, number>;

interface CompiledPart {
  key: string;
  threshold: Threshold;
  indicators: readonly Indicator[];
}

interface Compiled {
  ids: ReadonlySet<string>;
  parts: Record<RuleSet, readonly CompiledPart[]>;
}

/** Parts and their indicators per rule set, worked out once per (immutable) instrument. */
const COMPILED = new WeakMap<Instrument, Compiled>();

function compile(instrument: Instrument): Compiled {
  const cached = COMPILED.get(instrument);
  if (cached) {
    return cached;
  }
  const partsFor = (rules: RuleSet) =>
    instrument.rule.parts.map((part: RulePart) => ({
      key: part.key,
      threshold: part.threshold ?? instrument.rule.threshold,
      indicators: instrument.indicators.filter(
        (ind) => partSelects(part, ind) && (ind.appliesTo === 'all' || ind.appliesTo === rules),
      ),
    }));
  const compiled: Compiled = {
    ids: new Set(instrument.indicators.map((ind) => ind.id)),
    parts: { adult: partsFor('adult'), child: partsFor('child') },
  };
  COMPILED.set(instrument, compiled);
  return compiled;
}

/** The answers by indicator id; throws validation_failed for an unknown or repeated indicator. */
function indexAnswers(
  ids: ReadonlySet<string>,
  answers: readonly ScreeningAnswer[],
): Map<string, AnswerValue> {
  const byId = new Map<string, AnswerValue>();
  const issues: FieldIssue[] = [];
  answers.forEach(({ indicatorId, answer }, i) => {
    if (!ids.has(indicatorId)) {
      issues.push({
        path: `answers.${i}.indicatorId`,
        message: `Unknown indicator ${indicatorId}`,
      });
    } else if (byId.has(indicatorId)) {
      issues.push({
        path: `answers.${i}.indicatorId`,
        message: `${indicatorId} is answered twice`,
      });
    } else {
      byId.set(indicatorId, answer);
    }
  });
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
  return byId;
}

function holds(threshold: Threshold, counts: Counts): boolean {
  return threshold.anyOf.some((clause) =>
    clause.every((term) => term.strengths.reduce((n, s) => n + counts[s], 0) >= term.atLeast),
  );
}

/**
 * A part's status. Counting is monotone (a yes more never unmeets a part), so it is met when the
 * yes answers alone meet it, not met when even every unknown answered yes would not, and
 * undetermined in between: exactly when the unknown answers could change it.
 */
function scorePart(part: CompiledPart, answers: ReadonlyMap<string, AnswerValue>): PartResult {
  const yes: Counts = { strong: 0, medium: 0, weak: 0 };
  const possible: Counts = { strong: 0, medium: 0, weak: 0 };
  const by: Record<AnswerValue, string[]> = { yes: [], no: [], unknown: [] };
  for (const ind of part.indicators) {
    const answer = answers.get(ind.id) ?? 'unknown';
    by[answer].push(ind.id);
    if (answer === 'yes') {
      yes[ind.strength] += 1;
    }
    if (answer !== 'no') {
      possible[ind.strength] += 1;
    }
  }
  const status: PartStatus = holds(part.threshold, yes)
    ? 'met'
    : holds(part.threshold, possible)
      ? 'undetermined'
      : 'not_met';
  const drivers = status === 'met' ? by.yes : status === 'not_met' ? by.no : by.unknown;
  return { key: part.key, status, drivers };
}

/** Any of the parts: met if one is met, not met if all are not met, else undetermined. */
function anyOf(statuses: readonly PartStatus[]): PartStatus {
  if (statuses.includes('met')) {
    return 'met';
  }
  return statuses.every((s) => s === 'not_met') ? 'not_met' : 'undetermined';
}

function findingOf(instrument: Instrument, rules: RuleSet, parts: readonly PartResult[]): Finding {
  const status = new Map(parts.map((p) => [p.key, p.status]));
  const requirements = instrument.rule.requires[rules].map((req) =>
    anyOf(req.anyOf.map((key) => status.get(key) ?? 'not_met')),
  );
  if (requirements.every((s) => s === 'met')) {
    return 'indicators_present';
  }
  return requirements.includes('not_met') ? 'insufficient_indicators' : 'undetermined';
}

function strongestYes(parts: readonly CompiledPart[], answers: ReadonlyMap<string, AnswerValue>) {
  let best: Strength | null = null;
  for (const part of parts) {
    for (const ind of part.indicators) {
      if (answers.get(ind.id) === 'yes' && (best === null || rank(ind.strength) < rank(best))) {
        best = ind.strength;
      }
    }
  }
  return best;
}

function rank(strength: Strength): number {
  return STRENGTHS.indexOf(strength);
}

/**
 * Scores a screening under the adult or the child rules: the status of each part of the
 * instrument's rule with the answers that decided it, one overall finding, and the strength of
 * the strongest indicator answered yes. Pure and deterministic: the same instrument, answers and
 * rules always give the same result.
 *
 * An indicator left out counts as `unknown`, and unknown is never read as `no`: a part is
 * `undetermined` when the unknown answers could change its status. Indicators that do not apply
 * under `rules` (an adult-only weight in a child's screening) are not scored.
 *
 * @throws AppError `validation_failed` when an answer names an indicator the instrument does not
 *   have, or answers one twice (nothing is scored).
 * @example
 *   evaluateScreening(palermo, [{ indicatorId: 'PAL-01', answer: 'yes' },
 *     { indicatorId: 'PAL-03', answer: 'yes' }], 'child').finding // 'indicators_present'
 */
export function evaluateScreening(
  instrument: Instrument,
  answers: readonly ScreeningAnswer[],
  rules: RuleSet,
): ScreeningEvaluation {
  const compiled = compile(instrument);
  const byId = indexAnswers(compiled.ids, answers);
  const partsFor = compiled.parts[rules];
  const parts = partsFor.map((part) => scorePart(part, byId));
  return {
    rules,
    finding: findingOf(instrument, rules, parts),
    strength: strongestYes(partsFor, byId),
    parts,
  };
}
