import { describe, expect, it } from 'vitest';
import { BUILTIN_INSTRUMENTS } from './builtin-instruments.ts';
import { LEGAL_BASIS, provisionsFor } from './report/legal-basis.ts';
import { faces, fontRuns, withWordBreaks } from './report/report-fonts.ts';
import { reportMessages } from './report/report-messages.ts';

/** Every character of `text` is set in a face that has its glyph (no box). */
function missingGlyphs(text: string, weight: 'regular' | 'bold'): string[] {
  const byName = new Map(faces(weight).map((f) => [f.name, f.font]));
  return fontRuns(withWordBreaks(text), weight).flatMap((run) =>
    [...run.text].filter((ch) => !byName.get(run.face)!.hasGlyphForCodePoint(ch.codePointAt(0)!)),
  );
}

function instrumentTexts(): string[] {
  return BUILTIN_INSTRUMENTS.flatMap((ins) =>
    [
      ins.title,
      ins.rule.summary,
      ...ins.caveats,
      ...ins.rule.parts.map((p) => p.title),
      ...ins.indicators.map((i) => i.question),
    ].flatMap((t) => [t.en, t.th ?? '']),
  );
}

describe('report fonts', () => {
  it('sets an em dash and curly quotes in Thai text in the Latin face, not as a box', () => {
    const runs = fontRuns('ข้อบ่งชี้ — “คำพูด”', 'regular');
    const dash = runs.find((r) => r.text.includes('—'));
    expect(dash?.face).toBe('noto-sans-latin-400');
    expect(runs.find((r) => r.text.includes('ข้อบ่งชี้'))?.face).toBe('noto-sans-thai-thai-400');
    expect(runs.find((r) => r.text.includes('“'))?.face).toBe('noto-sans-latin-400');
    // Noto Sans Thai itself has no em dash: the fallback is what avoids the box.
    const thai = faces('regular').find((f) => f.name === 'noto-sans-thai-thai-400')!;
    expect(thai.font.hasGlyphForCodePoint(0x2014)).toBe(false);
  });

  it('has a glyph for every character of the report strings, the legal basis and the instruments', () => {
    const texts = [
      ...Object.values(reportMessages('en')),
      ...Object.values(reportMessages('th')),
      ...LEGAL_BASIS.provisions.flatMap((p) => [p.instrument, p.provision, p.text, p.status]),
      ...instrumentTexts(),
      'Dara Sok សុខ ដារា မောင်မောင် আমিনা Nguyễn Thị Hương',
    ];
    for (const weight of ['regular', 'bold'] as const) {
      expect(texts.flatMap((t) => missingGlyphs(t, weight))).toEqual([]);
    }
  });

  it('lets Thai wrap between words and leaves spaced scripts alone', () => {
    expect(withWordBreaks('การคัดกรองเบื้องต้น')).toContain('\u200B');
    expect(withWordBreaks('การคัดกรองเบื้องต้น').replace(/\u200B/g, '')).toBe('การคัดกรองเบื้องต้น');
    expect(withWordBreaks('Refer for formal identification')).toBe(
      'Refer for formal identification',
    );
  });
});

describe('legal basis', () => {
  it('cites international provisions always and national ones for the countries concerned', () => {
    const ids = (countries: string[]) => provisionsFor(countries).map((p) => p.id);
    const international = LEGAL_BASIS.provisions.filter((p) => p.scope === 'international');
    expect(ids([])).toEqual(international.map((p) => p.id));
    expect(ids(['THA'])).toContain('asean-actip-2015-art-14-7');
    expect(ids(['THA'])).toContain('tha-atip-2551-s41');
    expect(ids(['THA'])).not.toContain('bgd-ordinance-2025');
    expect(ids(['GBR', 'BGD'])).toContain('bgd-ordinance-2025');
    expect(ids(['GBR', 'BGD'])).not.toContain('asean-actip-2015-art-14-7');
  });

  it('marks as verified only what the research notes call verified', () => {
    for (const p of LEGAL_BASIS.provisions) {
      expect({ id: p.id, verified: p.verified }).toEqual({
        id: p.id,
        verified: p.status.startsWith('verified') && !/unverified/.test(p.status),
      });
    }
  });
});
