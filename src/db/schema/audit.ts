import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only, hash-chained audit log. `seq` is gap-free; `hash` covers the row's canonical
 * content and `prev_hash`, so editing, deleting or inserting a row breaks the chain.
 * Triggers reject UPDATE and DELETE (migration 0001) and TRUNCATE (migration 0013).
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigint({ mode: 'bigint' }).primaryKey(),
    id: uuid().notNull().unique(),
    at: timestamp({ withTimezone: true, precision: 3 }).notNull(),
    organisationId: uuid(),
    actorUserId: uuid(),
    actorLabel: text(),
    action: text().notNull(),
    entityType: text(),
    entityId: text(),
    outcome: text().notNull(),
    ip: text(),
    requestId: text(),
    details: jsonb().$type<Record<string, unknown>>().notNull(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index('audit_events_org_seq_idx').on(t.organisationId, t.seq),
    index('audit_events_org_action_idx').on(t.organisationId, t.action, t.seq),
    index('audit_events_org_actor_idx').on(t.organisationId, t.actorUserId, t.seq),
    index('audit_events_org_entity_idx').on(t.organisationId, t.entityType, t.entityId),
  ],
);

/**
 * One seal per audit row, written in the row's transaction: HMAC-SHA256 of (key id, seq, hash)
 * under the audit MAC key, which only the master key unwraps (`encryption_keys`, purpose
 * 'audit_mac'). Re-hashing the chain with SHA-256 alone cannot produce matching seals. Rows
 * older than the first seal (installations from before seals) are covered by it through the
 * hash chain. Append-only like `audit_events` (UPDATE, DELETE and TRUNCATE are rejected).
 */
export const auditSeals = pgTable('audit_seals', {
  seq: bigint({ mode: 'bigint' }).primaryKey(),
  hash: text().notNull(),
  keyId: text().notNull(),
  mac: text().notNull(),
  at: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
