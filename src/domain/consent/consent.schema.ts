import { z } from 'zod';
import { IsoDateSchema } from '@/lib/dates.schema.ts';

/** What a consent is for. */
export const PURPOSES = [
  'case_management',
  'referral',
  'cross_border_sharing',
  'aggregate_reporting',
  'photos',
  'phone_contact',
  'legal_proceedings',
] as const;
export const PurposeSchema = z.enum(PURPOSES);
export type Purpose = z.infer<typeof PurposeSchema>;

/** Purposes that name who receives the data: a consent for them needs a recipient. */
export const RECIPIENT_PURPOSES: readonly Purpose[] = [
  'referral',
  'cross_border_sharing',
  'legal_proceedings',
];

/**
 * Kinds of authority a `legal_proceedings` consent may name (with the authority's name in
 * `recipientName`): the recipient of a final report.
 */
export const AUTHORITY_KINDS = [
  'police',
  'prosecutor',
  'court',
  'immigration',
  'national_referral_body',
] as const;
export const AuthorityKindSchema = z.enum(AUTHORITY_KINDS);
export type AuthorityKind = z.infer<typeof AuthorityKindSchema>;

/** Kinds of data a consent covers; `all` covers every category. */
export const DATA_CATEGORIES = [
  'identity',
  'contacts',
  'documents',
  'journey',
  'health',
  'exploitation',
  'narrative',
  'assessment',
  'all',
] as const;
export const DataCategorySchema = z.enum(DATA_CATEGORIES);
export type DataCategory = z.infer<typeof DataCategorySchema>;

export const CONSENT_METHODS = ['verbal', 'written', 'digital'] as const;
export const ConsentMethodSchema = z.enum(CONSENT_METHODS);
export type ConsentMethod = z.infer<typeof ConsentMethodSchema>;

export const CONSENT_DECISIONS = ['given', 'refused'] as const;
export const ConsentDecisionSchema = z.enum(CONSENT_DECISIONS);
export type ConsentDecision = z.infer<typeof ConsentDecisionSchema>;

/** How a consent stands now, derived when read (never stored). */
export const ConsentStatusSchema = z.enum(['given', 'refused', 'withdrawn', 'expired']);
export type ConsentStatus = z.infer<typeof ConsentStatusSchema>;

/**
 * A new consent (version 1 of a new chain). `validUntil` must not be in the past (checked by the
 * service against its clock); referral and cross-border sharing need a recipient; legal
 * proceedings need the authority's name (`recipientName`) and kind (`recipientAuthorityKind`),
 * and no other purpose takes an authority kind.
 */
export const ConsentCreateSchema = z
  .object({
    purpose: PurposeSchema,
    recipientOrganisationId: z.uuid().optional(),
    recipientName: z.string().trim().min(1).max(200).optional(),
    recipientAuthorityKind: AuthorityKindSchema.optional(),
    dataCategories: z.array(DataCategorySchema).min(1).max(DATA_CATEGORIES.length),
    method: ConsentMethodSchema,
    decision: ConsentDecisionSchema,
    validUntil: IsoDateSchema.optional(),
    guardianName: z.string().trim().min(1).max(200).optional(),
    bestInterestNote: z.string().trim().min(1).max(2000).optional(),
  })
  .strict()
  .refine(
    (c) =>
      !RECIPIENT_PURPOSES.includes(c.purpose) ||
      c.recipientOrganisationId !== undefined ||
      c.recipientName !== undefined,
    { message: 'Name the recipient (organisation or name) for this purpose', path: ['recipient'] },
  )
  .refine((c) => c.purpose !== 'legal_proceedings' || c.recipientName !== undefined, {
    message: 'Name the authority (its name) for legal proceedings',
    path: ['recipientName'],
  })
  .refine((c) => c.purpose !== 'legal_proceedings' || c.recipientAuthorityKind !== undefined, {
    message: 'Name the kind of authority for legal proceedings',
    path: ['recipientAuthorityKind'],
  })
  .refine((c) => c.purpose === 'legal_proceedings' || c.recipientAuthorityKind === undefined, {
    message: 'Only a consent for legal proceedings names an authority kind',
    path: ['recipientAuthorityKind'],
  });
export type ConsentCreate = z.infer<typeof ConsentCreateSchema>;

/** One version of a consent as the API returns it. */
export const ConsentViewSchema = z.object({
  id: z.string(),
  chainId: z.string(),
  version: z.number(),
  purpose: PurposeSchema,
  recipientOrganisationId: z.string().nullable(),
  recipientName: z.string().nullable(),
  /** The kind of authority a legal-proceedings consent names; null for every other purpose. */
  recipientAuthorityKind: AuthorityKindSchema.nullable(),
  dataCategories: z.array(DataCategorySchema),
  method: ConsentMethodSchema,
  decision: ConsentDecisionSchema,
  validUntil: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** Null for callers without sensitive access (viewers). */
  guardianName: z.string().nullable(),
  /** Null for callers without sensitive access (viewers). */
  bestInterestNote: z.string().nullable(),
  recordedBy: z.string().nullable(),
  /** Display name of the member who recorded this version (for every role that sees it). */
  recordedByName: z.string().nullable(),
  recordedAt: z.string(),
  status: ConsentStatusSchema,
});
export type ConsentView = z.infer<typeof ConsentViewSchema>;

/** An organisation a consent may name as recipient (referral, cross-border sharing). */
export const RecipientOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** ISO 3166-1 alpha-3. */
  country: z.string(),
});
export type RecipientOrganisation = z.infer<typeof RecipientOrganisationSchema>;

export const RecipientListSchema = z.object({ items: z.array(RecipientOrganisationSchema) });
export type RecipientList = z.infer<typeof RecipientListSchema>;

/** Current consents (latest version of each chain) and the full history, newest first. */
export const ConsentListSchema = z.object({
  items: z.array(ConsentViewSchema),
  history: z.array(ConsentViewSchema),
});
export type ConsentList = z.infer<typeof ConsentListSchema>;

export const ConsentParamsSchema = z
  .object({ caseId: z.string().max(64), consentId: z.string().max(64) })
  .strict();

/** `categories=identity,contacts` as a list. */
export const ConsentCheckQuerySchema = z
  .object({
    purpose: PurposeSchema,
    recipientOrganisationId: z.uuid().optional(),
    categories: z
      .string()
      .max(200)
      .transform((s) => [...new Set(s.split(',').map((c) => c.trim()))])
      .pipe(z.array(DataCategorySchema).min(1)),
  })
  .strict();
export type ConsentCheckQuery = z.infer<typeof ConsentCheckQuerySchema>;

export const ShareReasonSchema = z.enum([
  'ok',
  'no_consent',
  'refused',
  'withdrawn',
  'expired',
  'categories_missing',
]);
export type ShareReason = z.infer<typeof ShareReasonSchema>;

/** The answer of `canShare`. */
export const ShareDecisionSchema = z.object({
  allowed: z.boolean(),
  /** The consent version that decided, or null when there is none. */
  consentId: z.string().nullable(),
  missing: z.array(DataCategorySchema),
  reason: ShareReasonSchema,
});
export type ShareDecision = z.infer<typeof ShareDecisionSchema>;
