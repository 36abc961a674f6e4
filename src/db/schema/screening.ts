import { index, integer, jsonb, pgTable, text, unique, uuid } from 'drizzle-orm/pg-core';
import { RULE_SETS } from '@/domain/screening/instrument.schema.ts';
import { ANSWER_VALUES, RULES_REASONS } from '@/domain/screening/screening.schema.ts';
import { EVIDENCE_KINDS, SCREENING_STATUSES } from '@/domain/screening/screening-views.schema.ts';
import { organisations, users } from './auth.ts';
import { cases } from './cases.ts';
import { orgRef, ts } from './columns.ts';

/**
 * Instruments published without code: an organisation's own (`organisation_id` set, seen only by
 * it) or a platform admin's new version of a built-in (`organisation_id` null). The built-in
 * versions shipped as JSON files are not stored. `body` is the whole instrument, validated by
 * `InstrumentSchema` before it is written; a row is never updated (a change is a new version).
 */
export const screeningInstruments = pgTable(
  'screening_instruments',
  {
    rowId: uuid().primaryKey(),
    organisationId: uuid().references(() => organisations.id),
    id: text().notNull(),
    version: integer().notNull(),
    body: jsonb().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    unique('screening_instruments_owner_id_version_key')
      .on(t.organisationId, t.id, t.version)
      .nullsNotDistinct(),
  ],
);

/**
 * A trafficking-indicator screening of a case, scored with one exact instrument version. The
 * rules (adult or child) are decided when it is made; `result` (finding, strength, parts with
 * their drivers) is stored when it is completed and never recomputed.
 */
export const screenings = pgTable(
  'screenings',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    instrumentId: text().notNull(),
    instrumentVersion: integer().notNull(),
    status: text({ enum: SCREENING_STATUSES }).notNull(),
    rules: text({ enum: RULE_SETS }).notNull(),
    rulesReason: text({ enum: RULES_REASONS }).notNull(),
    /** `{ finding, strength, parts }` as `evaluateScreening` returned it; null while in progress. */
    result: jsonb(),
    /** The caseworker's statement for the report, encrypted; editable until approval. */
    statementEnc: text(),
    createdBy: uuid().references(() => users.id),
    approvedBy: uuid().references(() => users.id),
    approvedAt: ts(),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index('screenings_case_idx').on(t.organisationId, t.caseId, t.createdAt)],
);

/** One answer of a screening; an indicator left out has no row (it counts as unknown). */
export const screeningAnswers = pgTable(
  'screening_answers',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    screeningId: uuid()
      .notNull()
      .references(() => screenings.id),
    indicatorId: text().notNull(),
    answer: text({ enum: ANSWER_VALUES }).notNull(),
    evidenceKind: text({ enum: EVIDENCE_KINDS }),
    evidenceNoteEnc: text(),
  },
  (t) => [unique('screening_answers_indicator_key').on(t.screeningId, t.indicatorId)],
);
