import { describe, expect, it } from 'vitest';
import type { Case } from './cases.schema';
import {
  formPath,
  normaliseLanguageTag,
  serverProblems,
  toEditForm,
  toUpdate,
} from './case-edit-model';

const RECORD: Case = {
  id: 'case-1',
  caseNumber: 'DEMO-0001',
  status: 'open',
  stage: 'exit',
  riskLevel: 'low',
  retraffickingRisk: { level: 'none', factors: [], explanation: [], reviewedAt: null },
  identities: [
    { given: 'Somchai', family: 'Jaidee', script: 'Latn', kind: 'transliteration' },
    { given: 'สมชาย', family: 'ใจดี', script: 'Thai', kind: 'primary' },
  ],
  sex: 'female',
  gender: null,
  birthDate: null,
  birthYear: 1990,
  estimatedAge: null,
  possibleMinor: false,
  nationality: 'THA',
  languages: ['th'],
  exploitationForms: [],
  originCountry: 'THA',
  transitCountries: [],
  exploitationCountries: [],
  recruitmentChannel: null,
  recruitmentDate: '2025-01-20',
  exitDate: null,
  exitMethod: null,
  assignees: [{ id: '01a21769-369a-7338-ac83-5a514999cf26', displayName: 'Demo caseworker' }],
  sensitive: {
    contacts: [{ kind: 'phone', value: '+00 0000 1000' }],
    documents: [],
    currentLocation: null,
    narrative: 'Demo',
    health: null,
    exploitationDetails: null,
  },
  version: 3,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

const ALL = { canAssign: true, sensitive: true };

describe('case edit model', () => {
  it('puts the primary name first and sends nothing when nothing changed', () => {
    const form = toEditForm(RECORD);
    expect(form.names.map((row) => row.kind)).toEqual(['primary', 'transliteration']);
    expect(toUpdate(form, RECORD, ALL)).toEqual({ update: {}, problems: [] });
  });

  it('sends only the changed fields', () => {
    const form = toEditForm(RECORD);
    form.exitMethod = 'escaped';
    form.languages = [...form.languages, 'my-MM'];
    const { update, problems } = toUpdate(form, RECORD, ALL);
    expect(problems).toEqual([]);
    expect(update).toEqual({ exitMethod: 'escaped', languages: ['th', 'my-MM'] });
  });

  it('drops an empty extra name and keeps the others in order', () => {
    const form = toEditForm(RECORD);
    form.names.push({ key: 'x', kind: 'alias', given: ' ', family: '', script: 'Latn' });
    form.names.push({ key: 'y', kind: 'alias', given: 'Chai', family: '', script: 'Latn' });
    const { update } = toUpdate(form, RECORD, ALL);
    expect(update.identities?.map((identity) => identity.given)).toEqual([
      'สมชาย',
      'Somchai',
      'Chai',
    ]);
  });

  it('never sends assignment or sensitive fields the user may not change', () => {
    const form = toEditForm(RECORD);
    form.assigneeIds = [];
    form.narrative = 'changed';
    const { update } = toUpdate(form, RECORD, { canAssign: false, sensitive: false });
    expect(update).toEqual({});
  });

  it('reports an exit before recruitment', () => {
    const form = toEditForm(RECORD);
    form.exitDate = '2024-12-31';
    const { problems } = toUpdate(form, RECORD, ALL);
    expect(problems).toEqual([{ kind: 'dateOrder', field: 'exitDate' }]);
  });

  it('addresses schema problems by form row', () => {
    const form = toEditForm(RECORD);
    form.documents.push({ key: 'd', type: 'passport', number: ' ', issuingCountry: '' });
    form.names[0]!.given = '';
    form.names[0]!.family = '';
    const fields = toUpdate(form, RECORD, ALL).problems.map((problem) => problem.field);
    expect(fields).toContain('documents.0.number');
    expect(fields).toContain('names.0.given');
  });

  it('maps server issue paths to form paths', () => {
    const form = toEditForm(RECORD);
    form.names.push({ key: 'x', kind: 'alias', given: '', family: '', script: 'Latn' });
    form.names.push({ key: 'y', kind: 'alias', given: 'Chai', family: '', script: 'Latn' });
    const errors = serverProblems(
      [
        { path: 'body.identities.2.given', message: 'x' },
        { path: 'body.assigneeIds', message: 'x' },
      ],
      form,
      'Check',
    );
    expect(errors).toEqual({ 'names.3.given': 'Check', assigneeIds: 'Check' });
    expect(formPath(['languages', '1'], [])).toBe('languages');
  });

  it('normalises language tags', () => {
    expect(normaliseLanguageTag(' my-mm ')).toBe('my-MM');
    expect(normaliseLanguageTag('ZH-hans')).toBe('zh-Hans');
  });
});

describe('emptied fields', () => {
  it('sends null for each emptied field, so the API clears it', () => {
    const form = toEditForm(RECORD);
    form.nationality = '';
    form.sex = '';
    form.birthYear = ' ';
    form.recruitmentDate = '';
    form.narrative = '  \n ';
    const { update, problems } = toUpdate(form, RECORD, ALL);
    expect(problems).toEqual([]);
    expect(update).toEqual({
      nationality: null,
      sex: null,
      birthYear: null,
      recruitmentDate: null,
      narrative: null,
    });
  });

  it('sends null for emptied journey fields and a current location', () => {
    const record: Case = {
      ...RECORD,
      estimatedAge: 34,
      recruitmentChannel: 'social_media',
      exitDate: '2025-03-01',
      exitMethod: 'escaped',
      sensitive: { ...RECORD.sensitive!, currentLocation: 'Shelter A' },
    };
    const form = toEditForm(record);
    form.estimatedAge = '';
    form.recruitmentChannel = '';
    form.exitDate = '';
    form.exitMethod = '';
    form.currentLocation = ' ';
    expect(toUpdate(form, record, ALL)).toEqual({
      update: {
        estimatedAge: null,
        recruitmentChannel: null,
        exitDate: null,
        exitMethod: null,
        currentLocation: null,
      },
      problems: [],
    });
  });

  it('sends nothing for a field that was empty and still is', () => {
    const form = toEditForm(RECORD);
    form.exitDate = ' ';
    form.currentLocation = '';
    expect(toUpdate(form, RECORD, ALL)).toEqual({ update: {}, problems: [] });
  });

  it('never sends null for a sensitive field the user does not see', () => {
    const form = toEditForm(RECORD);
    form.narrative = '';
    form.nationality = '';
    const { update } = toUpdate(form, RECORD, { canAssign: false, sensitive: false });
    expect(update).toEqual({ nationality: null });
  });

  it('keeps a narrative as typed, line breaks included', () => {
    const form = toEditForm(RECORD);
    form.narrative = 'First line\n  second line\n';
    expect(toUpdate(form, RECORD, ALL).update).toEqual({
      narrative: 'First line\n  second line\n',
    });
  });
});

describe('birth year in the user calendar', () => {
  const THAI = { ...ALL, locale: 'th' };

  it('shows a Thai user the Buddhist-era year and sends nothing when it is untouched', () => {
    const form = toEditForm(RECORD, 'th');
    expect(form.birthYear).toBe('2533');
    expect(toUpdate(form, RECORD, THAI).update).toEqual({});
  });

  it('takes a Buddhist-era year typed by a Thai user as its Gregorian year', () => {
    const form = { ...toEditForm(RECORD, 'th'), birthYear: '2538' };
    expect(toUpdate(form, RECORD, THAI).update).toMatchObject({ birthYear: 1995 });
  });

  it('takes a Gregorian year a Thai user typed anyway as it is', () => {
    const form = { ...toEditForm(RECORD, 'th'), birthYear: '1995' };
    expect(toUpdate(form, RECORD, THAI).update).toMatchObject({ birthYear: 1995 });
  });

  it('leaves years Gregorian in English', () => {
    const form = { ...toEditForm(RECORD, 'en'), birthYear: '2538' };
    expect(toEditForm(RECORD, 'en').birthYear).toBe('1990');
    expect(toUpdate(form, RECORD, { ...ALL, locale: 'en' }).problems).toContainEqual(
      expect.objectContaining({ field: 'birthYear' }),
    );
  });
});
