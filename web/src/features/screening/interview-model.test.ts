import { describe, expect, it } from 'vitest';
import {
  answeredCount,
  firstUnanswered,
  fromAnswerViews,
  groupQuestions,
  humanizeKey,
  questionsFor,
  toAnswerInputs,
  withAnswer,
  type Answers,
  type Question,
} from './interview-model';
import type { InstrumentView } from './screening.schema';

function question(id: string, extra: Partial<Question> = {}): Question {
  return {
    id,
    dimension: 'coercion_at_destination',
    strength: 'medium',
    appliesTo: 'all',
    question: `Question ${id}?`,
    help: `Help ${id}`,
    ...extra,
  };
}

const ELEMENTS: Question[] = [
  question('SC-ACT-01', { element: 'act', dimension: 'deceptive_recruitment' }),
  question('SC-MEA-01', { element: 'means', dimension: 'coercion_at_destination' }),
  question('SC-ACT-02', { element: 'act', dimension: 'recruitment_abuse_of_vulnerability' }),
  question('SC-PUR-01', { element: 'purpose', dimension: 'exploitative_conditions_of_work' }),
];

const yes = { answer: 'yes', evidenceKind: null, note: '' } as const;

describe('questionsFor', () => {
  const instrument = {
    indicators: [
      question('A-X-1'),
      question('A-X-2', { appliesTo: 'child' }),
      question('A-X-3', { appliesTo: 'adult' }),
    ],
  } as InstrumentView;

  it('asks the questions for every age and those of the rules that apply', () => {
    expect(questionsFor(instrument, 'child').map((q) => q.id)).toEqual(['A-X-1', 'A-X-2']);
    expect(questionsFor(instrument, 'adult').map((q) => q.id)).toEqual(['A-X-1', 'A-X-3']);
  });
});

describe('groupQuestions', () => {
  it('groups by element where the instrument has them, in order of first appearance', () => {
    expect(groupQuestions(ELEMENTS)).toEqual([
      { kind: 'element', key: 'act', positions: [0, 2] },
      { kind: 'element', key: 'means', positions: [1] },
      { kind: 'element', key: 'purpose', positions: [3] },
    ]);
  });

  it('groups by dimension otherwise', () => {
    const dims = [
      question('D-A-1', { dimension: 'deceptive_recruitment' }),
      question('D-A-2', { dimension: 'coercion_at_destination' }),
      question('D-A-3', { dimension: 'deceptive_recruitment' }),
    ];
    expect(groupQuestions(dims)).toEqual([
      { kind: 'dimension', key: 'deceptive_recruitment', positions: [0, 2] },
      { kind: 'dimension', key: 'coercion_at_destination', positions: [1] },
    ]);
  });
});

describe('firstUnanswered', () => {
  it('is the first question without an answer (a "don\'t know" is an answer)', () => {
    const answers: Answers = {
      'SC-ACT-01': yes,
      'SC-MEA-01': { ...yes, answer: 'unknown' },
      'SC-PUR-01': yes,
    };
    expect(firstUnanswered(ELEMENTS, answers)).toBe(2);
    expect(answeredCount(ELEMENTS, answers)).toBe(3);
  });

  it('is the question count when every question is answered, 0 when none is', () => {
    const all = Object.fromEntries(ELEMENTS.map((q) => [q.id, yes]));
    expect(firstUnanswered(ELEMENTS, all)).toBe(4);
    expect(firstUnanswered(ELEMENTS, {})).toBe(0);
  });
});

describe('answers for the API', () => {
  it('sends answered questions in interview order, evidence only with a kind', () => {
    let answers: Answers = {};
    answers = withAnswer(answers, 'SC-PUR-01', { answer: 'no' });
    answers = withAnswer(answers, 'SC-ACT-01', { answer: 'yes' });
    answers = withAnswer(answers, 'SC-ACT-01', { evidenceKind: 'document', note: '  passport  ' });
    answers = withAnswer(answers, 'SC-MEA-01', { answer: 'unknown', note: 'dropped: no kind' });
    expect(toAnswerInputs(ELEMENTS, answers)).toEqual([
      {
        indicatorId: 'SC-ACT-01',
        answer: 'yes',
        evidence: { kind: 'document', note: 'passport' },
      },
      { indicatorId: 'SC-MEA-01', answer: 'unknown' },
      { indicatorId: 'SC-PUR-01', answer: 'no' },
    ]);
  });

  it('leaves out an empty note and clears the note when the kind is taken away', () => {
    let answers = withAnswer({}, 'SC-ACT-01', { answer: 'yes', evidenceKind: 'observation' });
    expect(toAnswerInputs(ELEMENTS, answers)[0]).toEqual({
      indicatorId: 'SC-ACT-01',
      answer: 'yes',
      evidence: { kind: 'observation' },
    });
    answers = withAnswer(answers, 'SC-ACT-01', { note: 'seen' });
    answers = withAnswer(answers, 'SC-ACT-01', { evidenceKind: null });
    expect(answers['SC-ACT-01']).toEqual({ answer: 'yes', evidenceKind: null, note: '' });
  });

  it('reads stored answers back, a hidden note as empty', () => {
    const answers = fromAnswerViews([
      { indicatorId: 'SC-ACT-01', answer: 'yes', evidence: { kind: 'self_report', note: null } },
      { indicatorId: 'SC-MEA-01', answer: 'no', evidence: null },
    ]);
    expect(answers).toEqual({
      'SC-ACT-01': { answer: 'yes', evidenceKind: 'self_report', note: '' },
      'SC-MEA-01': { answer: 'no', evidenceKind: null, note: '' },
    });
    expect(toAnswerInputs(ELEMENTS, answers).map((a) => a.indicatorId)).toEqual([
      'SC-ACT-01',
      'SC-MEA-01',
    ]);
  });
});

describe('humanizeKey', () => {
  it('writes an untranslated key in words', () => {
    expect(humanizeKey('debt_bondage')).toBe('Debt bondage');
  });
});
