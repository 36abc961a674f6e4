import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { NEED_DOMAINS, NEED_LEVELS, PLAN_STATUSES } from '@/domain/cases/case-assessment.schema.ts';
import { ATTACHMENT_TYPES } from '@/domain/cases/case-attachments.schema.ts';
import { STAGES } from '@/domain/cases/case-journey.schema.ts';
import { NOTE_VISIBILITIES } from '@/domain/cases/case-notes.schema.ts';
import { TASK_KINDS, TASK_STATUSES } from '@/domain/cases/case-tasks.schema.ts';
import { CASE_STATUSES, RISK_FACTORS, RISK_LEVELS } from '@/domain/cases/cases.schema.ts';
import {
  AUTHORITY_KINDS,
  CONSENT_DECISIONS,
  CONSENT_METHODS,
  DATA_CATEGORIES,
  PURPOSES,
} from '@/domain/consent/consent.schema.ts';
import { organisations, users } from './auth.ts';
import { orgRef, ts } from './columns.ts';

/**
 * One record per person supported. Columns ending in `_enc` hold field-encrypted JSON or text
 * (see src/lib/encrypted-fields.ts); everything else is needed in clear for search and filters.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseNumber: text().notNull(),
    status: text({ enum: CASE_STATUSES }).notNull().default('open'),
    riskLevel: text({ enum: RISK_LEVELS }).notNull().default('unknown'),
    sex: text(),
    gender: text(),
    birthDate: date(),
    birthYear: smallint(),
    estimatedAge: smallint(),
    possibleMinor: boolean().notNull().default(false),
    nationality: text(),
    languages: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    exploitationForms: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    originCountry: text(),
    transitCountries: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    exploitationCountries: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    recruitmentChannel: text(),
    recruitmentDate: date(),
    exitDate: date(),
    exitMethod: text(),
    /** Re-trafficking risk factors recorded by the caseworker (codes). */
    riskFactors: text({ enum: RISK_FACTORS })
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** When a caseworker last reviewed the risk factors; null = risk not assessed yet. */
    riskReviewedAt: ts(),
    currentLocationEnc: text(),
    documentsEnc: text(),
    contactsEnc: text(),
    narrativeEnc: text(),
    healthEnc: text(),
    exploitationDetailsEnc: text(),
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    closedAt: ts(),
  },
  (t) => [
    // Case numbers are unique per organisation whatever the letter case (search ignores it).
    uniqueIndex('cases_org_number_key').on(t.organisationId, sql`upper(${t.caseNumber})`),
    index('cases_org_created_idx').on(t.organisationId, t.createdAt, t.id),
    index('cases_org_nationality_idx').on(t.organisationId, t.nationality),
    index('cases_org_risk_idx').on(t.organisationId, t.riskLevel),
  ],
);

/** Names as given, in any script, plus aliases and transliterations; the search keys. */
export const caseIdentities = pgTable(
  'case_identities',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    kind: text().notNull().default('primary'),
    given: text(),
    family: text(),
    script: text(),
    /** Lower-cased full name in its own script (NFKC). */
    nameKey: text().notNull(),
    /** Latin transliteration key (any-ascii, lower case, letters only). */
    latinKey: text().notNull(),
    /** The case's nationality, copied here so that search filters on it in the index. */
    nationality: text(),
    /**
     * The case's risk level, copied here by triggers (filled from the case on insert, kept in
     * step when the case's level changes) so that search filters on it in the index.
     */
    riskLevel: text({ enum: RISK_LEVELS }),
    /**
     * The words of both keys, `@` + nationality and `@risk:` + risk level (no name word starts
     * with `@`), computed by the database. A GIN index on it gives search its candidate step:
     * every word of the query must match a word of the name (see name_terms).
     */
    terms: text()
      .array()
      .notNull()
      .generatedAlwaysAs(
        sql`string_to_array(name_key, ' ') || string_to_array(latin_key, ' ') || array_remove(ARRAY['@' || nationality, '@risk:' || risk_level], NULL)`,
      ),
    /**
     * Version of the code that computed `latin_key` (`NAME_KEY_VERSION` of case-names.ts). New
     * rows take the default; rows an older version wrote are recomputed at start-up.
     */
    keyVersion: smallint().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('case_identities_case_idx').on(t.caseId)],
);

/**
 * The organisation's dictionary of name words, kept by a trigger on case_identities. Fuzzy
 * matching runs on this small table (trigram similarity, and one-edit neighbours through
 * `variants`: the word and each form with one character deleted), never on every identity.
 */
export const nameTerms = pgTable(
  'name_terms',
  {
    organisationId: orgRef(),
    term: text().notNull(),
    variants: text().array().notNull(),
    /**
     * The word's sound key (`hw_name_sound`: consonant skeleton of its Latin letters), so that
     * spellings two or more edits apart (Rahaman / Rehman, Chowdhury / Chaudhry) still meet.
     */
    sound: text(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.term] })],
);

export const caseAssignments = pgTable(
  'case_assignments',
  {
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.userId] }),
    index('case_assignments_org_user_idx').on(t.organisationId, t.userId),
  ],
);

/** Journey timeline. The current stage of a case is derived from these, never stored. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    stage: text({ enum: STAGES }).notNull(),
    type: text().notNull(),
    occurredOn: date().notNull(),
    country: text(),
    /**
     * Plain text before migration 0008: never written now; encrypted and emptied at start-up
     * (`legacyColumn` in src/lib/encrypted-fields.ts), to be dropped by a later migration.
     */
    legacyOutcome: text('outcome'),
    outcomeEnc: text(),
    noteEnc: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('case_events_case_idx').on(t.caseId, t.occurredOn, t.createdAt)],
);

/**
 * Consent records: versioned, never overwritten. A withdrawal is a new version. The database
 * refuses UPDATE and DELETE (migrations 0004, 0008), except re-encryption of the `_enc` columns.
 */
export const caseConsents = pgTable(
  'case_consents',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    /** Consents with the same chain id are versions of one consent. */
    chainId: uuid().notNull(),
    version: integer().notNull(),
    purpose: text({ enum: PURPOSES }).notNull(),
    recipientOrganisationId: uuid().references(() => organisations.id),
    recipientName: text(),
    /** For legal proceedings: the kind of authority named in `recipientName` (null otherwise). */
    recipientAuthorityKind: text({ enum: AUTHORITY_KINDS }),
    dataCategories: text({ enum: DATA_CATEGORIES }).array().notNull(),
    method: text({ enum: CONSENT_METHODS }).notNull(),
    decision: text({ enum: CONSENT_DECISIONS }).notNull(),
    validUntil: date(),
    withdrawnAt: ts(),
    /**
     * Plain text before migration 0008: never written now; encrypted and emptied at start-up
     * (`legacyColumn` in src/lib/encrypted-fields.ts), to be dropped by a later migration.
     */
    legacyGuardianName: text('guardian_name'),
    legacyBestInterestNote: text('best_interest_note'),
    guardianNameEnc: text(),
    bestInterestNoteEnc: text(),
    recordedBy: uuid().references(() => users.id),
    recordedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('case_consents_chain_version_key').on(t.chainId, t.version),
    index('case_consents_case_idx').on(t.caseId, t.purpose),
  ],
);

export const caseTasks = pgTable(
  'case_tasks',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    kind: text({ enum: TASK_KINDS }).notNull().default('task'),
    /**
     * Plain text before migration 0008: never written now; encrypted and emptied at start-up
     * (`legacyColumn` in src/lib/encrypted-fields.ts), to be dropped by a later migration.
     */
    legacyTitle: text('title'),
    /** Null only for a row written before 0008 that start-up has not encrypted yet. */
    titleEnc: text(),
    dueOn: date(),
    assigneeId: uuid().references(() => users.id),
    status: text({ enum: TASK_STATUSES }).notNull().default('open'),
    completedAt: ts(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('case_tasks_case_idx').on(t.caseId),
    index('case_tasks_org_assignee_idx').on(t.organisationId, t.assigneeId, t.status, t.dueOn),
  ],
);

/** Needs assessment per domain, and plan items with owner and due date. */
export const caseNeeds = pgTable(
  'case_needs',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    domain: text({ enum: NEED_DOMAINS }).notNull(),
    level: text({ enum: NEED_LEVELS }).notNull(),
    goalsEnc: text(),
    updatedBy: uuid().references(() => users.id),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex('case_needs_case_domain_key').on(t.caseId, t.domain)],
);

export const casePlanItems = pgTable(
  'case_plan_items',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    domain: text({ enum: NEED_DOMAINS }).notNull(),
    /**
     * Plain text before migration 0008: never written now; encrypted and emptied at start-up
     * (`legacyColumn` in src/lib/encrypted-fields.ts), to be dropped by a later migration.
     */
    legacyAction: text('action'),
    /** Null only for a row written before 0008 that start-up has not encrypted yet. */
    actionEnc: text(),
    ownerId: uuid().references(() => users.id),
    dueOn: date(),
    status: text({ enum: PLAN_STATUSES }).notNull().default('planned'),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index('case_plan_items_case_idx').on(t.caseId)],
);

export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    visibility: text({ enum: NOTE_VISIBILITIES }).notNull().default('team'),
    bodyEnc: text().notNull(),
    authorId: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.createdAt)],
);

/** Files are encrypted on disk; this row holds the metadata (file name encrypted too). */
export const caseAttachments = pgTable(
  'case_attachments',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    caseId: uuid()
      .notNull()
      .references(() => cases.id),
    fileNameEnc: text().notNull(),
    contentType: text({ enum: ATTACHMENT_TYPES }).notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    /** Encrypted per-file key (wrapped with the field cipher). */
    fileKeyEnc: text().notNull(),
    uploadedBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index('case_attachments_case_idx').on(t.caseId)],
);
