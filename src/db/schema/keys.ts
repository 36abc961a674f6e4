import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * Keys wrapped (AES-256-GCM) by the master key, which is never stored in the database. A dump of
 * the database alone therefore reveals no encrypted field and cannot forge an audit seal or a
 * backup MAC. `purpose`: 'data' keys encrypt fields (rotated by `homeward keys rotate`);
 * 'audit_mac' seals the audit chain and 'backup_mac' authenticates backups (one active each,
 * never rotated with the data keys; re-wrapped with every key when the master key changes).
 */
export const encryptionKeys = pgTable(
  'encryption_keys',
  {
    id: text().primaryKey(),
    wrappedKey: text().notNull(),
    masterKeyId: text().notNull(),
    status: text().notNull(),
    purpose: text().notNull().default('data'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    // Two processes starting at once cannot both create an audit or backup key.
    uniqueIndex('encryption_keys_one_active_mac_key')
      .on(t.purpose)
      .where(sql`purpose <> 'data' and status = 'active'`),
  ],
);
