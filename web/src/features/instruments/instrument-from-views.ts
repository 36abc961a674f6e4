import {
  ELEMENTS,
  INSTRUMENT_LANGS,
  type Indicator,
  type Instrument,
  type InstrumentLang,
  type InstrumentView,
  type LocalizedText,
} from './instruments.schema';

/**
 * An instrument document rebuilt from its views (`GET …/versions/:v?lang=…` in every language),
 * for "New version from this one" where the page has no whole document. A view carries the
 * texts, the indicators and the caveats; what it lacks (sources, dimension names, rule parts and
 * thresholds, the licence, each weight's basis) comes from `base` (the shipped version of the
 * same id) or is left blank or set to the project's default, for the person to check.
 */
export type ViewsByLang = Partial<Record<InstrumentLang, InstrumentView>> & { en: InstrumentView };

/** A text in every language whose view differs from the English (else untranslated). */
function merged(views: ViewsByLang, pick: (view: InstrumentView) => string | undefined) {
  const en = pick(views.en) ?? '';
  const text: Record<string, string> = { en };
  for (const lang of INSTRUMENT_LANGS) {
    const view = views[lang];
    const value = view ? pick(view) : undefined;
    if (lang !== 'en' && value !== undefined && value !== en) {
      text[lang] = value;
    }
  }
  return text as LocalizedText;
}

function indicatorsOf(views: ViewsByLang, base: Instrument | undefined): Indicator[] {
  const fallbackSource = base?.sources[0]?.key ?? 'ORG';
  return views.en.indicators.map((ind): Indicator => {
    const known = base?.indicators.find((b) => b.id === ind.id);
    const at = (view: InstrumentView) => view.indicators.find((v) => v.id === ind.id);
    return {
      id: ind.id,
      dimension: ind.dimension,
      ...(ind.element !== undefined && { element: ind.element }),
      strength: ind.strength,
      strengthBasis: known?.strengthBasis ?? { provenance: 'project_convention', verified: false },
      appliesTo: ind.appliesTo,
      question: merged(views, (v) => at(v)?.question),
      help: merged(views, (v) => at(v)?.help),
      source: known ? [...known.source] : [fallbackSource],
    };
  });
}

/** Without a shipped rule: a part per element used (children need no means), else one part. */
function defaultRule(indicators: readonly Indicator[]): Instrument['rule'] {
  const elements = ELEMENTS.filter((e) => indicators.some((ind) => ind.element === e));
  const dims = [...new Set(indicators.map((ind) => ind.dimension))];
  const parts =
    elements.length > 0
      ? elements.map((element) => ({ key: element, title: { en: element }, element }))
      : [{ key: 'indicators', title: { en: 'Indicators' }, dimensions: dims }];
  const keys = parts.map((p) => p.key);
  return {
    threshold: { anyOf: [[{ strengths: ['strong'], atLeast: 1 }]] },
    parts,
    requires: {
      adult: keys.map((key) => ({ anyOf: [key] })),
      child: keys.filter((key) => key !== 'means').map((key) => ({ anyOf: [key] })),
    },
    summary: { en: '' },
  };
}

function dimensionsOf(indicators: readonly Indicator[], base: Instrument | undefined) {
  const dims = [...(base?.dimensions ?? [])];
  for (const key of new Set(indicators.map((ind) => ind.dimension))) {
    if (!dims.some((d) => d.key === key)) {
      dims.push({ key, title: { en: key } });
    }
  }
  return dims;
}

/** The document of `views.en`'s version, as far as the views and `base` tell it. */
export function instrumentFromViews(views: ViewsByLang, base: Instrument | undefined): Instrument {
  const en = views.en;
  const indicators = indicatorsOf(views, base);
  const rule = base ? { ...base.rule } : defaultRule(indicators);
  return {
    id: en.id,
    version: en.version,
    title: merged(views, (v) => v.title),
    kind: en.kind,
    description: base?.description ?? { en: '' },
    licence: base?.licence ?? '',
    sources: base?.sources ?? [{ key: 'ORG', citation: '', status: 'unverified' }],
    dimensions: dimensionsOf(indicators, base),
    ...(base?.elementsProvenance !== undefined && {
      elementsProvenance: base.elementsProvenance,
    }),
    rule: { ...rule, summary: merged(views, (v) => v.ruleSummary) },
    ruleProvenance: base?.ruleProvenance ?? 'project_convention',
    verified: en.verified,
    caveats: en.caveats.map((_, i) => merged(views, (v) => v.caveats[i])),
    indicators,
  };
}
