import {
  INSTRUMENT_LANGS,
  type Element,
  type Indicator,
  type Instrument,
  type InstrumentLang,
  type LocalizedText,
  type Provenance,
  type RulePart,
  type SourceStatus,
  type Strength,
  type Threshold,
  type AppliesTo,
} from './instruments.schema';

/**
 * The instrument form's state and its two-way mapping to the instrument JSON the server takes.
 * The state keeps what a person types (strings, blanks, a `uid` per row for React and for
 * reordering); `toInstrument` turns it into the document `InstrumentSchema` checks, and
 * `fromInstrument` fills the form from a published version ("New version from this one").
 * Field paths are the document's (`indicators.2.question.en`), so the schema's issues land on the
 * field that holds the value.
 */

/** One text in every language the form edits; a blank translation is left out. */
export type Texts = Record<InstrumentLang, string>;

export interface SourceForm {
  uid: string;
  key: string;
  citation: string;
  url: string;
  status: SourceStatus;
}

export interface DimensionForm {
  uid: string;
  key: string;
  title: Texts;
}

export interface TermForm {
  uid: string;
  strengths: Strength[];
  atLeast: string;
}

/** A clause holds when every term holds; the threshold holds when any clause does. */
export interface ClauseForm {
  uid: string;
  terms: TermForm[];
}

export interface PartForm {
  uid: string;
  key: string;
  title: Texts;
  /** What the part scores: the indicators of one element, or of some dimensions. */
  by: 'element' | 'dimensions';
  element: Element | '';
  dimensions: string[];
  /** Null: the rule's threshold; else the part's own. */
  threshold: ClauseForm[] | null;
}

/** One requirement of the finding: met when any of `parts` is. */
export interface RequirementForm {
  uid: string;
  parts: string[];
}

export interface IndicatorForm {
  uid: string;
  id: string;
  dimension: string;
  element: Element | '';
  strength: Strength;
  provenance: Provenance;
  strengthVerified: boolean;
  appliesTo: AppliesTo;
  question: Texts;
  help: Texts;
  source: string[];
}

export interface CaveatForm {
  uid: string;
  text: Texts;
}

export interface InstrumentForm {
  id: string;
  version: string;
  kind: Instrument['kind'];
  title: Texts;
  description: Texts;
  licence: string;
  sources: SourceForm[];
  dimensions: DimensionForm[];
  elementsProvenance: Provenance | '';
  threshold: ClauseForm[];
  parts: PartForm[];
  adult: RequirementForm[];
  child: RequirementForm[];
  summary: Texts;
  ruleProvenance: Provenance;
  verified: boolean;
  caveats: CaveatForm[];
  indicators: IndicatorForm[];
}

let counter = 0;
/** A key for a new row, unique in this page. */
export function newUid(): string {
  counter += 1;
  return `r${counter}`;
}

export function emptyTexts(): Texts {
  return Object.fromEntries(INSTRUMENT_LANGS.map((lang) => [lang, ''])) as Texts;
}

function textsOf(text: LocalizedText | undefined): Texts {
  const texts = emptyTexts();
  for (const lang of INSTRUMENT_LANGS) {
    texts[lang] = text?.[lang] ?? '';
  }
  return texts;
}

/** English always (blank when not filled in, for the schema to report); others when filled. */
export function toLocalized(texts: Texts): LocalizedText {
  const result: Record<string, string> = { en: texts.en.trim() };
  for (const lang of INSTRUMENT_LANGS) {
    const value = texts[lang].trim();
    if (lang !== 'en' && value !== '') {
      result[lang] = value;
    }
  }
  return result as LocalizedText;
}

/** Digits as a number; anything else as typed, for the schema to report. */
function toNumber(value: string): number | string {
  const trimmed = value.trim();
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

export function newTerm(strengths: Strength[] = ['strong'], atLeast = '1'): TermForm {
  return { uid: newUid(), strengths, atLeast };
}

export function newClause(): ClauseForm {
  return { uid: newUid(), terms: [newTerm()] };
}

function clausesOf(threshold: Threshold): ClauseForm[] {
  return threshold.anyOf.map((terms) => ({
    uid: newUid(),
    terms: terms.map((term) => newTerm([...term.strengths], String(term.atLeast))),
  }));
}

function toThreshold(clauses: readonly ClauseForm[]): Threshold {
  return {
    anyOf: clauses.map((clause) =>
      clause.terms.map((term) => ({
        strengths: [...term.strengths],
        atLeast: toNumber(term.atLeast) as number,
      })),
    ),
  };
}

function partOf(part: RulePart): PartForm {
  return {
    uid: newUid(),
    key: part.key,
    title: textsOf(part.title),
    by: part.element === undefined ? 'dimensions' : 'element',
    element: part.element ?? '',
    dimensions: [...(part.dimensions ?? [])],
    threshold: part.threshold ? clausesOf(part.threshold) : null,
  };
}

function toPart(part: PartForm): RulePart {
  return {
    key: part.key.trim(),
    title: toLocalized(part.title),
    ...(part.by === 'element'
      ? { element: part.element as Element }
      : { dimensions: [...part.dimensions] }),
    ...(part.threshold && { threshold: toThreshold(part.threshold) }),
  };
}

export function newIndicator(dimension = '', source: string[] = []): IndicatorForm {
  return {
    uid: newUid(),
    id: '',
    dimension,
    element: '',
    strength: 'medium',
    provenance: 'project_convention',
    strengthVerified: false,
    appliesTo: 'all',
    question: emptyTexts(),
    help: emptyTexts(),
    source,
  };
}

function indicatorOf(indicator: Indicator): IndicatorForm {
  return {
    uid: newUid(),
    id: indicator.id,
    dimension: indicator.dimension,
    element: indicator.element ?? '',
    strength: indicator.strength,
    provenance: indicator.strengthBasis.provenance,
    strengthVerified: indicator.strengthBasis.verified,
    appliesTo: indicator.appliesTo,
    question: textsOf(indicator.question),
    help: textsOf(indicator.help),
    source: [...indicator.source],
  };
}

function toIndicator(form: IndicatorForm): Indicator {
  return {
    id: form.id.trim(),
    dimension: form.dimension,
    ...(form.element !== '' && { element: form.element }),
    strength: form.strength,
    strengthBasis: { provenance: form.provenance, verified: form.strengthVerified },
    appliesTo: form.appliesTo,
    question: toLocalized(form.question),
    help: toLocalized(form.help),
    source: [...form.source],
  };
}

function requirementsOf(requirements: readonly { anyOf: string[] }[]): RequirementForm[] {
  return requirements.map((r) => ({ uid: newUid(), parts: [...r.anyOf] }));
}

/** The form filled from a published version (the same id, the next version number). */
export function fromInstrument(doc: Instrument): InstrumentForm {
  return {
    id: doc.id,
    version: String(doc.version + 1),
    kind: doc.kind,
    title: textsOf(doc.title),
    description: textsOf(doc.description),
    licence: doc.licence,
    sources: doc.sources.map((s) => ({ uid: newUid(), ...s, url: s.url ?? '' })),
    dimensions: doc.dimensions.map((d) => ({ uid: newUid(), key: d.key, title: textsOf(d.title) })),
    elementsProvenance: doc.elementsProvenance ?? '',
    threshold: clausesOf(doc.rule.threshold),
    parts: doc.rule.parts.map(partOf),
    adult: requirementsOf(doc.rule.requires.adult),
    child: requirementsOf(doc.rule.requires.child),
    summary: textsOf(doc.rule.summary),
    ruleProvenance: doc.ruleProvenance,
    verified: doc.verified,
    caveats: doc.caveats.map((c) => ({ uid: newUid(), text: textsOf(c) })),
    indicators: doc.indicators.map(indicatorOf),
  };
}

/**
 * The instrument JSON the form stands for, unchecked: `InstrumentSchema` says what is wrong
 * (numbers typed as text stay text, a blank English text stays blank, so each is reported).
 */
export function toInstrument(form: InstrumentForm): Instrument {
  return {
    id: form.id.trim(),
    version: toNumber(form.version) as number,
    title: toLocalized(form.title),
    kind: form.kind,
    description: toLocalized(form.description),
    licence: form.licence.trim(),
    sources: form.sources.map((s) => ({
      key: s.key.trim(),
      citation: s.citation.trim(),
      ...(s.url.trim() !== '' && { url: s.url.trim() }),
      status: s.status,
    })),
    dimensions: form.dimensions.map((d) => ({ key: d.key.trim(), title: toLocalized(d.title) })),
    ...(form.elementsProvenance !== '' && { elementsProvenance: form.elementsProvenance }),
    rule: {
      threshold: toThreshold(form.threshold),
      parts: form.parts.map(toPart),
      requires: {
        adult: form.adult.map((r) => ({ anyOf: [...r.parts] })),
        child: form.child.map((r) => ({ anyOf: [...r.parts] })),
      },
      summary: toLocalized(form.summary),
    },
    ruleProvenance: form.ruleProvenance,
    verified: form.verified,
    caveats: form.caveats.map((c) => toLocalized(c.text)),
    indicators: form.indicators.map(toIndicator),
  };
}
