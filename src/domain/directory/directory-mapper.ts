import type { Ctx } from '@/lib/context.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import type { ServiceInsert, ServiceWithOrg } from './directory.repository.ts';
import type {
  PublicService,
  ServiceInput,
  StaffService,
  StaffServiceDetail,
} from './directory.schema.ts';

const addressAad = (id: string) => FIELDS.directoryServiceAddress.aad(id);

/**
 * The public view of a service: an explicit list of public-safe fields (no capacity, no address,
 * no flags), so a column added later stays out of public answers until someone adds it here.
 */
export function toPublicService(r: ServiceWithOrg): PublicService {
  const s = r.service;
  return {
    id: s.id,
    organisation: { id: s.organisationId, name: r.orgName, verified: r.verifiedAt !== null },
    service: s.kind,
    name: s.name,
    description: s.description,
    countries: s.countries,
    regions: s.regions,
    languages: s.languages,
    eligibility: {
      genders: s.eligibleGenders as PublicService['eligibility']['genders'],
      minAge: s.minAge,
      maxAge: s.maxAge,
      nationalities: s.eligibleNationalities,
    },
    availability: s.availability,
    availabilityUpdatedAt: s.availabilityUpdatedAt.toISOString(),
    contact: s.contact,
    hours: s.hours,
    referralMethods: s.referralMethods,
  };
}

/** The staff view (lists): internal entries too, capacity, whether an address is stored. */
export function toStaffService(r: ServiceWithOrg, actorOrganisationId: string): StaffService {
  const pub = toPublicService(r);
  return {
    ...pub,
    organisation: { ...pub.organisation, country: r.orgCountry, external: r.external },
    capacity: r.service.capacity,
    public: r.service.public,
    hasAddress: r.service.addressEnc !== null,
    mine: r.service.organisationId === actorOrganisationId,
    updatedAt: r.service.updatedAt.toISOString(),
  };
}

/** The staff detail, with the decrypted address when `withAddress`. */
export function toStaffServiceDetail(
  ctx: Ctx,
  r: ServiceWithOrg,
  actorOrganisationId: string,
  withAddress: boolean,
): StaffServiceDetail {
  const enc = r.service.addressEnc;
  const address =
    withAddress && enc !== null ? ctx.cipher.decrypt(enc, addressAad(r.service.id)) : null;
  return { ...toStaffService(r, actorOrganisationId), address };
}

/** The columns of a service as written (the input already checked and canonical). */
export function serviceColumns(
  ctx: Ctx,
  id: string,
  input: ServiceInput,
): Omit<ServiceInsert, 'id' | 'organisationId' | 'availabilityUpdatedAt' | 'createdAt'> {
  return {
    kind: input.kind,
    name: input.name,
    description: input.description,
    countries: input.countries,
    regions: input.regions,
    languages: input.languages,
    eligibleGenders: input.eligibility.genders,
    minAge: input.eligibility.minAge,
    maxAge: input.eligibility.maxAge,
    eligibleNationalities: input.eligibility.nationalities,
    capacity: input.capacity,
    availability: input.availability,
    contact: input.contact,
    hours: input.hours,
    referralMethods: input.referralMethods,
    public: input.public,
    addressEnc: input.address === null ? null : ctx.cipher.encrypt(input.address, addressAad(id)),
  };
}
