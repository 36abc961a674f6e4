/** The organisation contract, shared with the server (see auth.schema.ts). */
export {
  ORGANISATION_TYPES,
  OrganisationSchema,
  OrganisationUpdateSchema,
  type Organisation,
  type OrganisationType,
  type OrganisationUpdate,
} from '@/domain/auth/organisations.schema.ts';
