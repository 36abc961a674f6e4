import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import {
  AVAILABILITIES,
  SERVICE_KINDS,
  type Contact,
  type ReferralMethod,
} from '@/domain/directory/directory.schema.ts';
import { organisations, users } from './auth.ts';
import { orgRef, ts } from './columns.ts';

/**
 * An organisation's directory profile: whether a platform admin verified it, and whether it is
 * external (listed by a platform admin, not on this installation). An organisation without a row
 * is an unverified organisation of this installation.
 */
export const directoryOrganisations = pgTable('directory_organisations', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisations.id),
  external: boolean().notNull().default(false),
  /** Another installation's public origin, for federation; null when none or local. */
  installationId: text(),
  website: text(),
  verifiedAt: ts(),
  verifiedBy: uuid().references(() => users.id),
  createdAt: ts().notNull().defaultNow(),
  updatedAt: ts().notNull().defaultNow(),
});

/**
 * A service an organisation offers. Contact details are the organisation's own (not survivor
 * data) and stay in clear; the address is encrypted (`address_enc`, staff-only) and never part
 * of a public answer.
 */
export const directoryServices = pgTable(
  'directory_services',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    kind: text({ enum: SERVICE_KINDS }).notNull(),
    name: text().notNull(),
    description: text(),
    countries: text().array().notNull(),
    regions: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    languages: text().array().notNull(),
    eligibleGenders: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    minAge: integer(),
    maxAge: integer(),
    eligibleNationalities: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    capacity: integer(),
    availability: text({ enum: AVAILABILITIES }).notNull(),
    availabilityUpdatedAt: ts().notNull(),
    contact: jsonb().$type<Contact>().notNull(),
    hours: text(),
    referralMethods: text().array().$type<ReferralMethod[]>().notNull(),
    public: boolean().notNull().default(false),
    addressEnc: text(),
    /**
     * When the organisation took the service out of the directory: the row stays (a referral
     * may name the service) but no search or detail answers it, and its address is erased.
     */
    removedAt: ts(),
    createdBy: uuid().references(() => users.id),
    updatedBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('directory_services_org_idx').on(t.organisationId, t.id),
    index('directory_services_public_idx')
      .on(t.kind, t.id)
      .where(sql`${t.public}`),
    index('directory_services_listed_idx')
      .on(t.id)
      .where(sql`${t.removedAt} is null`),
    index('directory_services_countries_idx').using('gin', t.countries),
  ],
);
