import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Data-encryption keys, each wrapped (AES-256-GCM) by the master key, which is never stored in
 * the database. A dump of the database alone therefore reveals no encrypted field.
 */
export const encryptionKeys = pgTable('encryption_keys', {
  id: text().primaryKey(),
  wrappedKey: text().notNull(),
  masterKeyId: text().notNull(),
  status: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp({ withTimezone: true }),
});
