import { z } from 'zod';
import { IsoDateSchema } from '@/lib/dates.schema.ts';
import {
  AGE_BANDS,
  LanguageTagSchema,
  OUTREACH_SETTINGS,
  OutreachTopicSchema,
} from './outreach.schema.ts';

/**
 * Quizzes as data (`outreach-quizzes.json`): each question has a stable id, a topic, choices and
 * the correct choice, with its words in every language of the quiz; the dashboard's knowledge
 * change, and its view per topic, come from these ids and topics.
 */

const Texts = z.record(LanguageTagSchema, z.string().trim().min(1).max(500));

const QuizQuestionFileSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]{0,79}$/),
    topic: OutreachTopicSchema,
    answer: z.string().regex(/^[a-z]$/),
    text: Texts,
    choices: z
      .array(z.object({ id: z.string().regex(/^[a-z]$/), text: Texts }).strict())
      .min(2)
      .max(6),
  })
  .strict();

const QuizFileEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]{0,79}$/),
    languages: z.array(LanguageTagSchema).min(1),
    title: Texts,
    questions: z.array(QuizQuestionFileSchema).min(1).max(40),
  })
  .strict()
  .superRefine((quiz, issue) => {
    const texts = [
      quiz.title,
      ...quiz.questions.flatMap((q) => [q.text, ...q.choices.map((c) => c.text)]),
    ];
    for (const lang of quiz.languages) {
      if (texts.some((t) => !t[lang])) {
        issue.addIssue({ code: 'custom', message: `Some text is missing in ${lang}` });
      }
    }
    for (const q of quiz.questions) {
      if (!q.choices.some((c) => c.id === q.answer)) {
        issue.addIssue({ code: 'custom', message: `${q.id}: the answer is not a choice` });
      }
    }
    if (new Set(quiz.questions.map((q) => q.id)).size !== quiz.questions.length) {
      issue.addIssue({ code: 'custom', message: 'Question ids repeat' });
    }
  });

/** The shape of `outreach-quizzes.json`. */
export const QuizFileSchema = z
  .object({ note: z.string(), quizzes: z.array(QuizFileEntrySchema).min(1) })
  .strict();
export type QuizFile = z.infer<typeof QuizFileSchema>;
export type QuizFileEntry = QuizFile['quizzes'][number];

/** A quiz in one language, with the correct answers (the facilitator marks the paper forms). */
export const QuizSchema = z.object({
  id: z.string(),
  /** The language of the words below (English when the quiz lacks the one asked for). */
  language: z.string(),
  languages: z.array(z.string()),
  title: z.string(),
  questions: z.array(
    z.object({
      id: z.string(),
      topic: OutreachTopicSchema,
      text: z.string(),
      choices: z.array(z.object({ id: z.string(), text: z.string() })),
      answer: z.string(),
    }),
  ),
});
export type Quiz = z.infer<typeof QuizSchema>;

export const QuizListSchema = z.object({ items: z.array(QuizSchema) });
export type QuizList = z.infer<typeof QuizListSchema>;

export const QuizQuerySchema = z.object({ lang: LanguageTagSchema.optional() }).strict();
export type QuizQuery = z.infer<typeof QuizQuerySchema>;

/** `GET /api/outreach/dashboard`: a range of session dates (default: the last 12 months). */
export const DashboardQuerySchema = z
  .object({ from: IsoDateSchema.optional(), to: IsoDateSchema.optional() })
  .strict();
export type DashboardQuery = z.infer<typeof DashboardQuerySchema>;

const Reach = z.object({ sessions: z.number(), people: z.number() });
export type Reach = z.infer<typeof Reach>;

/** Knowledge before and after: the share of correct answers (null without results). */
const Knowledge = z.object({
  preScore: z.number().nullable(),
  postScore: z.number().nullable(),
  /** Answers counted (forms × questions) before and after. */
  preAnswers: z.number(),
  postAnswers: z.number(),
});
export type Knowledge = z.infer<typeof Knowledge>;

export const DashboardMonthSchema = Reach.extend({
  month: z.string(),
  bySetting: z.object(
    Object.fromEntries(OUTREACH_SETTINGS.map((s) => [s, Reach])) as Record<
      (typeof OUTREACH_SETTINGS)[number],
      typeof Reach
    >,
  ),
  byAgeBand: z.object(
    Object.fromEntries(AGE_BANDS.map((a) => [a, Reach])) as Record<
      (typeof AGE_BANDS)[number],
      typeof Reach
    >,
  ),
  knowledge: Knowledge,
});
export type DashboardMonth = z.infer<typeof DashboardMonthSchema>;

/** Reach per month (every month of the range, empty ones too) and knowledge change. */
export const DashboardSchema = z.object({
  from: z.string(),
  to: z.string(),
  totals: Reach.extend({ knowledge: Knowledge }),
  months: z.array(DashboardMonthSchema),
  topics: z.array(Knowledge.extend({ topic: OutreachTopicSchema })),
});
export type Dashboard = z.infer<typeof DashboardSchema>;
