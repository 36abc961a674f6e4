import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './auth.ts';

/** A point in time, stored with its time zone (every timestamp column of Homeward). */
export const ts = () => timestamp({ withTimezone: true });

/** The organisation a row belongs to: every row of survivor data has one. */
export const orgRef = () =>
  uuid()
    .notNull()
    .references(() => organisations.id);
