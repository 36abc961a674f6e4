import { describe, expect, expectTypeOf, it } from 'vitest';
import type { UiLanguage } from '@/domain/auth/auth.schema.ts';
import { BUILTIN_INSTRUMENTS, builtinInstrument } from './builtin-instruments.ts';
import { type Instrument, InstrumentSchema, type LocalizedText } from './instrument.schema.ts';

/** A deep copy of a built-in, to break in one place. */
function copyOf(id: string): Instrument {
  return structuredClone(builtinInstrument(id)!) as Instrument;
}

function issuesOf(doc: unknown): string[] {
  const result = InstrumentSchema.safeParse(doc);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

/** Every LocalizedText in an instrument, found by shape. */
function texts(value: unknown, out: LocalizedText[] = []): LocalizedText[] {
  if (Array.isArray(value)) {
    value.forEach((v) => texts(v, out));
  } else if (value !== null && typeof value === 'object') {
    if ('en' in value) {
      out.push(value as LocalizedText);
    } else {
      Object.values(value).forEach((v) => texts(v, out));
    }
  }
  return out;
}

describe('built-in instruments', () => {
  it('are the four of issue 11, each valid against the schema', () => {
    expect(BUILTIN_INSTRUMENTS.map((i) => `${i.id}@${i.version}`)).toEqual([
      'palermo-elements@1',
      'ilo-forced-labour@1',
      'ilo-ec-delphi@1',
      'scam-forced-criminality@1',
    ]);
    for (const instrument of BUILTIN_INSTRUMENTS) {
      expect(InstrumentSchema.safeParse(instrument).success).toBe(true);
    }
  });

  it('carry every string in English and Thai', () => {
    for (const instrument of BUILTIN_INSTRUMENTS) {
      const all = texts(instrument);
      // title, description, summary, caveats, dimensions, parts, two per indicator
      expect(all.length).toBeGreaterThan(instrument.indicators.length * 2);
      for (const text of all) {
        expect(text.th, `${instrument.id}: ${text.en}`).toMatch(/[\u0E00-\u0E7F]/);
      }
    }
  });

  it('hold the eleven ILO indicators and the element of every Protocol and scam indicator', () => {
    expect(builtinInstrument('ilo-forced-labour')!.indicators).toHaveLength(11);
    for (const id of ['palermo-elements', 'scam-forced-criminality']) {
      expect(builtinInstrument(id)!.indicators.every((i) => i.element !== undefined)).toBe(true);
    }
  });

  it('say which rules are read in the source and which are unverified or a project convention', () => {
    const provenance = BUILTIN_INSTRUMENTS.map((i) => [i.id, i.ruleProvenance, i.verified]);
    expect(provenance).toEqual([
      ['palermo-elements', 'source', true],
      ['ilo-forced-labour', 'project_convention', false],
      ['ilo-ec-delphi', 'secondary', false],
      ['scam-forced-criminality', 'project_convention', false],
    ]);
    expect(builtinInstrument('scam-forced-criminality')!.elementsProvenance).toBe(
      'project_convention',
    );
    for (const instrument of BUILTIN_INSTRUMENTS.filter((i) => !i.verified)) {
      expect(instrument.caveats.length).toBeGreaterThan(0);
    }
    // No Delphi weight has been read in the PDF.
    const delphi = builtinInstrument('ilo-ec-delphi')!;
    expect(delphi.indicators.some((i) => i.strengthBasis.verified)).toBe(false);
  });

  it('find the latest version when none is named, and nothing for an unknown one', () => {
    expect(builtinInstrument('ilo-ec-delphi')?.version).toBe(1);
    expect(builtinInstrument('ilo-ec-delphi', 1)?.id).toBe('ilo-ec-delphi');
    expect(builtinInstrument('ilo-ec-delphi', 2)).toBeUndefined();
    expect(builtinInstrument('nope')).toBeUndefined();
  });
});

describe('InstrumentSchema rejects', () => {
  it('an indicator id used twice', () => {
    const doc = copyOf('palermo-elements');
    doc.indicators[2]!.id = doc.indicators[0]!.id;
    expect(issuesOf(doc)).toContain('indicators: Indicator PAL-01 appears more than once');
  });

  it('an element outside act, means and purpose', () => {
    const doc = copyOf('palermo-elements') as unknown as { indicators: { element: string }[] };
    doc.indicators[0]!.element = 'intent';
    expect(issuesOf(doc).some((i) => i.startsWith('indicators.0.element'))).toBe(true);
  });

  it('a rule part naming a dimension the instrument does not have', () => {
    const doc = copyOf('ilo-ec-delphi');
    doc.rule.parts[0]!.dimensions = ['deceptive_recruitment', 'organ_removal'];
    expect(issuesOf(doc)).toContain('rule.parts.0.dimensions: Unknown dimension organ_removal');
  });

  it('a requirement naming a part the rule does not have', () => {
    const doc = copyOf('ilo-ec-delphi');
    doc.rule.requires.child[1] = { anyOf: ['exploitative_conditions'] };
    expect(issuesOf(doc)).toContain('rule.requires.child.1: Unknown part exploitative_conditions');
  });

  it('an indicator in an unknown dimension or citing an unknown source', () => {
    const doc = copyOf('scam-forced-criminality');
    doc.indicators[0]!.dimension = 'recruitment';
    doc.indicators[1]!.source = ['UNODC_FC_KI_2023', 'NEWSPAPER'];
    expect(issuesOf(doc)).toEqual([
      'indicators.0.dimension: Unknown dimension recruitment',
      'indicators.1.source: Unknown source NEWSPAPER',
    ]);
  });

  it('a part that scores no indicator, and a threshold clause counting a strength twice', () => {
    const doc = copyOf('palermo-elements');
    doc.indicators = doc.indicators.filter((i) => i.element !== 'means');
    doc.rule.threshold = {
      anyOf: [
        [
          { strengths: ['strong'], atLeast: 1 },
          { strengths: ['strong', 'weak'], atLeast: 1 },
        ],
      ],
    };
    const issues = issuesOf(doc);
    expect(issues).toContain('rule.parts.1: Part means selects no indicator');
    expect(issues).toContain(
      'rule.parts.0.threshold.anyOf.0: The terms of a clause name each strength once',
    );
  });

  it('text without English, or in a language the UI does not have', () => {
    const doc = copyOf('palermo-elements') as unknown as {
      title: Record<string, string>;
      description: Record<string, string>;
    };
    delete doc.title.en;
    doc.description.fr = 'Les trois éléments';
    const issues = issuesOf(doc);
    expect(issues.some((i) => i.startsWith('title.en'))).toBe(true);
    expect(issues.some((i) => i.startsWith('description') && i.includes('fr'))).toBe(true);
  });

  it('a part naming both an element and dimensions', () => {
    const doc = copyOf('palermo-elements');
    doc.rule.parts[0]!.dimensions = ['palermo_element'];
    expect(issuesOf(doc)).toContain('rule.parts.0: A part names either an element or dimensions');
  });
});

it('offers a translation slot for exactly the UI languages', () => {
  expectTypeOf<keyof LocalizedText>().toEqualTypeOf<UiLanguage>();
});
