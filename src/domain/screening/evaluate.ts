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

/** An index into `STRENGTHS`: 0 strong, 1 medium, 2 weak. */
type Rank = 0 | 1 | 2;
/** Counts per strength, indexed by rank. */
type Counts = [number, number, number];

/** Answers by indicator position: 0 when left out, else the code of the answer. */
const LEFT_OUT = 0;
const CODE = { yes: 1, no: 2, unknown: 3 } as const satisfies Record<AnswerValue, number>;

interface CompiledPart {
  key: string;
  /** The threshold's clauses, each term as the ranks it counts and its minimum. */
  clauses: readonly (readonly { ranks: readonly Rank[]; atLeast: number }[])[];
  /** The indicators the part scores under one rule set; `at` is the position in the instrument. */
  indicators: readonly { id: string; at: number; rank: Rank }[];
}

interface Compiled {
  /** Position of each indicator in the instrument, by id. */
  positions: ReadonlyMap<string, number>;
  parts: Record<RuleSet, readonly CompiledPart[]>;
  /** Per rule set, each requirement as the positions of its parts in `parts`. */
  requires: Record<RuleSet, readonly (readonly number[])[]>;
}

/**
 * Parts, indicators and requirements per rule set, worked out once per instrument (instruments
 * are parsed once and never changed: a change is a new version).
 */
const COMPILED = new WeakMap<Instrument, Compiled>();

function rank(strength: Strength): Rank {
  return STRENGTHS.indexOf(strength) as Rank;
}

function appliesUnder(indicator: Indicator, rules: RuleSet): boolean {
  return indicator.appliesTo === 'all' || indicator.appliesTo === rules;
}

function compileThreshold(threshold: Threshold): CompiledPart['clauses'] {
  return threshold.anyOf.map((clause) =>
    clause.map((term) => ({ ranks: term.strengths.map(rank), atLeast: term.atLeast })),
  );
}

function compile(instrument: Instrument): Compiled {
  const cached = COMPILED.get(instrument);
  if (cached) {
    return cached;
  }
  const partsFor = (rules: RuleSet): CompiledPart[] =>
    instrument.rule.parts.map((part: RulePart) => ({
      key: part.key,
      clauses: compileThreshold(part.threshold ?? instrument.rule.threshold),
      indicators: instrument.indicators
        .map((ind, at) => ({ id: ind.id, at, rank: rank(ind.strength), ind }))
        .filter(({ ind }) => partSelects(part, ind) && appliesUnder(ind, rules))
        .map(({ id, at, rank }) => ({ id, at, rank })),
    }));
  const keys = instrument.rule.parts.map((p) => p.key);
  const requiresFor = (rules: RuleSet) =>
    instrument.rule.requires[rules].map((req) => req.anyOf.map((key) => keys.indexOf(key)));
  const compiled: Compiled = {
    positions: new Map(instrument.indicators.map((ind, at) => [ind.id, at])),
    parts: { adult: partsFor('adult'), child: partsFor('child') },
    requires: { adult: requiresFor('adult'), child: requiresFor('child') },
  };
  COMPILED.set(instrument, compiled);
  return compiled;
}

/**
 * The answers' codes by indicator position. Throws validation_failed, naming every offending
 * answer, for an indicator the instrument does not have or one answered twice.
 */
function indexAnswers(compiled: Compiled, answers: readonly ScreeningAnswer[]): Uint8Array {
  const codes = new Uint8Array(compiled.positions.size);
  const issues: FieldIssue[] = [];
  for (let i = 0; i < answers.length; i += 1) {
    const { indicatorId, answer } = answers[i]!;
    const at = compiled.positions.get(indicatorId);
    const path = `answers.${i}.indicatorId`;
    if (at === undefined) {
      issues.push({ path, message: `Unknown indicator ${indicatorId}` });
    } else if (codes[at] !== LEFT_OUT) {
      issues.push({ path, message: `${indicatorId} is answered twice` });
    } else {
      codes[at] = CODE[answer];
    }
  }
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
  return codes;
}

function holds(clauses: CompiledPart['clauses'], counts: Counts): boolean {
  return clauses.some((clause) =>
    clause.every((term) => {
      let n = 0;
      for (const r of term.ranks) {
        n += counts[r];
      }
      return n >= term.atLeast;
    }),
  );
}

/**
 * A part's status. Counting is monotone (a yes more never unmeets a part), so it is met when the
 * yes answers alone meet it, not met when even every unknown answered yes would not, and
 * undetermined in between: exactly when the unknown answers could change it.
 */
function scorePart(part: CompiledPart, codes: Uint8Array): PartResult {
  const yes: Counts = [0, 0, 0];
  const possible: Counts = [0, 0, 0];
  for (const ind of part.indicators) {
    const code = codes[ind.at];
    if (code === CODE.yes) {
      yes[ind.rank] += 1;
    }
    if (code !== CODE.no) {
      possible[ind.rank] += 1;
    }
  }
  const status: PartStatus = holds(part.clauses, yes)
    ? 'met'
    : holds(part.clauses, possible)
      ? 'undetermined'
      : 'not_met';
  const decisive = status === 'met' ? CODE.yes : status === 'not_met' ? CODE.no : CODE.unknown;
  const drivers: string[] = [];
  for (const ind of part.indicators) {
    const code = codes[ind.at] === LEFT_OUT ? CODE.unknown : codes[ind.at];
    if (code === decisive) {
      drivers.push(ind.id);
    }
  }
  return { key: part.key, status, drivers };
}

/** Any of the parts: met if one is met, not met if all are not met, else undetermined. */
function anyOf(statuses: readonly PartStatus[]): PartStatus {
  if (statuses.includes('met')) {
    return 'met';
  }
  return statuses.every((s) => s === 'not_met') ? 'not_met' : 'undetermined';
}

function findingOf(requires: Compiled['requires'][RuleSet], parts: readonly PartResult[]): Finding {
  const requirements = requires.map((req) => anyOf(req.map((i) => parts[i]!.status)));
  if (requirements.every((s) => s === 'met')) {
    return 'indicators_present';
  }
  return requirements.includes('not_met') ? 'insufficient_indicators' : 'undetermined';
}

/** The strength of the strongest indicator answered yes that a part scores, or null. */
function strongestYes(parts: readonly CompiledPart[], codes: Uint8Array): Strength | null {
  let best: number = STRENGTHS.length;
  for (const part of parts) {
    for (const ind of part.indicators) {
      if (ind.rank < best && codes[ind.at] === CODE.yes) {
        best = ind.rank;
      }
    }
  }
  return (STRENGTHS as readonly Strength[])[best] ?? null;
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
  const codes = indexAnswers(compiled, answers);
  const partsFor = compiled.parts[rules];
  const parts = partsFor.map((part) => scorePart(part, codes));
  return {
    rules,
    finding: findingOf(compiled.requires[rules], parts),
    strength: strongestYes(partsFor, codes),
    parts,
  };
}
