import { z } from 'zod';
import { IsoDateSchema } from '@/lib/dates.schema.ts';
import { RuleSetSchema, StrengthSchema } from './instrument.schema.ts';

/** An answer to one indicator. `unknown` is never read as `no`. */
export const ANSWER_VALUES = ['yes', 'no', 'unknown'] as const;
export const AnswerValueSchema = z.enum(ANSWER_VALUES);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;

/** What the rule evaluation reads of an answer (evidence notes play no part in the score). */
export const ScreeningAnswerSchema = z.object({
  indicatorId: z.string().min(1),
  answer: AnswerValueSchema,
});
export type ScreeningAnswer = z.infer<typeof ScreeningAnswerSchema>;

export const PART_STATUSES = ['met', 'not_met', 'undetermined'] as const;
export const PartStatusSchema = z.enum(PART_STATUSES);
export type PartStatus = z.infer<typeof PartStatusSchema>;

export const FINDINGS = ['indicators_present', 'insufficient_indicators', 'undetermined'] as const;
export const FindingSchema = z.enum(FINDINGS);
export type Finding = z.infer<typeof FindingSchema>;

/**
 * One part of the result. `drivers` are the answers that decided its status: the indicators
 * answered yes for `met`, answered no for `not_met`, not answered yes or no (unknown or left out)
 * for `undetermined`.
 */
export const PartResultSchema = z.object({
  key: z.string(),
  status: PartStatusSchema,
  drivers: z.array(z.string()),
});
export type PartResult = z.infer<typeof PartResultSchema>;

/**
 * The explained result of a screening. An indication for a person to act on (refer for formal
 * identification), never a legal determination. `strength` is that of the strongest indicator
 * answered yes that the rules score; null when none was.
 */
export const ScreeningEvaluationSchema = z.object({
  rules: RuleSetSchema,
  finding: FindingSchema,
  strength: StrengthSchema.nullable(),
  parts: z.array(PartResultSchema),
});
export type ScreeningEvaluation = z.infer<typeof ScreeningEvaluationSchema>;

/** What decides, when a screening is made, whether the child rules apply. */
export const ChildRulesInputSchema = z.object({
  birthDate: IsoDateSchema.optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  possibleMinor: z.boolean(),
  /** An age estimated by a caseworker (no birth date or year known), and the day it was taken. */
  estimatedAge: z.object({ years: z.number().int().min(0).max(120), on: IsoDateSchema }).optional(),
  recruitmentDate: IsoDateSchema.optional(),
  screeningDate: IsoDateSchema,
});
export type ChildRulesInput = z.infer<typeof ChildRulesInputSchema>;

/**
 * Why these rules apply. `…_at_recruitment` when the recruitment date was known, `…_at_screening`
 * when it was not and the age at the screening counted instead.
 */
export const RULES_REASONS = [
  'under_18_at_recruitment',
  'under_18_at_screening',
  'may_have_been_under_18_at_recruitment',
  'may_be_under_18_at_screening',
  'flagged_possible_minor',
  'adult_at_recruitment',
  'adult_at_screening',
  'age_unknown_not_flagged',
] as const;
export const RulesReasonSchema = z.enum(RULES_REASONS);
export type RulesReason = z.infer<typeof RulesReasonSchema>;

export const ChildRulesDecisionSchema = z.object({
  rules: RuleSetSchema,
  reason: RulesReasonSchema,
});
export type ChildRulesDecision = z.infer<typeof ChildRulesDecisionSchema>;
