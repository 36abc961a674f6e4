/**
 * The directory contract, shared with the server: only the zod-only `*.schema.ts` files are
 * imported from `src/`, so the types cannot drift from the API.
 */
export {
  AVAILABILITIES,
  ELIGIBLE_GENDERS,
  REFERRAL_METHODS,
  SERVICE_KINDS,
  ServiceInputSchema,
  type Availability,
  type Contact,
  type PublicService,
  type ReferralMethod,
  type ServiceCreate,
  type ServiceInput,
  type ServiceKind,
  type StaffService,
  type StaffServiceDetail,
  type StaffServicePage,
} from '@/domain/directory/directory.schema.ts';
export {
  ExternalOrganisationCreateSchema,
  type DirectoryOrganisation,
  type ExternalOrganisationCreate,
} from '@/domain/directory/directory-organisations.schema.ts';
