import { z } from 'zod';
import { cursorSchema } from '@/lib/cursor.schema.ts';
import { SERVICE_KINDS } from './service-kinds.ts';

/**
 * The service directory: organisations (on this installation, or external ones a platform admin
 * lists) and the services they offer. Countries are ISO 3166-1 alpha-3 like every country in the
 * API (filters also take alpha-2); languages are BCP 47 tags, stored canonical.
 */

export { SERVICE_KINDS };
export const ServiceKindSchema = z.enum(SERVICE_KINDS);
export type ServiceKind = z.infer<typeof ServiceKindSchema>;

/** Current availability, set by the organisation; `availabilityUpdatedAt` says how fresh it is. */
export const AVAILABILITIES = ['available', 'limited', 'full'] as const;
export const AvailabilitySchema = z.enum(AVAILABILITIES);
export type Availability = z.infer<typeof AvailabilitySchema>;

/** How another organisation refers a person: through Homeward, by phone or by e-mail. */
export const REFERRAL_METHODS = ['homeward', 'phone', 'email'] as const;
export const ReferralMethodSchema = z.enum(REFERRAL_METHODS);
export type ReferralMethod = z.infer<typeof ReferralMethodSchema>;

/** Who a service takes; an empty list means anyone. */
export const ELIGIBLE_GENDERS = ['female', 'male', 'non_binary'] as const;
export const EligibleGenderSchema = z.enum(ELIGIBLE_GENDERS);

export const MESSAGING_APPS = [
  'whatsapp',
  'line',
  'telegram',
  'signal',
  'viber',
  'messenger',
  'other',
] as const;

const Text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, 'Control characters are not allowed');
const Line = (max: number) => Text(max).min(1);
/** Longer text: line breaks and tabs allowed, other control characters not. */
const Paragraph = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((s) => !/\p{Cc}/u.test(s.replace(/[\t\n\r]/g, '')), {
      message: 'Control characters are not allowed',
    });

/** ISO 3166-1 alpha-3, upper case (the service checks the code list). */
export const DirectoryCountrySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use an ISO 3166-1 alpha-3 country code, e.g. KEN');
/** A BCP 47 language tag (the service checks and canonicalises it). */
export const DirectoryLanguageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, 'Use a BCP 47 language tag, e.g. th or sw-KE');

export const ContactSchema = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()./-]{2,39}$/, 'Use digits, spaces and an optional leading +')
    .optional(),
  email: z.email().max(254).optional(),
  web: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
  messaging: z
    .array(z.strictObject({ app: z.enum(MESSAGING_APPS), handle: Line(100) }))
    .max(5)
    .optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const EligibilitySchema = z.strictObject({
  genders: z.array(EligibleGenderSchema).max(3).default([]),
  minAge: z.int().min(0).max(120).nullable().default(null),
  maxAge: z.int().min(0).max(120).nullable().default(null),
  /** Nationalities the service takes (alpha-3); empty: any. */
  nationalities: z.array(DirectoryCountrySchema).max(60).default([]),
});
export type Eligibility = z.infer<typeof EligibilitySchema>;

/** The fields of a service (without the age-order check). */
const ServiceFieldsSchema = z.strictObject({
  kind: ServiceKindSchema,
  name: Line(200),
  description: Paragraph(2000).nullable().default(null),
  countries: z.array(DirectoryCountrySchema).min(1).max(60),
  /** Areas served inside the countries, as the organisation names them (never an address). */
  regions: z.array(Line(100)).max(50).default([]),
  languages: z.array(DirectoryLanguageSchema).min(1).max(30),
  eligibility: EligibilitySchema.default({
    genders: [],
    minAge: null,
    maxAge: null,
    nationalities: [],
  }),
  capacity: z.int().min(0).max(100_000).nullable().default(null),
  availability: AvailabilitySchema.default('available'),
  contact: ContactSchema,
  hours: Paragraph(500).nullable().default(null),
  referralMethods: z.array(ReferralMethodSchema).min(1).max(3),
  /** Shown on the public find-help page (without capacity or address). */
  public: z.boolean().default(false),
  /**
   * Staff-only, encrypted. A shelter's address is read only by its own organisation's members;
   * any other service's by signed-in staff. Never in a public answer.
   */
  address: Paragraph(500).nullable().default(null),
});

const agesInOrder = {
  check: (s: { eligibility: { minAge: number | null; maxAge: number | null } }) =>
    s.eligibility.minAge === null ||
    s.eligibility.maxAge === null ||
    s.eligibility.minAge <= s.eligibility.maxAge,
  issue: { path: ['eligibility', 'maxAge'], message: 'The highest age is below the lowest' },
};

/** One service as an organisation writes it (create, and whole replacement on edit). */
export const ServiceInputSchema = ServiceFieldsSchema.refine(agesInOrder.check, agesInOrder.issue);
export type ServiceInput = z.infer<typeof ServiceInputSchema>;

/** Creating a service: for the caller's organisation, or (platform admins) an external one. */
export const ServiceCreateSchema = ServiceFieldsSchema.extend({
  organisationId: z.uuid().optional(),
}).refine(agesInOrder.check, agesInOrder.issue);
export type ServiceCreate = z.infer<typeof ServiceCreateSchema>;

/** An unknown or malformed id is answered 404 by the service, like another organisation's. */
export const ServiceParamsSchema = z.strictObject({ id: z.string().max(64) });
export const OrganisationParamsSchema = z.strictObject({ id: z.string().max(64) });

/** The organisation as every directory answer names it. */
export const DirectoryOrganisationRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  verified: z.boolean(),
});

/** A public service: only what a person looking for help may see (no capacity, no address). */
export const PublicServiceSchema = z.object({
  id: z.string(),
  organisation: DirectoryOrganisationRefSchema,
  service: ServiceKindSchema,
  name: z.string(),
  description: z.string().nullable(),
  countries: z.array(z.string()),
  regions: z.array(z.string()),
  languages: z.array(z.string()),
  eligibility: EligibilitySchema,
  availability: AvailabilitySchema,
  availabilityUpdatedAt: z.string(),
  contact: ContactSchema,
  hours: z.string().nullable(),
  referralMethods: z.array(ReferralMethodSchema),
});
export type PublicService = z.infer<typeof PublicServiceSchema>;

/** A service as signed-in staff see it in lists (internal entries too). */
export const StaffServiceSchema = PublicServiceSchema.extend({
  organisation: DirectoryOrganisationRefSchema.extend({
    country: z.string(),
    external: z.boolean(),
  }),
  capacity: z.number().nullable(),
  public: z.boolean(),
  /** Whether an address is stored (it is read on the detail, where the caller may). */
  hasAddress: z.boolean(),
  mine: z.boolean(),
  updatedAt: z.string(),
});
export type StaffService = z.infer<typeof StaffServiceSchema>;

/** One service in detail: with the address when the caller may read it (audited). */
export const StaffServiceDetailSchema = StaffServiceSchema.extend({
  address: z.string().nullable(),
});
export type StaffServiceDetail = z.infer<typeof StaffServiceDetailSchema>;

const PageLimit = z.coerce.number().int().min(1).max(100).default(25);

/** A filter left empty (`?country=&service=`, as a plain form sends it) is no filter. */
const filter = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

export const PublicServiceQuerySchema = z.strictObject({
  country: filter(
    z.string().regex(/^[A-Za-z]{2,3}$/, 'Use an ISO 3166-1 country code, e.g. KEN or KE'),
  ),
  service: filter(ServiceKindSchema),
  language: filter(DirectoryLanguageSchema),
  cursor: filter(cursorSchema([['uuid']])),
  limit: PageLimit,
});
export type PublicServiceQuery = z.infer<typeof PublicServiceQuerySchema>;

export const StaffServiceQuerySchema = PublicServiceQuerySchema.extend({
  availability: filter(AvailabilitySchema),
  organisationId: filter(z.uuid()),
});
export type StaffServiceQuery = z.infer<typeof StaffServiceQuerySchema>;

export const PublicServicePageSchema = z.object({
  items: z.array(PublicServiceSchema),
  nextCursor: z.string().nullable(),
});
export const StaffServicePageSchema = z.object({
  items: z.array(StaffServiceSchema),
  nextCursor: z.string().nullable(),
});
export type StaffServicePage = z.infer<typeof StaffServicePageSchema>;
export type PublicServicePage = z.infer<typeof PublicServicePageSchema>;
