import { z } from 'zod';
import { DataCategorySchema, ShareDecisionSchema } from '@/domain/consent/consent.schema.ts';
import { cursorSchema } from '@/lib/cursor.schema.ts';
import {
  REFERRAL_ACTIONS,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  URGENCIES,
} from './referral-states.ts';

export * from './referral-states.ts';

/**
 * Referrals between organisations of this installation (and, later, between installations):
 * the API contract. The recipient sees the referral, its status history and — while the
 * referral is sent, accepted, in progress or completed — the frozen packet; never the rest of
 * the sender's case.
 */

export const ReferralStatusSchema = z.enum(REFERRAL_STATUSES);
export const ReferralActionSchema = z.enum(REFERRAL_ACTIONS);
export const UrgencySchema = z.enum(URGENCIES);
export const ReferralOutcomeSchema = z.enum(REFERRAL_OUTCOMES);

/** Text a person typed: trimmed, line breaks allowed, no other control characters. */
const Paragraph = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s.replace(/[\t\n\r]/g, '')), {
      message: 'Control characters are not allowed',
    });

export const ReferralCreateSchema = z
  .object({
    caseId: z.uuid(),
    toOrganisationId: z.uuid(),
    serviceIds: z.array(z.uuid()).max(10).optional(),
    categories: z.array(DataCategorySchema).min(1).max(DataCategorySchema.options.length),
    reason: Paragraph(2000),
    urgency: UrgencySchema,
  })
  .strict();
export type ReferralCreate = z.infer<typeof ReferralCreateSchema>;

export const DeclineSchema = z.object({ reason: Paragraph(1000) }).strict();
export type DeclineInput = z.infer<typeof DeclineSchema>;

/** Completing: the person was received, or not reached (then with a reason). */
export const CompleteSchema = z
  .object({ outcome: ReferralOutcomeSchema, reason: Paragraph(1000).optional() })
  .strict()
  .refine((c) => c.outcome !== 'not_reached' || c.reason !== undefined, {
    message: 'Say why the person could not be reached',
    path: ['reason'],
  });
export type CompleteInput = z.infer<typeof CompleteSchema>;

export const RevokeSchema = z.object({ reason: Paragraph(1000).optional() }).strict();
export type RevokeInput = z.infer<typeof RevokeSchema>;

/** Accepting: a new case from the packet, or `linkCaseId`, an existing case of the recipient. */
export const AcceptSchema = z.object({ linkCaseId: z.uuid().optional() }).strict();
export type AcceptInput = z.infer<typeof AcceptSchema>;

export const ReferralParamsSchema = z.object({ id: z.string().max(64) }).strict();

export const ReferralListQuerySchema = z
  .object({
    box: z.enum(['inbox', 'outbox']),
    status: ReferralStatusSchema.optional(),
    /** Newest first by (updatedAt, id). */
    cursor: cursorSchema([['instant', 'uuid']]).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ReferralListQuery = z.infer<typeof ReferralListQuerySchema>;

export const ReferralPartySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** ISO 3166-1 alpha-3; null for an organisation that has not said. */
  country: z.string().nullable(),
});
export type ReferralParty = z.infer<typeof ReferralPartySchema>;

export const ReferralServiceSchema = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
});

/** One entry of the status history, seen by both sides. */
export const ReferralHistoryEntrySchema = z.object({
  at: z.string(),
  /** The transition, or `reminder` / `consent_withdrawn` for what the system recorded. */
  action: z.string(),
  fromStatus: ReferralStatusSchema.nullable(),
  toStatus: ReferralStatusSchema,
  /** The organisation whose member (or whose system) took the step. */
  organisationId: z.string().nullable(),
  /** The reason given (decline, revoke, not reached), null when none. */
  note: z.string().nullable(),
});
export type ReferralHistoryEntry = z.infer<typeof ReferralHistoryEntrySchema>;

export const ReferralSummarySchema = z.object({
  id: z.string(),
  status: ReferralStatusSchema,
  urgency: UrgencySchema,
  from: ReferralPartySchema,
  to: ReferralPartySchema,
  categories: z.array(DataCategorySchema),
  /** The sender's case number (outbox only; null in the inbox). */
  caseNumber: z.string().nullable(),
  /** Until when the recipient should accept or decline (sent referrals), else null. */
  respondBy: z.string().nullable(),
  /** A sent referral past `respondBy` with no answer. */
  overdue: z.boolean(),
  sentAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ReferralSummary = z.infer<typeof ReferralSummarySchema>;

/** The referrals of one case (sent from it, or accepted into it), newest first. */
export const CaseReferralListSchema = z.object({ items: z.array(ReferralSummarySchema) });
export type CaseReferralList = z.infer<typeof CaseReferralListSchema>;

export const ReferralPageSchema = z.object({
  items: z.array(ReferralSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ReferralPage = z.infer<typeof ReferralPageSchema>;

/** The frozen data packet as the recipient reads it (see referral-packet.schema.ts). */
export const PacketViewSchema = z.object({
  schemaVersion: z.number(),
  categories: z.array(DataCategorySchema),
  frozenAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type PacketView = z.infer<typeof PacketViewSchema>;

export const ReferralSchema = z.object({
  id: z.string(),
  /** Which side of the referral the caller is on. */
  side: z.enum(['sender', 'recipient']),
  status: ReferralStatusSchema,
  urgency: UrgencySchema,
  reason: z.string(),
  from: ReferralPartySchema,
  to: ReferralPartySchema,
  services: z.array(ReferralServiceSchema),
  categories: z.array(DataCategorySchema),
  /** The sender's case (sender only; null for the recipient). */
  caseId: z.string().nullable(),
  /** The recipient's case created or linked on acceptance (recipient only; else null). */
  recipientCaseId: z.string().nullable(),
  /**
   * The sender's consent check for a draft (what the consent allows, what is missing); null
   * once sent and for the recipient.
   */
  consentCheck: ShareDecisionSchema.nullable(),
  respondBy: z.string().nullable(),
  overdue: z.boolean(),
  sentAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  startedAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  outcome: ReferralOutcomeSchema.nullable(),
  /** Hours from sending to acceptance, and from sending to the service starting. */
  metrics: z.object({
    hoursToAccept: z.number().nullable(),
    hoursToFirstService: z.number().nullable(),
  }),
  /**
   * Set when the consent the packet travelled under was withdrawn after acceptance: the fields
   * copied into the recipient's case await review (confirm an own consent, or erase them).
   */
  reviewRequiredSince: z.string().nullable(),
  history: z.array(ReferralHistoryEntrySchema),
  /** The frozen packet: for the recipient while readable, for the sender always once sent. */
  packet: PacketViewSchema.nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Referral = z.infer<typeof ReferralSchema>;
