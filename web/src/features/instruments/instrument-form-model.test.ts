import { describe, expect, it } from 'vitest';
import delphi from '@/domain/screening/instruments/ilo-ec-delphi.v1.json';
import ilo from '@/domain/screening/instruments/ilo-forced-labour.v1.json';
import palermo from '@/domain/screening/instruments/palermo-elements.v1.json';
import scam from '@/domain/screening/instruments/scam-forced-criminality.v1.json';
import { blankForm, moveRow } from './instrument-form-blank';
import { fromInstrument, toInstrument } from './instrument-form-model';
import { checkInstrument } from './instrument-issues';
import { parseInstrumentPath } from './instrument-routes';
import { InstrumentSchema } from './instruments.schema';

const SHIPPED = [palermo, ilo, delphi, scam].map((doc) => InstrumentSchema.parse(doc));

/** A blank form filled in as a person would: the smallest own instrument that passes. */
function filledBlank() {
  const form = blankForm();
  form.id = 'shelter-checklist';
  form.title.en = 'Shelter checklist';
  form.description.en = 'Our intake checklist';
  form.licence = 'AGPL-3.0-or-later';
  form.sources[0]!.citation = 'Shelter handbook 2025';
  form.dimensions[0]!.title.en = 'Main';
  form.parts[0]!.title.en = 'Indicators';
  form.summary.en = 'One strong or two medium answers';
  const indicator = form.indicators[0]!;
  indicator.id = 'ORG-01';
  indicator.strength = 'strong';
  indicator.question.en = 'Were you locked in?';
  indicator.question.th = '  ';
  indicator.help.en = 'Yes when doors were locked from outside.';
  return form;
}

function kinds(doc: unknown): string[] {
  const result = checkInstrument(doc);
  return result.ok ? [] : result.issues.map((i) => `${i.path} ${i.kind}`);
}

function issuePaths(doc: unknown): string[] {
  const result = checkInstrument(doc);
  return result.ok ? [] : result.issues.map((i) => i.path);
}

describe('instrument form model', () => {
  it.each(SHIPPED.map((doc) => [doc.id, doc] as const))(
    'fills the form from %s and gives the same document back (the form covers the schema)',
    (_, doc) => {
      const form = fromInstrument(doc);
      expect(form.version).toBe(String(doc.version + 1));
      expect(toInstrument({ ...form, version: String(doc.version) })).toEqual(doc);
    },
  );

  it('turns a filled blank form into an instrument the server schema accepts, blanks left out', () => {
    const doc = toInstrument(filledBlank());
    const result = checkInstrument(doc);
    expect(result.ok).toBe(true);
    expect(doc.version).toBe(1);
    expect(doc.indicators[0]!.question).toEqual({ en: 'Were you locked in?' });
    expect(doc.sources[0]).not.toHaveProperty('url');
    expect(doc).not.toHaveProperty('elementsProvenance');
  });

  it('reports an untouched blank form at the fields to fill in, by document path', () => {
    const paths = issuePaths(toInstrument(blankForm()));
    expect(paths).toEqual(
      expect.arrayContaining([
        'id',
        'title.en',
        'licence',
        'indicators.0.id',
        'sources.0.citation',
      ]),
    );
  });

  it('names shape errors with their own kinds', () => {
    const form = filledBlank();
    form.version = 'two';
    form.parts[0]!.by = 'element';
    form.sources[0]!.url = 'not a url';
    form.indicators[0]!.id = 'org-1';
    expect(kinds(toInstrument(form))).toEqual([
      'version number',
      'sources.0.url urlFormat',
      'rule.parts.0.element choose',
      'indicators.0.id indicatorIdFormat',
    ]);
  });

  it('names cross-reference errors (checked once the shape is right)', () => {
    const form = filledBlank();
    form.indicators.push({ ...form.indicators[0]!, uid: 'x', dimension: 'nowhere' });
    form.parts[0]!.dimensions = ['main', 'other'];
    form.adult[0]!.parts = ['missing'];
    expect(kinds(toInstrument(form))).toEqual([
      'indicators duplicateIndicator',
      'indicators.1.dimension unknownDimension',
      'rule.parts.0.dimensions unknownDimension',
      'rule.requires.adult.0 unknownPart',
    ]);
  });

  it('moves a row up and down, and leaves it at an end', () => {
    expect(moveRow(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
  });
});

describe('instrument addresses', () => {
  it.each([
    ['/instruments', { page: 'list' }],
    ['/instruments/new', { page: 'new' }],
    ['/instruments/import', { page: 'import' }],
    ['/instruments/ilo-ec-delphi/2', { page: 'view', id: 'ilo-ec-delphi', version: 2 }],
    ['/instruments/own-1/3/new-version', { page: 'new-version', id: 'own-1', version: 3 }],
    ['/instruments/own-1/3/copy', { page: 'copy', id: 'own-1', version: 3 }],
    ['/instruments/own-1/0', null],
    ['/instruments/Own/1', null],
    ['/instruments/own-1/1/delete', null],
  ])('%s', (path, route) => {
    expect(parseInstrumentPath(path)).toEqual(route);
  });
});
