import quizFile from './outreach-quizzes.json' with { type: 'json' };
import { validationFailed } from '@/lib/errors.ts';
import type { ResultInput } from './outreach-sessions.schema.ts';
import { QuizFileSchema, type Quiz, type QuizFileEntry } from './outreach-quizzes.schema.ts';
import type { OutreachTopic } from './outreach.schema.ts';

/**
 * The built-in quizzes (`outreach-quizzes.json`), parsed when the module loads: malformed data
 * stops the server at start rather than showing a facilitator a question without its answer.
 */
const QUIZZES: readonly QuizFileEntry[] = Object.freeze(QuizFileSchema.parse(quizFile).quizzes);

/** The language a quiz is shown in: the one asked for when it has it, else English, else its first. */
function pickLanguage(quiz: QuizFileEntry, lang: string | undefined): string {
  const primary = lang?.split('-')[0];
  const wanted = [lang, primary, 'en'].filter((l): l is string => !!l);
  return wanted.find((l) => quiz.languages.includes(l)) ?? quiz.languages[0]!;
}

/** One quiz in one language, with its correct answers. */
export function quizView(quiz: QuizFileEntry, lang?: string): Quiz {
  const language = pickLanguage(quiz, lang);
  return {
    id: quiz.id,
    language,
    languages: [...quiz.languages],
    title: quiz.title[language]!,
    questions: quiz.questions.map((q) => ({
      id: q.id,
      topic: q.topic,
      text: q.text[language]!,
      choices: q.choices.map((c) => ({ id: c.id, text: c.text[language]! })),
      answer: q.answer,
    })),
  };
}

/** Every built-in quiz in `lang` (English where a quiz lacks it). */
export function builtInQuizzes(lang?: string): Quiz[] {
  return QUIZZES.map((q) => quizView(q, lang));
}

/** The topic of every question of every quiz, by `quizId/questionId`. */
export function questionTopics(): ReadonlyMap<string, OutreachTopic> {
  return new Map(QUIZZES.flatMap((q) => q.questions.map((x) => [`${q.id}/${x.id}`, x.topic])));
}

/**
 * Checks a phase's tallies against the quiz: a known quiz in one of its languages, every question
 * one of its own and counted once, no count above the forms handed in. Throws
 * `validation_failed` naming each wrong field.
 */
export function assertResultFitsQuiz(input: ResultInput): void {
  const quiz = QUIZZES.find((q) => q.id === input.quizId);
  if (!quiz) {
    throw validationFailed([{ path: 'quizId', message: `No quiz ${input.quizId}` }]);
  }
  const errors: { path: string; message: string }[] = [];
  if (!quiz.languages.includes(input.language)) {
    errors.push({ path: 'language', message: `The quiz is in ${quiz.languages.join(', ')}` });
  }
  const known = new Set(quiz.questions.map((q) => q.id));
  const seen = new Set<string>();
  input.correct.forEach((c, i) => {
    if (!known.has(c.questionId)) {
      errors.push({ path: `correct.${i}.questionId`, message: 'Not a question of this quiz' });
    } else if (seen.has(c.questionId)) {
      errors.push({ path: `correct.${i}.questionId`, message: 'This question is counted twice' });
    }
    seen.add(c.questionId);
    if (c.correct > input.respondents) {
      errors.push({ path: `correct.${i}.correct`, message: 'More correct than forms handed in' });
    }
  });
  if (errors.length > 0) {
    throw validationFailed(errors);
  }
}
