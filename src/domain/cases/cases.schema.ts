import { z } from 'zod';
import { IsoDateSchema } from '@/lib/dates.schema.ts';
import { detectScript, ScriptSchema } from './name-script.schema.ts';

/** Code lists of the cases module. Labels live in the UI's translations. */
export const CASE_STATUSES = ['open', 'closed'] as const;
export const RISK_LEVELS = ['unknown', 'low', 'medium', 'high'] as const;
export const SEXES = ['female', 'male', 'intersex', 'unknown', 'prefer_not_to_say'] as const;
export const EXPLOITATION_FORMS = [
  'forced_criminality',
  'forced_labour',
  'sexual_exploitation',
  'other',
] as const;
export const RECRUITMENT_CHANNELS = [
  'friend_or_relative',
  'social_media',
  'job_website',
  'agency',
  'other',
  'unknown',
] as const;
export const EXIT_METHODS = [
  'escaped',
  'released',
  'rescued',
  'ransom_paid',
  'deported',
  'other',
  'unknown',
] as const;
/** ISO 15924 script codes offered for names (any well-formed code is accepted). */
export { SCRIPTS } from './name-script.schema.ts';
export const IDENTITY_KINDS = ['primary', 'alias', 'transliteration'] as const;
export const CONTACT_KINDS = [
  'phone',
  'messaging_app',
  'email',
  'trusted_person',
  'other',
] as const;
export const DOCUMENT_TYPES = ['passport', 'national_id', 'travel_document', 'other'] as const;
/** Re-trafficking risk factors; see case-risk.ts for how they combine. */
export const RISK_FACTORS = [
  'unemployment',
  'debt',
  'recruiter_contact',
  'plans_to_migrate',
  'family_pressure',
  'no_support',
] as const;

export const CaseStatusSchema = z.enum(CASE_STATUSES);
export const RiskLevelSchema = z.enum(RISK_LEVELS);
export const RiskFactorSchema = z.enum(RISK_FACTORS);
export type RiskFactor = z.infer<typeof RiskFactorSchema>;

export const CountrySchema = z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 3166-1 alpha-3 code');
export { IsoDateSchema };
const LanguageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'Use a BCP 47 language tag, e.g. th or my-MM');
/** One line of text (names, labels, search words): no control characters. */
export const ShortTextSchema = z
  .string()
  .trim()
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'Control characters are not allowed');
const ShortText = ShortTextSchema;
/** Free text (narratives, notes): long, may contain line breaks and tabs, no other controls. */
export const LongTextSchema = z
  .string()
  .max(20_000)
  .regex(
    // eslint-disable-next-line no-control-regex
    /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/,
    'Control characters other than line breaks and tabs are not allowed',
  );

export const IdentitySchema = z
  .object({
    given: ShortText.optional(),
    family: ShortText.optional(),
    /** ISO 15924; detected from the name when not sent (`Zyyy` when it has no letters). */
    script: ScriptSchema.optional(),
    kind: z.enum(IDENTITY_KINDS).default('primary'),
  })
  .strict()
  .refine((i) => Boolean(i.given?.trim() || i.family?.trim()), {
    message: 'Enter a given name or a family name',
  })
  .transform((i) => ({
    ...i,
    script: i.script ?? detectScript(`${i.given ?? ''} ${i.family ?? ''}`) ?? 'Zyyy',
  }));
export type IdentityInput = z.input<typeof IdentitySchema>;
export type Identity = z.infer<typeof IdentitySchema>;

export const ContactSchema = z
  .object({
    kind: z.enum(CONTACT_KINDS),
    value: z.string().trim().min(1).max(300),
    note: ShortText.optional(),
  })
  .strict();
export const DocumentSchema = z
  .object({
    type: z.enum(DOCUMENT_TYPES),
    number: z.string().trim().min(1).max(100),
    issuingCountry: CountrySchema.optional(),
  })
  .strict();

/** Fields kept encrypted at rest and hidden from viewers. */
export const SensitiveSchema = z.object({
  contacts: z.array(ContactSchema).max(20),
  documents: z.array(DocumentSchema).max(20),
  currentLocation: ShortText.nullable(),
  narrative: LongTextSchema.nullable(),
  health: LongTextSchema.nullable(),
  exploitationDetails: LongTextSchema.nullable(),
});
export type Sensitive = z.infer<typeof SensitiveSchema>;

const caseFields = {
  identities: z.array(IdentitySchema).min(1).max(20),
  sex: z.enum(SEXES).optional(),
  gender: ShortText.optional(),
  birthDate: IsoDateSchema.optional(),
  birthYear: z.number().int().min(1900).max(2100).optional(),
  estimatedAge: z.number().int().min(0).max(120).optional(),
  possibleMinor: z.boolean().optional(),
  nationality: CountrySchema.optional(),
  languages: z.array(LanguageSchema).max(10).optional(),
  exploitationForms: z.array(z.enum(EXPLOITATION_FORMS)).max(4).optional(),
  originCountry: CountrySchema.optional(),
  transitCountries: z.array(CountrySchema).max(10).optional(),
  exploitationCountries: z.array(CountrySchema).max(10).optional(),
  recruitmentChannel: z.enum(RECRUITMENT_CHANNELS).optional(),
  recruitmentDate: IsoDateSchema.optional(),
  exitDate: IsoDateSchema.optional(),
  exitMethod: z.enum(EXIT_METHODS).optional(),
  riskLevel: RiskLevelSchema.optional(),
  riskFactors: z
    .array(RiskFactorSchema)
    .max(RISK_FACTORS.length)
    .refine((f) => new Set(f).size === f.length, 'Each risk factor can be recorded once')
    .optional(),
  contacts: SensitiveSchema.shape.contacts.optional(),
  documents: SensitiveSchema.shape.documents.optional(),
  currentLocation: ShortText.optional(),
  narrative: LongTextSchema.optional(),
  health: LongTextSchema.optional(),
  exploitationDetails: LongTextSchema.optional(),
  assigneeIds: z.array(z.uuid()).max(10).optional(),
};

export const CaseCreateSchema = z
  .object({
    ...caseFields,
    caseNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,30}$/, 'Letters, digits and dashes only')
      .optional(),
    /** Consent for case management, recorded with the registration. */
    consent: z
      .object({
        decision: z.enum(['given', 'refused']),
        method: z.enum(['verbal', 'written', 'digital']),
        guardianName: ShortText.optional(),
        bestInterestNote: LongTextSchema.max(2000).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type CaseCreate = z.infer<typeof CaseCreateSchema>;

/** Single values an edit may clear by sending null. */
const CLEARABLE = [
  'sex',
  'gender',
  'birthDate',
  'birthYear',
  'estimatedAge',
  'nationality',
  'originCountry',
  'recruitmentChannel',
  'recruitmentDate',
  'exitDate',
  'exitMethod',
  'currentLocation',
  'narrative',
  'health',
  'exploitationDetails',
] as const satisfies readonly (keyof typeof caseFields)[];
type Clearable = (typeof CLEARABLE)[number];

export const CaseUpdateSchema = z
  .object({
    ...(Object.fromEntries(
      Object.entries(caseFields).map(([k, v]) => [
        k,
        (CLEARABLE as readonly string[]).includes(k) ? v.nullable().optional() : v.optional(),
      ]),
    ) as {
      [K in keyof typeof caseFields]: K extends Clearable
        ? z.ZodOptional<z.ZodNullable<(typeof caseFields)[K]>>
        : z.ZodOptional<(typeof caseFields)[K]>;
    }),
    status: CaseStatusSchema.optional(),
    /** The version the edit is based on (or send If-Match). */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type CaseUpdate = z.infer<typeof CaseUpdateSchema>;
