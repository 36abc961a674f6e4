import { z } from 'zod';
import type { DataCategory } from '@/domain/consent/consent.schema.ts';
import {
  AppliesToSchema,
  ElementSchema,
  INSTRUMENT_KINDS,
  PROVENANCES,
  RuleSetSchema,
  StrengthSchema,
} from './instrument.schema.ts';
import {
  AnswerValueSchema,
  FindingSchema,
  PartResultSchema,
  RulesReasonSchema,
} from './screening.schema.ts';

/**
 * The screening API's inputs and views (routes, services, the web). What the rule evaluation
 * reads is in screening.schema.ts; the instrument itself in instrument.schema.ts.
 */

/**
 * The consent category screening results belong to: sharing a screening (a referral, the
 * evidence report) needs a consent covering `assessment` (or `all`).
 */
export const SCREENING_DATA_CATEGORY = 'assessment' satisfies DataCategory;

/** A screening is drafted (`in_progress`), then `complete` (scored), then `approved`. */
export const SCREENING_STATUSES = ['in_progress', 'complete', 'approved'] as const;
export const ScreeningStatusSchema = z.enum(SCREENING_STATUSES);
export type ScreeningStatus = z.infer<typeof ScreeningStatusSchema>;

/** Where what backs an answer comes from. */
export const EVIDENCE_KINDS = ['self_report', 'document', 'observation', 'third_party'] as const;
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof EvidenceKindSchema>;

/** The languages instrument texts may carry (keys of `LocalizedTextSchema`). */
export const INSTRUMENT_LANGS = ['en', 'th', 'km', 'my', 'vi', 'id', 'bn', 'sw'] as const;
export const InstrumentLangSchema = z.enum(INSTRUMENT_LANGS);
export type InstrumentLang = z.infer<typeof InstrumentLangSchema>;

export const MAX_ANSWERS = 500;
export const MAX_EVIDENCE_NOTE = 4000;
export const MAX_STATEMENT = 20_000;

export const AnswerInputSchema = z.strictObject({
  indicatorId: z.string().min(1).max(64),
  answer: AnswerValueSchema,
  evidence: z
    .strictObject({
      kind: EvidenceKindSchema,
      note: z.string().trim().max(MAX_EVIDENCE_NOTE).optional(),
    })
    .optional(),
});
export type AnswerInput = z.infer<typeof AnswerInputSchema>;

const StatementSchema = z.string().trim().max(MAX_STATEMENT);

/**
 * A new screening. The latest version of the instrument when `instrumentVersion` is omitted;
 * `complete` (scored and stored) unless `in_progress` (a resumable interview).
 */
export const ScreeningCreateSchema = z.strictObject({
  instrumentId: z.string().min(1).max(100),
  instrumentVersion: z.number().int().min(1).optional(),
  status: z.enum(['in_progress', 'complete']).default('complete'),
  answers: z.array(AnswerInputSchema).max(MAX_ANSWERS),
  statement: StatementSchema.optional(),
});
export type ScreeningCreate = z.infer<typeof ScreeningCreateSchema>;

/**
 * An edit. `answers` replaces every answer. While `in_progress` everything may change (and
 * `status: complete` scores it); once complete only the statement, until approval. Names the
 * version it is based on (or If-Match).
 */
export const ScreeningUpdateSchema = z.strictObject({
  version: z.number().int().min(1).optional(),
  status: z.enum(['in_progress', 'complete']).optional(),
  answers: z.array(AnswerInputSchema).max(MAX_ANSWERS).optional(),
  statement: StatementSchema.nullable().optional(),
});
export type ScreeningUpdate = z.infer<typeof ScreeningUpdateSchema>;

/**
 * A screening without its answers. `finding`, `strength` and `parts` are the result stored when
 * it was completed (null / empty while in progress); never recomputed when read.
 */
export const ScreeningSummarySchema = z.object({
  id: z.string(),
  caseId: z.string(),
  instrumentId: z.string(),
  instrumentVersion: z.number(),
  status: ScreeningStatusSchema,
  rules: RuleSetSchema,
  rulesReason: RulesReasonSchema,
  finding: FindingSchema.nullable(),
  strength: StrengthSchema.nullable(),
  parts: z.array(PartResultSchema),
  createdBy: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ScreeningSummary = z.infer<typeof ScreeningSummarySchema>;

export const AnswerViewSchema = z.object({
  indicatorId: z.string(),
  answer: AnswerValueSchema,
  /** Null without evidence; `note` null for callers without sensitive access (viewers). */
  evidence: z.object({ kind: EvidenceKindSchema, note: z.string().nullable() }).nullable(),
});
export type AnswerView = z.infer<typeof AnswerViewSchema>;

/** One screening with its answers and the caseworker's statement (null without sensitive access). */
export const ScreeningSchema = ScreeningSummarySchema.extend({
  answers: z.array(AnswerViewSchema),
  statement: z.string().nullable(),
});
export type Screening = z.infer<typeof ScreeningSchema>;

export const ScreeningListSchema = z.object({ items: z.array(ScreeningSummarySchema) });
export type ScreeningList = z.infer<typeof ScreeningListSchema>;

export const ScreeningParamsSchema = z
  .object({ caseId: z.string().max(64), screeningId: z.string().max(64) })
  .strict();

/** `?lang=th`: instrument texts in that language, English where a text has no translation. */
export const InstrumentListQuerySchema = z
  .object({ lang: InstrumentLangSchema.default('en') })
  .strict();
export type InstrumentListQuery = z.infer<typeof InstrumentListQuerySchema>;

export const InstrumentParamsSchema = z
  .object({ instrumentId: z.string().max(100), version: z.coerce.number().int().min(1).max(1e6) })
  .strict();

export const InstrumentIdParamsSchema = z.object({ instrumentId: z.string().max(100) }).strict();

const KeyTitleSchema = z.object({ key: z.string(), title: z.string() });

export const IndicatorViewSchema = z.object({
  id: z.string(),
  dimension: z.string(),
  element: ElementSchema.optional(),
  strength: StrengthSchema,
  appliesTo: AppliesToSchema,
  question: z.string(),
  help: z.string(),
});

/** An instrument as the interview shows it, in one language. */
export const InstrumentViewSchema = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  kind: z.enum(INSTRUMENT_KINDS),
  /** `builtin` ships with Homeward (or a platform-published version of it); else the organisation's. */
  owner: z.enum(['builtin', 'organisation']),
  /** False when the rule or a weight has not been read in the primary source (see `caveats`). */
  verified: z.boolean(),
  ruleSummary: z.string(),
  /** Where the rule comes from: `project_convention` when the source gives none. */
  ruleProvenance: z.enum(PROVENANCES),
  /** `project_convention` when the project assigned the indicators to act, means and purpose. */
  elementsProvenance: z.enum(PROVENANCES).optional(),
  caveats: z.array(z.string()),
  /** The names of the dimensions and scored parts, in the language asked for. */
  dimensions: z.array(KeyTitleSchema),
  parts: z.array(KeyTitleSchema),
  indicators: z.array(IndicatorViewSchema),
});
export type InstrumentView = z.infer<typeof InstrumentViewSchema>;

export const InstrumentListSchema = z.object({ items: z.array(InstrumentViewSchema) });
export type InstrumentList = z.infer<typeof InstrumentListSchema>;
