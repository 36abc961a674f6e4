import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth.ts';
import { cases } from './cases.ts';
import { orgRef, ts } from './columns.ts';
import { referrals } from './referrals.ts';

/**
 * A warm handover before return: the sender's plan for a person's journey home, bundled with a
 * referral to an organisation in the home country (one plan per referral). The sender owns the
 * row (`organisation_id`, its `case_id`); the recipient reads it through the referral and
 * confirms reception. The reception arrangement (who meets the person, where) is encrypted
 * (`reception_enc`); the arrival is kept as typed — local date-time and IANA time zone — with
 * the instant it names (`arrival_at`) for the "arrival not confirmed" lists.
 */
export const returnPlans = pgTable(
  'return_plans',
  {
    id: uuid().primaryKey(),
    /** The sending organisation (the referral's `from_organisation_id`). */
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    referralId: uuid()
      .notNull()
      .references(() => referrals.id),
    travelDate: date().notNull(),
    /** `YYYY-MM-DDTHH:mm` at the arrival point, as the caseworker typed it. */
    arrivalLocal: text().notNull(),
    arrivalTimeZone: text().notNull(),
    /** The instant `arrival_local` names in `arrival_time_zone`. */
    arrivalAt: ts().notNull(),
    arrivalPoint: text().notNull(),
    receptionEnc: text().notNull(),
    followUpDays: integer()
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    /** When the person was received (as the recipient said); null until confirmed. */
    receivedAt: ts(),
    /** When the recipient confirmed reception: the sender's case is "handed over" from then. */
    confirmedAt: ts(),
    confirmedBy: uuid().references(() => users.id),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('return_plans_referral_key').on(t.referralId),
    index('return_plans_case_idx').on(t.organisationId, t.caseId),
    index('return_plans_unconfirmed_idx')
      .on(t.arrivalAt)
      .where(sql`${t.confirmedAt} is null`),
  ],
);
