import { z } from 'zod';
import {
  CountryCodeSchema,
  NameTextSchema,
  OrganisationTypeSchema,
} from '@/domain/auth/organisations.schema.ts';

/**
 * Organisations as the directory shows them. An organisation of this installation is listed by
 * its own services; an *external* one (on another Homeward installation, or running none) is
 * listed by a platform admin. Both are rows of `organisations`, so a consent's
 * `recipientOrganisationId` and a referral's `toOrganisationId` name either kind by the same id.
 */

/** Another installation's id (its public origin, e.g. https://homeward.example.ke), or none. */
export const InstallationIdSchema = z
  .url({ protocol: /^https$/ })
  .max(300)
  .describe('The public https origin of the Homeward installation the organisation runs on');

export const DirectoryOrganisationSchema = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  type: OrganisationTypeSchema,
  verified: z.boolean(),
  verifiedAt: z.string().nullable(),
  /** Listed by a platform admin: not on this installation (no accounts here). */
  external: z.boolean(),
  installationId: z.string().nullable(),
  website: z.string().nullable(),
  serviceCount: z.number(),
});
export type DirectoryOrganisation = z.infer<typeof DirectoryOrganisationSchema>;

export const DirectoryOrganisationListSchema = z.object({
  items: z.array(DirectoryOrganisationSchema),
});

export const VerificationSchema = z.strictObject({ verified: z.boolean() });
export type Verification = z.infer<typeof VerificationSchema>;

export const ExternalOrganisationCreateSchema = z.strictObject({
  name: NameTextSchema,
  country: CountryCodeSchema,
  type: OrganisationTypeSchema.default('cso'),
  installationId: InstallationIdSchema.nullable().default(null),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .default(null),
});
export type ExternalOrganisationCreate = z.infer<typeof ExternalOrganisationCreateSchema>;

export const ExternalOrganisationUpdateSchema = z.strictObject({
  installationId: InstallationIdSchema.nullable().optional(),
  website: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .nullable()
    .optional(),
});
export type ExternalOrganisationUpdate = z.infer<typeof ExternalOrganisationUpdateSchema>;
