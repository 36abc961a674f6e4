import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import type { JobPayload } from '@/domain/jobs/jobs.schema.ts';
import { organisations } from './auth.ts';
import { ts } from './columns.ts';

/**
 * A background job (src/domain/jobs): a row, so it survives a restart. The payload holds ids
 * only, never survivor data. A job is open until `done_at` (succeeded) or `dead_at` (gave up).
 * Jobs of one `ordering_key` run one after another, in the order they were enqueued (by id).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey(),
    organisationId: uuid().references(() => organisations.id),
    kind: text().notNull(),
    payload: jsonb().$type<JobPayload>().notNull(),
    orderingKey: text(),
    runAt: ts().notNull().defaultNow(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull().default(5),
    lockedUntil: ts(),
    lockedBy: text(),
    /** A short error name or code, never a message that could hold data. */
    lastError: text(),
    doneAt: ts(),
    deadAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index('jobs_open_run_at_idx')
      .on(t.runAt, t.id)
      .where(sql`${t.doneAt} is null and ${t.deadAt} is null`),
    index('jobs_open_ordering_key_idx')
      .on(t.orderingKey, t.id)
      .where(sql`${t.doneAt} is null and ${t.deadAt} is null and ${t.orderingKey} is not null`),
  ],
);
