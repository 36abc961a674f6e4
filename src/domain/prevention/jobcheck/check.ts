import { adviceFor } from './advice.ts';
import {
  ENGINEERED,
  type EmscadRecord,
  type RawDoc,
  rawRecordDoc,
  rawTextDoc,
} from './features.ts';
import { signalWeight, type TextContributions, topWords, wordContributions } from './explain.ts';
import type {
  JobCheckInput,
  JobCheckLanguage,
  JobCheckReason,
  JobCheckResult,
  JobRisk,
} from './jobcheck.schema.ts';
import { logitOf, sigmoid } from './logistic.ts';
import { logit } from './metrics.ts';
import { modelReasonText, type ModelReasonKey } from './model-reasons.ts';
import { calibrate, type LoadedModel, models, modelVector, riskOf } from './model.ts';
import { emptyParts } from './text-features.ts';
import { evaluateRules, type RuleHit, ruleText } from './rules.ts';

/**
 * The job-offer checker's engine (issue 13 §1, §3). Design:
 * - The served model reads only the text a person gives (with the optional title, location,
 *   salary and destination); it never sees EMSCAD's company profile, logo or screening flags, so
 *   a pasted advert is not judged as if those were missing.
 * - Its log-odds are calibrated (Platt scaling out of fold, then a prior shift from EMSCAD's
 *   training share to ~5 % real-world prevalence). When many words are unknown to the model (a
 *   language other than English), the model's part is pulled towards that prior (COVERAGE).
 * - The red-flag rules add their weights (log-odds) to it: probability = σ(model + Σ rules).
 * - Floors: rules alone worth ≥ RULE_FLOOR.medium give at least `medium`, ≥ RULE_FLOOR.high give
 *   `high`, whatever the model says; the probability is raised to the level's threshold then.
 * - Levels are thresholds on that probability: `medium` at the best cross-validated F1, `high`
 *   at a cross-validated precision ≥ 0.9 (model card).
 */

/** Sum of rule weights (log-odds) that sets a floor under the risk level. */
export const RULE_FLOOR = { medium: 1.5, high: 3 } as const;
/**
 * Share of words the model knows below which its judgement does not count, and at and above
 * which it counts in full (linear between): a Thai or Khmer text is judged by the rules.
 */
export const COVERAGE = { none: 0.3, full: 0.8 } as const;
/**
 * Known words below which the model's judgement is pulled towards the prior in proportion: a
 * word or two ("hello", "x") is no evidence either way, and the model's intercept alone would
 * read as `medium`.
 */
export const EVIDENCE_WORDS = 8;
/** Reasons from the model smaller than this (log-odds) are not shown. */
const MIN_REASON_WEIGHT = 0.05;

/** The text the served model reads: the optional fields first, as in a pasted advert. */
export function servedText(input: JobCheckInput): string {
  return [input.title, input.location, input.destination, input.salary, input.text]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .join('\n');
}

/** Indicators worth naming when they lower the risk (a contact detail given, as genuine adverts do). */
const SHOWN_WHEN_LOWERING = new Set(['contact_email', 'contact_url', 'contact_phone']);

interface ModelPart {
  logOdds: number;
  reasons: JobCheckReason[];
}

function modelReason(
  key: ModelReasonKey,
  weight: number,
  lang: JobCheckLanguage,
  words?: string[],
) {
  const id = `model.${key.replace(/_(?:up|down)$/, '')}`;
  return { kind: 'model' as const, id, text: modelReasonText(key, lang, words), weight };
}

/** Reasons from the model: the words that moved it most, each way, and the indicators that fired. */
function modelReasons(
  model: LoadedModel,
  doc: RawDoc,
  contributions: TextContributions,
  view: { scale: number; lang: JobCheckLanguage },
): JobCheckReason[] {
  const { scale, lang } = view;
  const reasons: JobCheckReason[] = [];
  const up = topWords(contributions, 1);
  const down = topWords(contributions, -1);
  if (up.words.length > 0) {
    reasons.push(modelReason('words_fraud', up.weight * scale, lang, up.words));
  }
  if (down.words.length > 0) {
    reasons.push(modelReason('words_genuine', down.weight * scale, lang, down.words));
  }
  for (const signal of doc.signals.filter((s) => s in ENGINEERED)) {
    const w = signalWeight(model, signal) * scale;
    if (w >= 0 || SHOWN_WHEN_LOWERING.has(signal)) {
      reasons.push(modelReason(`${signal}_${w >= 0 ? 'up' : 'down'}` as ModelReasonKey, w, lang));
    }
  }
  return reasons.filter((r) => Math.abs(r.weight) >= MIN_REASON_WEIGHT);
}

function modelPart(
  model: LoadedModel,
  targetPrior: number,
  text: string,
  lang: JobCheckLanguage,
): ModelPart {
  const parts = emptyParts();
  const doc = rawTextDoc(text, parts);
  const calibrated = calibrate(model, logitOf(model.bias, model.weights, modelVector(model, doc)));
  const contributions = wordContributions(model, doc, parts);
  const { none, full } = COVERAGE;
  const read = Math.min(1, Math.max(0, (contributions.coverage - none) / (full - none)));
  const evidence = Math.min(1, contributions.knownWords / EVIDENCE_WORDS);
  const trust = read * evidence;
  // What the model says of a text it cannot read: the real-world prior.
  const prior = logit(targetPrior);
  // Contributions are raw log-odds; Platt's slope and the trust put them on the shown scale.
  const reasons = modelReasons(model, doc, contributions, {
    scale: model.calibration.a * trust,
    lang,
  });
  if (read < 1) {
    reasons.push(modelReason('language_not_covered', 0, lang));
  } else if (evidence < 1) {
    reasons.push(modelReason('too_little_text', 0, lang));
  }
  return { logOdds: prior + trust * (calibrated - prior), reasons };
}

function floorOf(hits: readonly RuleHit[]): JobRisk {
  const sum = hits.reduce((s, h) => s + h.weight, 0);
  if (sum >= RULE_FLOOR.high) {
    return 'high';
  }
  return sum >= RULE_FLOOR.medium ? 'medium' : 'low';
}

const LEVEL: Record<JobRisk, number> = { low: 0, medium: 1, high: 2 };

/** Combines the model's log-odds with the rules: the level and the probability shown. */
export function combine(
  model: Pick<LoadedModel, 'thresholds'>,
  modelLogOdds: number,
  hits: readonly RuleHit[],
): { risk: JobRisk; probability: number } {
  const probability = sigmoid(modelLogOdds + hits.reduce((s, h) => s + h.weight, 0));
  const byProbability = riskOf(model.thresholds, probability);
  const floor = floorOf(hits);
  if (LEVEL[floor] <= LEVEL[byProbability]) {
    return { risk: byProbability, probability };
  }
  const atLeast = floor === 'high' ? model.thresholds.high : model.thresholds.medium;
  return { risk: floor, probability: Math.max(probability, atLeast) };
}

const rounded = (x: number) => Math.round(x * 1e4) / 1e4;

/**
 * Checks a job offer: risk level, calibrated probability, the reasons (rules that fired with
 * their source, then the model's features that moved the score most) and advice, in `lang`.
 * In process and offline; the model is read from disk on the first call only.
 * @example checkJob({ text: 'Typing job in Sihanoukville, $1,500/month, free flight' }, 'th')
 */
export function checkJob(input: JobCheckInput, lang: JobCheckLanguage): JobCheckResult {
  const { text: model, artifact } = models();
  const part = modelPart(model, artifact.targetPrior, servedText(input), lang);
  const hits = evaluateRules(input);
  const { risk, probability } = combine(model, part.logOdds, hits);
  const ruleReasons: JobCheckReason[] = hits.map((h) => ({
    kind: 'rule',
    id: h.id,
    text: ruleText(h.id, lang),
    source: h.source,
    weight: rounded(h.weight),
  }));
  const modelReasons = part.reasons
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .map((r) => ({ ...r, weight: rounded(r.weight) }));
  return {
    risk,
    probability: rounded(probability),
    reasons: [...ruleReasons, ...modelReasons],
    advice: adviceFor(hits, risk, lang),
  };
}

/**
 * Scores one EMSCAD record with the CSV model (text and structured fields; no rules, which are
 * written for scam-compound recruitment, not EMSCAD's general fraud): calibrated probability and
 * level.
 */
export function scoreRecord(record: EmscadRecord): { probability: number; risk: JobRisk } {
  const model = models().full;
  const doc = rawRecordDoc(record);
  const probability = sigmoid(
    calibrate(model, logitOf(model.bias, model.weights, modelVector(model, doc))),
  );
  return { probability, risk: riskOf(model.thresholds, probability) };
}
