import { z } from 'zod';

export const ORGANISATION_TYPES = [
  'cso',
  'shelter',
  'legal_aid',
  'government',
  'international',
  'other',
] as const;
export const OrganisationTypeSchema = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;

/** ISO 3166-1 alpha-3, upper case (validated against the code list in countries.ts). */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use an ISO 3166-1 alpha-3 country code, e.g. THA');

/** Plain text for names: trimmed, no control characters. */
export const NameTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'Control characters are not allowed');

export const OrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  type: OrganisationTypeSchema,
  requireTotp: z.boolean(),
  /** Whether members may create API tokens; when off, the organisation's tokens do not work. */
  allowApiTokens: z.boolean(),
  /**
   * Months after return at which follow-ups are scheduled. Always set by the organisation
   * endpoints; optional only because /api/me's organisation summary does not carry it.
   */
  followUpMonths: z.array(z.number().int()).optional(),
});
export type Organisation = z.infer<typeof OrganisationSchema>;

export const OrganisationCreateSchema = z
  .object({
    name: NameTextSchema,
    country: CountryCodeSchema,
    type: OrganisationTypeSchema.default('cso'),
  })
  .strict();
export type OrganisationCreate = z.infer<typeof OrganisationCreateSchema>;

export const OrganisationUpdateSchema = z
  .object({
    name: NameTextSchema.optional(),
    requireTotp: z.boolean().optional(),
    allowApiTokens: z.boolean().optional(),
    followUpMonths: z.array(z.number().int().min(1).max(60)).max(12).optional(),
  })
  .strict();
export type OrganisationUpdate = z.infer<typeof OrganisationUpdateSchema>;

export const OrganisationListSchema = z.object({ items: z.array(OrganisationSchema) });
