import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { DATA_CATEGORIES, PURPOSES } from '@/domain/consent/consent.schema.ts';
import {
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  URGENCIES,
} from '@/domain/referrals/referral-states.ts';
import { organisations, users } from './auth.ts';
import { cases } from './cases.ts';
import { ts } from './columns.ts';

/**
 * A referral of a person from one organisation (the sender, which owns `case_id`) to another
 * (the recipient). Both organisations see the row; the recipient never sees the sender's case.
 * The reason is encrypted (`reason_enc`); the data travels in `referral_packets`.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid().primaryKey(),
    fromOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    toOrganisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The sender's case. */
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    /** The recipient's case, created or linked on acceptance; null before, and once cut. */
    recipientCaseId: uuid().references(() => cases.id),
    serviceIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    categories: text({ enum: DATA_CATEGORIES }).array().notNull(),
    /** `referral` (this installation) or `cross_border_sharing` (another installation). */
    purpose: text({ enum: PURPOSES }).notNull(),
    reasonEnc: text().notNull(),
    urgency: text({ enum: URGENCIES }).notNull(),
    status: text({ enum: REFERRAL_STATUSES }).notNull(),
    /** The consent version that allowed sending. */
    consentId: uuid(),
    respondBy: ts(),
    sentAt: ts(),
    acceptedAt: ts(),
    declinedAt: ts(),
    startedAt: ts(),
    completedAt: ts(),
    revokedAt: ts(),
    outcome: text({ enum: REFERRAL_OUTCOMES }),
    /** Consent withdrawn after acceptance: the copied fields await the recipient's review. */
    reviewRequiredSince: ts(),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('referrals_outbox_idx').on(t.fromOrganisationId, t.updatedAt, t.id),
    index('referrals_inbox_idx')
      .on(t.toOrganisationId, t.updatedAt, t.id)
      .where(sql`${t.status} <> 'draft'`),
    index('referrals_case_idx').on(t.caseId),
    index('referrals_recipient_case_idx')
      .on(t.recipientCaseId)
      .where(sql`${t.recipientCaseId} is not null`),
    index('referrals_open_respond_by_idx')
      .on(t.respondBy)
      .where(sql`${t.status} = 'sent'`),
  ],
);

/**
 * The status history of a referral, append-only, seen by both sides. `note_enc` holds the
 * reason given (decline, revoke, not reached). `organisation_id` is the side that acted.
 */
export const referralEvents = pgTable(
  'referral_events',
  {
    id: uuid().primaryKey(),
    referralId: uuid()
      .notNull()
      .references(() => referrals.id),
    action: text().notNull(),
    fromStatus: text({ enum: REFERRAL_STATUSES }),
    toStatus: text({ enum: REFERRAL_STATUSES }).notNull(),
    organisationId: uuid().references(() => organisations.id),
    actorUserId: uuid().references(() => users.id),
    noteEnc: text(),
    at: ts().notNull().defaultNow(),
  },
  (t) => [index('referral_events_referral_idx').on(t.referralId, t.at, t.id)],
);

/**
 * The data packet frozen when a referral is sent: versioned and self-contained (schema version,
 * the consent terms it travels under, no local user ids), sealed under its own random key.
 * `key_enc` is that key wrapped by the installation's data keys (rotated like every `_enc`
 * column); destroying it (revoke, decline, consent withdrawn) makes `body_sealed` unreadable.
 */
export const referralPackets = pgTable('referral_packets', {
  referralId: uuid()
    .primaryKey()
    .references(() => referrals.id),
  schemaVersion: integer().notNull(),
  categories: text({ enum: DATA_CATEGORIES }).array().notNull(),
  /** Consent terms in clear (purpose, categories, valid until): no survivor data. */
  consentTerms: jsonb().$type<Record<string, unknown>>().notNull(),
  keyEnc: text(),
  bodySealed: text(),
  frozenAt: ts().notNull(),
  destroyedAt: ts(),
});
