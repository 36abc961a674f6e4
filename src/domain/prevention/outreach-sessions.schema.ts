import { z } from 'zod';
import { cursorSchema } from '@/lib/cursor.schema.ts';
import { IsoDateSchema } from '@/lib/dates.schema.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@/lib/page-query.schema.ts';
import {
  AgeBandSchema,
  LanguageTagSchema,
  MaterialKindSchema,
  OutreachSettingSchema,
  OutreachTopicSchema,
  outreachText,
  QuizPhaseSchema,
  TopicListSchema,
} from './outreach.schema.ts';

/**
 * Outreach sessions: a talk or workshop in a school, university, community or online, who held
 * it, for how many people of which age band, on which topics, with which materials, and the
 * audience's quiz results before and after. No participant is named anywhere.
 */

const SessionFieldsSchema = z.object({
  setting: OutreachSettingSchema,
  heldOn: IsoDateSchema,
  /** Where: the school's or venue's name and district. Never a participant's name. */
  place: outreachText(300).min(1),
  audienceSize: z.number().int().min(1).max(100_000),
  ageBand: AgeBandSchema,
  topics: TopicListSchema,
  /** Materials of the organisation's library used in the session. */
  materialIds: z
    .array(z.uuid())
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'Each material once' }),
  /** A member of the organisation who does outreach; the caller when omitted on create. */
  facilitatorId: z.uuid(),
  /** The language the session was held in. */
  language: LanguageTagSchema,
  notes: outreachText(4000),
});

/** `POST /api/outreach/sessions`. */
export const SessionCreateSchema = SessionFieldsSchema.extend({
  materialIds: SessionFieldsSchema.shape.materialIds.default([]),
  facilitatorId: z.uuid().optional(),
  notes: outreachText(4000).default(''),
}).strict();
export type SessionCreate = z.infer<typeof SessionCreateSchema>;

/** `PATCH /api/outreach/sessions/:id`: any field; `cancelled` takes it out of the dashboard. */
export const SessionUpdateSchema = SessionFieldsSchema.extend({ cancelled: z.boolean() })
  .partial()
  .strict();
export type SessionUpdate = z.infer<typeof SessionUpdateSchema>;

/** One question's tally: how many of the respondents answered it correctly. */
export const QuestionTallySchema = z.object({ questionId: z.string(), correct: z.number() });

/** `PUT /api/outreach/sessions/:id/results/:phase`: the tallied paper forms of one phase. */
export const ResultInputSchema = z
  .object({
    quizId: z.string().min(1).max(100),
    /** The language the forms were in (the quiz's questions are the same in every language). */
    language: LanguageTagSchema,
    /** How many forms were handed in. */
    respondents: z.number().int().min(1).max(100_000),
    /** Per question asked: how many forms had it right (0 … respondents). */
    correct: z
      .array(
        z
          .object({
            questionId: z.string().min(1).max(100),
            correct: z.number().int().min(0).max(100_000),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();
export type ResultInput = z.infer<typeof ResultInputSchema>;

export const ResultParamsSchema = z.object({ id: z.string().max(100), phase: QuizPhaseSchema });

/** A phase's results with its score: the share of answers that were correct (0 … 1). */
export const ResultSchema = z.object({
  phase: QuizPhaseSchema,
  quizId: z.string(),
  language: z.string(),
  respondents: z.number(),
  correct: z.array(QuestionTallySchema),
  score: z.number(),
  recordedAt: z.string(),
});
export type Result = z.infer<typeof ResultSchema>;

export const PersonRefSchema = z.object({ id: z.string(), name: z.string() });

export const SessionMaterialSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: MaterialKindSchema,
  language: z.string(),
});

/** A session as the API returns it. */
export const SessionSchema = z.object({
  id: z.string(),
  setting: OutreachSettingSchema,
  heldOn: z.string(),
  place: z.string(),
  audienceSize: z.number(),
  ageBand: AgeBandSchema,
  topics: z.array(OutreachTopicSchema),
  materials: z.array(SessionMaterialSchema),
  facilitator: PersonRefSchema.nullable(),
  language: z.string(),
  notes: z.string(),
  cancelled: z.boolean(),
  results: z.object({ pre: ResultSchema.nullable(), post: ResultSchema.nullable() }),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Session = z.infer<typeof SessionSchema>;

/** A session in a list: no notes or materials, the two scores only. */
export const SessionSummarySchema = SessionSchema.omit({
  notes: true,
  materials: true,
  results: true,
}).extend({ preScore: z.number().nullable(), postScore: z.number().nullable() });
export type SessionSummary = z.infer<typeof SessionSummarySchema>;

/** upcoming: today or later, soonest first; past: before today, latest first; all: latest first. */
export const SESSION_WHEN = ['all', 'upcoming', 'past'] as const;

/** `GET /api/outreach/sessions`. */
export const SessionListQuerySchema = z
  .object({
    when: z.enum(SESSION_WHEN).default('all'),
    setting: OutreachSettingSchema.optional(),
    topic: OutreachTopicSchema.optional(),
    ageBand: AgeBandSchema.optional(),
    facilitator: z.union([z.literal('me'), z.uuid()]).optional(),
    from: IsoDateSchema.optional(),
    to: IsoDateSchema.optional(),
    includeCancelled: z.enum(['true', 'false']).default('false'),
    cursor: cursorSchema([['date', 'uuid']]).optional(),
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  })
  .strict();
export type SessionListQuery = z.infer<typeof SessionListQuerySchema>;

export const SessionPageSchema = z.object({
  items: z.array(SessionSummarySchema),
  nextCursor: z.string().nullable(),
});
export type SessionPage = z.infer<typeof SessionPageSchema>;

/** The people a session may name as its facilitator: members who do outreach. */
export const FacilitatorListSchema = z.object({ items: z.array(PersonRefSchema) });
export type FacilitatorList = z.infer<typeof FacilitatorListSchema>;
