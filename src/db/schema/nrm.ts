import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  CLOCK_STARTS,
  DECISION_KINDS,
  DECISION_OUTCOMES,
  DURATION_UNITS,
  FIGURE_STATUSES,
  STEP_KINDS,
} from '@/domain/nrm/nrm.schema.ts';
import { REFERRAL_STATUSES } from '@/domain/nrm/nrm-views.schema.ts';
import { organisations, users } from './auth.ts';
import { cases } from './cases.ts';
import { orgRef, ts } from './columns.ts';

/**
 * A platform admin's figure for a jurisdiction's step, in place of the shipped one
 * (`src/domain/nrm/jurisdictions.json`). Installation-wide: no organisation.
 */
export const nrmSteps = pgTable(
  'nrm_steps',
  {
    jurisdiction: text().notNull(),
    step: text().notNull(),
    kind: text({ enum: STEP_KINDS }).notNull(),
    duration: integer(),
    unit: text({ enum: DURATION_UNITS }),
    clockStartsAt: text().notNull(),
    startsOn: text({ enum: CLOCK_STARTS }),
    endsWith: text({ enum: DECISION_KINDS }),
    rule: text().notNull(),
    status: text({ enum: FIGURE_STATUSES }).notNull(),
    statusNote: text(),
    source: text().notNull(),
    notes: text().notNull(),
    asOf: date({ mode: 'string' }).notNull(),
    updatedBy: uuid().references(() => users.id),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jurisdiction, t.step] })],
);

/** A platform admin's public holiday of a jurisdiction: added, renamed, or (removed) taken out. */
export const nrmHolidays = pgTable(
  'nrm_holidays',
  {
    jurisdiction: text().notNull(),
    date: date({ mode: 'string' }).notNull(),
    name: text().notNull(),
    status: text({ enum: FIGURE_STATUSES }).notNull(),
    source: text().notNull(),
    removed: boolean().notNull().default(false),
    updatedBy: uuid().references(() => users.id),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.jurisdiction, t.date] })],
);

/** An organisation's NRM settings; no row means the defaults (upcoming = due within 7 days). */
export const nrmSettings = pgTable('nrm_settings', {
  organisationId: uuid()
    .primaryKey()
    .references(() => organisations.id),
  upcomingDays: integer().notNull(),
  updatedBy: uuid().references(() => users.id),
  updatedAt: ts().notNull().defaultNow(),
});

/** A case's referral to a national referral mechanism. */
export const nrmReferrals = pgTable(
  'nrm_referrals',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    jurisdiction: text().notNull(),
    referredAt: ts().notNull(),
    /** The institution referred to; not personal data, stored plain. */
    authority: text().notNull(),
    status: text({ enum: REFERRAL_STATUSES }).notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index('nrm_referrals_case_idx').on(t.organisationId, t.caseId, t.referredAt)],
);

/**
 * A step of a referral with the figure in force when the referral was made (a later edit of
 * the jurisdiction's data does not move it), and its due instant once its clock has started.
 */
export const nrmReferralSteps = pgTable(
  'nrm_referral_steps',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    referralId: uuid()
      .notNull()
      .references(() => nrmReferrals.id),
    position: integer().notNull(),
    step: text().notNull(),
    kind: text({ enum: STEP_KINDS }).notNull(),
    duration: integer(),
    unit: text({ enum: DURATION_UNITS }),
    clockStartsAt: text().notNull(),
    startsOn: text({ enum: CLOCK_STARTS }),
    endsWith: text({ enum: DECISION_KINDS }),
    status: text({ enum: FIGURE_STATUSES }).notNull(),
    statusNote: text(),
    source: text().notNull(),
    asOf: date({ mode: 'string' }).notNull(),
    startedAt: ts(),
    dueAt: ts(),
    dueOn: date({ mode: 'string' }),
    closedAt: ts(),
  },
  (t) => [
    unique('nrm_referral_steps_step_key').on(t.referralId, t.step),
    index('nrm_referral_steps_due_idx').on(t.organisationId, t.dueAt),
  ],
);

/** A state decision on a referral (one of each kind). */
export const nrmDecisions = pgTable(
  'nrm_decisions',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    referralId: uuid()
      .notNull()
      .references(() => nrmReferrals.id),
    kind: text({ enum: DECISION_KINDS }).notNull(),
    outcome: text({ enum: DECISION_OUTCOMES }).notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    decisionMaker: text().notNull(),
    recordedBy: uuid().references(() => users.id),
    recordedAt: ts().notNull().defaultNow(),
  },
  (t) => [unique('nrm_decisions_kind_key').on(t.referralId, t.kind)],
);
