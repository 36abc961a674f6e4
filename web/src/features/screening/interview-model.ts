import type {
  AnswerInput,
  AnswerValue,
  AnswerView,
  EvidenceKind,
  InstrumentView,
  RuleSet,
} from './screening.schema';

/**
 * The interview as pure data: which questions are asked (in the instrument's order), how they
 * group under an element or a dimension, what is answered, and the request body that saves it.
 */

export type Question = InstrumentView['indicators'][number];

/** One answer as the interview holds it; `note` only with an evidence kind (as the API takes it). */
export interface AnswerDraft {
  answer: AnswerValue;
  evidenceKind: EvidenceKind | null;
  note: string;
}

/** Answers by indicator id; a question not in the map is unanswered (never "no"). */
export type Answers = Readonly<Record<string, AnswerDraft>>;

/** A heading of the interview: an element of the Protocol (act, means, purpose) or a dimension. */
export interface QuestionGroup {
  kind: 'element' | 'dimension';
  key: string;
  /** Positions of the group's questions in the interview, in order. */
  positions: number[];
}

/** The questions asked under `rules`: those for every age and those for the person's rules. */
export function questionsFor(instrument: InstrumentView, rules: RuleSet): Question[] {
  return instrument.indicators.filter((q) => q.appliesTo === 'all' || q.appliesTo === rules);
}

/** The group a question is asked under: its element where the instrument uses them. */
export function groupOf(question: Question): Pick<QuestionGroup, 'kind' | 'key'> {
  return question.element !== undefined
    ? { kind: 'element', key: question.element }
    : { kind: 'dimension', key: question.dimension };
}

/** The groups in the order their first question comes, each with every question of it. */
export function groupQuestions(questions: readonly Question[]): QuestionGroup[] {
  const groups: QuestionGroup[] = [];
  questions.forEach((question, position) => {
    const { kind, key } = groupOf(question);
    const found = groups.find((g) => g.kind === kind && g.key === key);
    if (found) {
      found.positions.push(position);
    } else {
      groups.push({ kind, key, positions: [position] });
    }
  });
  return groups;
}

/** The position of the first question not answered; `questions.length` when all are. */
export function firstUnanswered(questions: readonly Question[], answers: Answers): number {
  const at = questions.findIndex((q) => answers[q.id] === undefined);
  return at === -1 ? questions.length : at;
}

/** How many of `questions` are answered (yes, no or don't know). */
export function answeredCount(questions: readonly Question[], answers: Answers): number {
  return questions.filter((q) => answers[q.id] !== undefined).length;
}

/** The stored answers of a screening, as the interview holds them. */
export function fromAnswerViews(views: readonly AnswerView[]): Answers {
  return Object.fromEntries(
    views.map((view) => [
      view.indicatorId,
      {
        answer: view.answer,
        evidenceKind: view.evidence?.kind ?? null,
        note: view.evidence?.note ?? '',
      },
    ]),
  );
}

/**
 * The answers as the API takes them, in the interview's order: evidence only with a kind, its
 * note only when written. Answers to indicators not asked (none today) are kept, not dropped.
 */
export function toAnswerInputs(questions: readonly Question[], answers: Answers): AnswerInput[] {
  const asked = new Set(questions.map((q) => q.id));
  const order = [
    ...questions.map((q) => q.id),
    ...Object.keys(answers).filter((id) => !asked.has(id)),
  ];
  return order.flatMap((indicatorId): AnswerInput[] => {
    const draft = answers[indicatorId];
    if (!draft) {
      return [];
    }
    const note = draft.note.trim();
    const evidence = draft.evidenceKind
      ? { evidence: { kind: draft.evidenceKind, ...(note !== '' && { note }) } }
      : {};
    return [{ indicatorId, answer: draft.answer, ...evidence }];
  });
}

/** `answers` with the answer of `indicatorId` changed (a new answer starts without evidence). */
export function withAnswer(
  answers: Answers,
  indicatorId: string,
  change: Partial<AnswerDraft>,
): Answers {
  const current = answers[indicatorId] ?? { answer: 'unknown', evidenceKind: null, note: '' };
  const next = { ...current, ...change };
  return { ...answers, [indicatorId]: next.evidenceKind ? next : { ...next, note: '' } };
}

/** A key in words when no translation names it (an organisation's own dimension). */
export function humanizeKey(key: string): string {
  const words = key.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
