import { z } from 'zod';

/**
 * The closed lists of outreach work (sessions in schools, universities and communities, their
 * quizzes and teaching materials), as data the API, the database and the web share. Adding a
 * topic or a setting is a line here; the database stores the value as text.
 */

/** Where a session is held. */
export const OUTREACH_SETTINGS = ['school', 'university', 'community', 'online'] as const;
export const OutreachSettingSchema = z.enum(OUTREACH_SETTINGS);
export type OutreachSetting = z.infer<typeof OutreachSettingSchema>;

/** The age band of most of the audience; `mixed` when no band fits most of it. */
export const AGE_BANDS = ['under_15', '15_17', '18_24', '25_plus', 'mixed'] as const;
export const AgeBandSchema = z.enum(AGE_BANDS);
export type AgeBand = z.infer<typeof AgeBandSchema>;

/** What a session, a quiz question or a material is about. */
export const OUTREACH_TOPICS = [
  'fake_job_offers',
  'scam_compounds',
  'safe_migration',
  'online_safety',
  'where_to_get_help',
] as const;
export const OutreachTopicSchema = z.enum(OUTREACH_TOPICS);
export type OutreachTopic = z.infer<typeof OutreachTopicSchema>;

/** The kinds of teaching material in the library. */
export const MATERIAL_KINDS = ['slides', 'handout', 'video', 'poster', 'link'] as const;
export const MaterialKindSchema = z.enum(MATERIAL_KINDS);
export type MaterialKind = z.infer<typeof MaterialKindSchema>;

/** Before or after the session: the quiz measures the change between the two. */
export const QUIZ_PHASES = ['pre', 'post'] as const;
export const QuizPhaseSchema = z.enum(QUIZ_PHASES);
export type QuizPhase = z.infer<typeof QuizPhaseSchema>;

/** A BCP 47 language tag as people write it: `th`, `en`, `zh-Hant`, `fil`. */
export const LanguageTagSchema = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'A BCP 47 language tag such as en or th');

/** A list of distinct topics (at least one). */
export const TopicListSchema = z
  .array(OutreachTopicSchema)
  .min(1)
  .max(OUTREACH_TOPICS.length)
  .refine((t) => new Set(t).size === t.length, { message: 'Each topic once' });

/** Free text trimmed and capped. */
export const outreachText = (max: number) => z.string().trim().max(max);

/** `:id` of a session or a material. */
export const OutreachIdParamsSchema = z.object({ id: z.string().max(100) });
