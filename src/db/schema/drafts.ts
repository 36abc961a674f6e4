import { index, integer, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations, users } from './auth.ts';
import { cases } from './cases.ts';
import { ts } from './columns.ts';

/**
 * Unsaved form input kept as the person types (`/api/drafts`): one row per user, organisation
 * and form key (for example `case:<id>:note`). The body is field-encrypted like the case data it
 * holds; rows expire (`expires_at`) and are deleted when the form is saved or discarded.
 */
export const formDrafts = pgTable(
  'form_drafts',
  {
    id: uuid().primaryKey(),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    formKey: text().notNull(),
    /** The case the draft belongs to, when it belongs to one (access is re-checked on read). */
    caseId: uuid().references(() => cases.id),
    bodyEnc: text().notNull(),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    expiresAt: ts().notNull(),
  },
  (t) => [
    uniqueIndex('form_drafts_owner_form_key').on(t.userId, t.organisationId, t.formKey),
    index('form_drafts_expires_idx').on(t.expiresAt),
  ],
);
