import { z } from 'zod';
import { NameTextSchema } from '@/domain/auth/organisations.schema.ts';
import { IsoDateSchema, IsoDateTimeSchema } from '@/lib/dates.schema.ts';
import {
  ClockStartSchema,
  DecisionKindSchema,
  DecisionOutcomeSchema,
  DurationUnitSchema,
  FigureStatusSchema,
  JurisdictionCodeSchema,
  STEP_KINDS,
} from './nrm.schema.ts';

/** Referrals of a case to a national referral mechanism, their deadlines and decisions. */

export const REFERRAL_STATUSES = ['open', 'closed'] as const;
export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);

/** `POST /api/cases/:caseId/nrm-referrals`. */
export const ReferralCreateSchema = z
  .object({
    jurisdiction: JurisdictionCodeSchema,
    /** When the referral was received (with its offset): the clock of the first steps. */
    referredAt: IsoDateTimeSchema,
    /** The institution referred to (e.g. the Single Competent Authority): not personal data. */
    authority: NameTextSchema,
  })
  .strict();
export type ReferralCreate = z.infer<typeof ReferralCreateSchema>;

/** A decision as recorded: who decided, what, on which day. */
export const DecisionInputSchema = z
  .object({
    kind: DecisionKindSchema,
    outcome: DecisionOutcomeSchema,
    decidedOn: IsoDateSchema,
    /** The deciding institution (e.g. "Single Competent Authority", "MDT Bangkok"). */
    decisionMaker: NameTextSchema,
  })
  .strict();
export type DecisionInput = z.infer<typeof DecisionInputSchema>;

/** `PATCH /api/cases/:caseId/nrm-referrals/:id`: records one decision. */
export const ReferralUpdateSchema = z.object({ decision: DecisionInputSchema }).strict();
export type ReferralUpdate = z.infer<typeof ReferralUpdateSchema>;

export const DecisionSchema = DecisionInputSchema.extend({
  recordedBy: z.string().nullable(),
  recordedAt: z.string(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** One step of a referral with its figure as it was when the referral was made. */
export const ReferralStepSchema = z.object({
  step: z.string(),
  kind: z.enum(STEP_KINDS),
  duration: z.number().nullable(),
  unit: DurationUnitSchema.nullable(),
  clockStartsAt: z.string(),
  startsOn: ClockStartSchema.nullable(),
  endsWith: DecisionKindSchema.nullable(),
  status: FigureStatusSchema,
  statusNote: z.string().nullable(),
  source: z.string(),
  asOf: z.string(),
  /** When its clock started; null until its event happened (or when nothing starts it). */
  startedAt: z.string().nullable(),
  /** The instant it is due (end of the day, in the jurisdiction, for day counts); null: none. */
  dueAt: z.string().nullable(),
  /** The day it is due in the jurisdiction's calendar. */
  dueOn: z.string().nullable(),
  /** When the decision that ends it was recorded, or the referral was closed. */
  closedAt: z.string().nullable(),
  /** A deadline not closed whose due instant has passed (periods are never overdue). */
  overdue: z.boolean(),
});
export type ReferralStep = z.infer<typeof ReferralStepSchema>;

export const ReferralSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  jurisdiction: z.string(),
  referredAt: z.string(),
  authority: z.string(),
  status: ReferralStatusSchema,
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  steps: z.array(ReferralStepSchema),
  decisions: z.array(DecisionSchema),
});
export type Referral = z.infer<typeof ReferralSchema>;
export const ReferralListSchema = z.object({ items: z.array(ReferralSchema) });

export const ReferralParamsSchema = z.object({ caseId: z.string(), id: z.string() });

/** `GET /api/nrm-referrals?due=overdue|upcoming` (both when left out). */
export const DueQuerySchema = z
  .object({ due: z.enum(['overdue', 'upcoming']).optional() })
  .strict();
export type DueQuery = z.infer<typeof DueQuerySchema>;

export const DueItemSchema = z.object({
  caseId: z.string(),
  caseNumber: z.string(),
  referralId: z.string(),
  jurisdiction: z.string(),
  step: z.string(),
  kind: z.enum(STEP_KINDS),
  status: FigureStatusSchema,
  dueAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
});
export type DueItem = z.infer<typeof DueItemSchema>;
export const DueListSchema = z.object({
  items: z.array(DueItemSchema),
  /** The organisation's "upcoming" horizon in days. */
  upcomingDays: z.number(),
});
export type DueList = z.infer<typeof DueListSchema>;

/** The organisation's NRM settings (`GET`/`PATCH /api/nrm/settings`). */
export const NrmSettingsSchema = z.object({ upcomingDays: z.number().int() });
export type NrmSettings = z.infer<typeof NrmSettingsSchema>;
export const NrmSettingsUpdateSchema = z
  .object({ upcomingDays: z.number().int().min(1).max(90) })
  .strict();
export type NrmSettingsUpdate = z.infer<typeof NrmSettingsUpdateSchema>;

/** Default "upcoming" horizon: due within 7 days (issue 11). */
export const DEFAULT_UPCOMING_DAYS = 7;
