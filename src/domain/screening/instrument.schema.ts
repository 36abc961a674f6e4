import { z } from 'zod';

/**
 * A screening instrument as data: its indicators, where each comes from, and the rule that
 * combines the answers into a finding. Built-in instruments are JSON files in `instruments/`
 * (SOURCES.md says what each is built from); organisations' own instruments will be stored rows
 * of the same shape. An instrument is never edited in place: a change is a new `version`.
 */

/** One interview string; English is required, the other UI languages are optional. */
const Text = z.string().trim().min(1);
export const LocalizedTextSchema = z.strictObject({
  en: Text,
  th: Text.optional(),
  km: Text.optional(),
  my: Text.optional(),
  vi: Text.optional(),
  id: Text.optional(),
  bn: Text.optional(),
  sw: Text.optional(),
});
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** The three elements of the UN Trafficking Protocol definition (Art. 3(a)). */
export const ELEMENTS = ['act', 'means', 'purpose'] as const;
export const ElementSchema = z.enum(ELEMENTS);
export type Element = z.infer<typeof ElementSchema>;

/** Strongest first. */
export const STRENGTHS = ['strong', 'medium', 'weak'] as const;
export const StrengthSchema = z.enum(STRENGTHS);
export type Strength = z.infer<typeof StrengthSchema>;

export const APPLIES_TO = ['adult', 'child', 'all'] as const;
export const AppliesToSchema = z.enum(APPLIES_TO);
export type AppliesTo = z.infer<typeof AppliesToSchema>;

/** Which rules a screening is scored under: a child's needs no means element. */
export const RULE_SETS = ['adult', 'child'] as const;
export const RuleSetSchema = z.enum(RULE_SETS);
export type RuleSet = z.infer<typeof RuleSetSchema>;

/**
 * Where a weight or a rule comes from: read in the source (`source`), seen only in a third-party
 * transcription of it (`secondary`), decided by the Homeward project because the source gives
 * none (`project_convention`).
 */
export const PROVENANCES = ['source', 'secondary', 'project_convention'] as const;
export const ProvenanceSchema = z.enum(PROVENANCES);
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** How far a source was checked (indicators README, "Status words"). */
export const SourceStatusSchema = z.enum(['verified', 'secondary', 'unverified']);

const KeySchema = z.string().regex(/^[a-z][a-z0-9_]*$/, 'Use lower_snake_case');
const IndicatorIdSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/, 'Use an id like DEL-CD-01');

export const IndicatorSchema = z.strictObject({
  id: IndicatorIdSchema,
  /** A key of the instrument's `dimensions`. */
  dimension: KeySchema,
  /** Present where the instrument groups its indicators by the Protocol's elements. */
  element: ElementSchema.optional(),
  strength: StrengthSchema,
  /** Where the weight comes from; `verified: false` when nobody has read it in the source. */
  strengthBasis: z.strictObject({ provenance: ProvenanceSchema, verified: z.boolean() }),
  appliesTo: AppliesToSchema,
  /** What the caseworker asks, in the interview language. */
  question: LocalizedTextSchema,
  /** What counts as yes: the indicator itself, with examples. */
  help: LocalizedTextSchema,
  /** Keys of the instrument's `sources`. */
  source: z.array(z.string().min(1)).min(1),
});
export type Indicator = z.infer<typeof IndicatorSchema>;

export const InstrumentSourceSchema = z.strictObject({
  key: z.string().regex(/^[A-Z][A-Z0-9_]*$/),
  citation: Text,
  url: z.url().optional(),
  status: SourceStatusSchema,
});

/** At least `atLeast` indicators answered yes whose strength is one of `strengths`. */
export const ThresholdTermSchema = z.strictObject({
  strengths: z.array(StrengthSchema).min(1),
  atLeast: z.number().int().min(1),
});
export type ThresholdTerm = z.infer<typeof ThresholdTermSchema>;

/**
 * When a part is met: any one clause holds, and a clause holds when every term holds. The terms
 * of one clause name disjoint strengths, so no indicator counts twice. Delphi's "one strong and
 * one medium or weak" is `[{ strengths: ['strong'], atLeast: 1 }, { strengths: ['medium',
 * 'weak'], atLeast: 1 }]`. Counting only ever grows with more yes answers, which is what lets the
 * evaluation decide whether unknown answers could change a part.
 */
export const ThresholdSchema = z.strictObject({
  anyOf: z.array(z.array(ThresholdTermSchema).min(1)).min(1),
});
export type Threshold = z.infer<typeof ThresholdSchema>;

/** One scored part: the indicators of an element, or of one or more dimensions. */
export const RulePartSchema = z.strictObject({
  key: KeySchema,
  title: LocalizedTextSchema,
  element: ElementSchema.optional(),
  dimensions: z.array(KeySchema).min(1).optional(),
  /** Overrides the rule's `threshold` for this part. */
  threshold: ThresholdSchema.optional(),
});
export type RulePart = z.infer<typeof RulePartSchema>;

/** The finding needs every requirement; a requirement is met when any of its parts is. */
export const RequirementSchema = z.strictObject({ anyOf: z.array(KeySchema).min(1) });
export type Requirement = z.infer<typeof RequirementSchema>;

export const CombinationRuleSchema = z.strictObject({
  threshold: ThresholdSchema,
  parts: z.array(RulePartSchema).min(1),
  requires: z.strictObject({
    adult: z.array(RequirementSchema).min(1),
    child: z.array(RequirementSchema).min(1),
  }),
  /** The rule in words, for the screen and the report. */
  summary: LocalizedTextSchema,
});
export type CombinationRule = z.infer<typeof CombinationRuleSchema>;

export const INSTRUMENT_KINDS = [
  'legal_elements',
  'forced_labour_indicators',
  'operational_indicators',
  'forced_criminality_indicators',
] as const;

const InstrumentShape = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'Use lower-kebab-case'),
  version: z.number().int().min(1),
  title: LocalizedTextSchema,
  kind: z.enum(INSTRUMENT_KINDS),
  description: LocalizedTextSchema,
  /** How the content may be reused, and by whose leave. */
  licence: Text,
  sources: z.array(InstrumentSourceSchema).min(1),
  dimensions: z.array(z.strictObject({ key: KeySchema, title: LocalizedTextSchema })).min(1),
  /** `project_convention` when the elements were assigned by the project, not the source. */
  elementsProvenance: ProvenanceSchema.optional(),
  rule: CombinationRuleSchema,
  ruleProvenance: ProvenanceSchema,
  /** False when the rule or any weight has not been read in the primary source. */
  verified: z.boolean(),
  /** What is unverified or a project convention, in words, shown with every result. */
  caveats: z.array(LocalizedTextSchema),
  indicators: z.array(IndicatorSchema).min(1),
});

type InstrumentDraft = z.infer<typeof InstrumentShape>;

function duplicates(values: readonly string[]): string[] {
  return values.filter((v, i) => values.indexOf(v) !== i);
}

/** Every cross-reference inside an instrument, as `[path, message]` pairs. */
function crossReferenceIssues(doc: InstrumentDraft): [Array<string | number>, string][] {
  const issues: [Array<string | number>, string][] = [];
  const dims = new Set(doc.dimensions.map((d) => d.key));
  const sources = new Set(doc.sources.map((s) => s.key));
  const parts = new Set(doc.rule.parts.map((p) => p.key));
  for (const id of duplicates(doc.indicators.map((i) => i.id))) {
    issues.push([['indicators'], `Indicator ${id} appears more than once`]);
  }
  for (const key of duplicates(doc.dimensions.map((d) => d.key))) {
    issues.push([['dimensions'], `Dimension ${key} appears more than once`]);
  }
  for (const key of duplicates(doc.rule.parts.map((p) => p.key))) {
    issues.push([['rule', 'parts'], `Part ${key} appears more than once`]);
  }
  doc.indicators.forEach((ind, i) => {
    if (!dims.has(ind.dimension)) {
      issues.push([['indicators', i, 'dimension'], `Unknown dimension ${ind.dimension}`]);
    }
    for (const key of ind.source.filter((s) => !sources.has(s))) {
      issues.push([['indicators', i, 'source'], `Unknown source ${key}`]);
    }
  });
  doc.rule.parts.forEach((part, i) => {
    issues.push(
      ...partIssues(doc, part, dims).map(([p, m]): [Array<string | number>, string] => [
        ['rule', 'parts', i, ...p],
        m,
      ]),
    );
  });
  for (const rules of ['adult', 'child'] as const) {
    doc.rule.requires[rules].forEach((req, i) => {
      for (const key of req.anyOf.filter((k) => !parts.has(k))) {
        issues.push([['rule', 'requires', rules, i], `Unknown part ${key}`]);
      }
    });
  }
  return issues;
}

function partIssues(
  doc: InstrumentDraft,
  part: RulePart,
  dims: ReadonlySet<string>,
): [Array<string | number>, string][] {
  const issues: [Array<string | number>, string][] = [];
  if ((part.element === undefined) === (part.dimensions === undefined)) {
    return [[[], 'A part names either an element or dimensions']];
  }
  for (const key of (part.dimensions ?? []).filter((d) => !dims.has(d))) {
    issues.push([['dimensions'], `Unknown dimension ${key}`]);
  }
  if (!doc.indicators.some((ind) => partSelects(part, ind))) {
    issues.push([[], `Part ${part.key} selects no indicator`]);
  }
  for (const [c, clause] of [...(part.threshold ?? doc.rule.threshold).anyOf.entries()]) {
    const named = clause.flatMap((t) => t.strengths);
    if (duplicates(named).length > 0) {
      issues.push([['threshold', 'anyOf', c], 'The terms of a clause name each strength once']);
    }
  }
  return issues;
}

/** True when `part` scores `indicator` (by element, or by one of its dimensions). */
export function partSelects(part: RulePart, indicator: Indicator): boolean {
  return part.element !== undefined
    ? indicator.element === part.element
    : (part.dimensions?.includes(indicator.dimension) ?? false);
}

/**
 * A whole instrument, with its cross-references checked: unique indicator, dimension and part
 * keys; every dimension, source and part a reference names exists; every part scores at least
 * one indicator; no strength counted twice in a threshold clause.
 */
export const InstrumentSchema = InstrumentShape.superRefine((doc, ctx) => {
  for (const [path, message] of crossReferenceIssues(doc)) {
    ctx.addIssue({ code: 'custom', path, message });
  }
});
export type Instrument = z.infer<typeof InstrumentSchema>;
