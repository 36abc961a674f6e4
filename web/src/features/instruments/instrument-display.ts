import type {
  AppliesTo,
  Element,
  Instrument,
  InstrumentLang,
  InstrumentView,
  LocalizedText,
  Provenance,
  SourceStatus,
  Strength,
} from './instruments.schema';

/**
 * What the instrument page shows: the API's view in one language, plus what only the whole
 * document tells (sources, dimension names, where the rule and each weight come from) when the
 * page has it — a shipped built-in version, or a JSON document before it is published.
 */
export interface DisplayIndicator {
  id: string;
  dimension: string;
  element?: Element | undefined;
  strength: Strength;
  appliesTo: AppliesTo;
  question: string;
  help: string;
  basis?: { provenance: Provenance; verified: boolean };
  sources?: string[];
}

export interface DisplayDetails {
  description: string;
  licence: string;
  sources: { key: string; citation: string; url?: string | undefined; status: SourceStatus }[];
  dimensions: Record<string, string>;
  ruleProvenance: Provenance;
  elementsProvenance?: Provenance | undefined;
}

export interface DisplayInstrument {
  id: string;
  version: number;
  title: string;
  kind: Instrument['kind'];
  owner: InstrumentView['owner'];
  verified: boolean;
  ruleSummary: string;
  caveats: string[];
  indicators: DisplayIndicator[];
  /** Null when only the API's view is known. */
  details: DisplayDetails | null;
}

function pick(text: LocalizedText, lang: InstrumentLang): string {
  return text[lang] ?? text.en;
}

function detailsOf(doc: Instrument, lang: InstrumentLang): DisplayDetails {
  return {
    description: pick(doc.description, lang),
    licence: doc.licence,
    sources: doc.sources,
    dimensions: Object.fromEntries(doc.dimensions.map((d) => [d.key, pick(d.title, lang)])),
    ruleProvenance: doc.ruleProvenance,
    elementsProvenance: doc.elementsProvenance,
  };
}

/** The view as shown, with `doc`'s details when the document of the same version is known. */
export function displayView(
  view: InstrumentView,
  lang: InstrumentLang,
  doc?: Instrument,
): DisplayInstrument {
  return {
    ...view,
    indicators: view.indicators.map((ind) => {
      const full = doc?.indicators.find((d) => d.id === ind.id);
      return full ? { ...ind, basis: full.strengthBasis, sources: full.source } : ind;
    }),
    details: doc ? detailsOf(doc, lang) : null,
  };
}

/** A whole document in `lang` (English where untranslated), as the page shows it. */
export function displayDocument(
  doc: Instrument,
  lang: InstrumentLang,
  owner: InstrumentView['owner'],
): DisplayInstrument {
  return {
    id: doc.id,
    version: doc.version,
    title: pick(doc.title, lang),
    kind: doc.kind,
    owner,
    verified: doc.verified,
    ruleSummary: pick(doc.rule.summary, lang),
    caveats: doc.caveats.map((c) => pick(c, lang)),
    indicators: doc.indicators.map((ind) => ({
      id: ind.id,
      dimension: ind.dimension,
      element: ind.element,
      strength: ind.strength,
      appliesTo: ind.appliesTo,
      question: pick(ind.question, lang),
      help: pick(ind.help, lang),
      basis: ind.strengthBasis,
      sources: ind.source,
    })),
    details: detailsOf(doc, lang),
  };
}

/** Indicators grouped by element where the instrument uses elements, else by dimension. */
export function groupIndicators(
  indicators: readonly DisplayIndicator[],
): { key: string; by: 'element' | 'dimension'; items: DisplayIndicator[] }[] {
  const byElement = indicators.some((ind) => ind.element !== undefined);
  const groups = new Map<string, DisplayIndicator[]>();
  for (const ind of indicators) {
    const key = byElement ? (ind.element ?? '') : ind.dimension;
    groups.set(key, [...(groups.get(key) ?? []), ind]);
  }
  return [...groups.entries()].map(([key, items]) => ({
    key,
    by: byElement ? 'element' : 'dimension',
    items,
  }));
}
