import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  AGE_BANDS,
  MATERIAL_KINDS,
  OUTREACH_SETTINGS,
  QUIZ_PHASES,
  type OutreachTopic,
} from '@/domain/prevention/outreach.schema.ts';
import { users } from './auth.ts';
import { orgRef, ts } from './columns.ts';

/**
 * Outreach work: sessions in schools, universities and communities, their quiz tallies and the
 * library of teaching materials. Not survivor data: no participant is recorded, only counts.
 */

/** A teaching material of the organisation's library: a link (https) with what it is about. */
export const outreachMaterials = pgTable(
  'outreach_materials',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    title: text().notNull(),
    language: text().notNull(),
    topics: text().array().$type<OutreachTopic[]>().notNull(),
    kind: text({ enum: MATERIAL_KINDS }).notNull(),
    description: text().notNull(),
    url: text().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [index('outreach_materials_org_idx').on(t.organisationId, t.id)],
);

/** A session held (or planned) by a facilitator of the organisation. */
export const outreachSessions = pgTable(
  'outreach_sessions',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    setting: text({ enum: OUTREACH_SETTINGS }).notNull(),
    heldOn: date({ mode: 'string' }).notNull(),
    place: text().notNull(),
    audienceSize: integer().notNull(),
    ageBand: text({ enum: AGE_BANDS }).notNull(),
    topics: text().array().$type<OutreachTopic[]>().notNull(),
    facilitatorId: uuid().references(() => users.id),
    language: text().notNull(),
    notes: text().notNull(),
    cancelled: boolean().notNull().default(false),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('outreach_sessions_org_held_idx').on(t.organisationId, t.heldOn, t.id),
    check('outreach_sessions_audience_check', sql`${t.audienceSize} > 0`),
  ],
);

/** The materials used in a session (a material taken out of the library leaves its sessions). */
export const outreachSessionMaterials = pgTable(
  'outreach_session_materials',
  {
    organisationId: orgRef(),
    sessionId: uuid()
      .notNull()
      .references(() => outreachSessions.id, { onDelete: 'cascade' }),
    materialId: uuid()
      .notNull()
      .references(() => outreachMaterials.id, { onDelete: 'cascade' }),
    position: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.materialId] }),
    index('outreach_session_materials_material_idx').on(t.materialId),
  ],
);

/**
 * A session's quiz results of one phase, tallied from the paper forms: how many forms were
 * handed in and, per question id, how many had it right. No single response is kept.
 */
export const outreachQuizResults = pgTable(
  'outreach_quiz_results',
  {
    id: uuid().primaryKey(),
    organisationId: orgRef(),
    sessionId: uuid()
      .notNull()
      .references(() => outreachSessions.id, { onDelete: 'cascade' }),
    phase: text({ enum: QUIZ_PHASES }).notNull(),
    quizId: text().notNull(),
    language: text().notNull(),
    respondents: integer().notNull(),
    /** Question id → forms with the right answer, in the order asked. */
    correct: jsonb().$type<{ questionId: string; correct: number }[]>().notNull(),
    recordedBy: uuid().references(() => users.id),
    recordedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    unique('outreach_quiz_results_phase_key').on(t.sessionId, t.phase),
    check('outreach_quiz_results_respondents_check', sql`${t.respondents} > 0`),
  ],
);
