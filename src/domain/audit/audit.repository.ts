import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import {
  apiTokens,
  auditEvents,
  auditSeals,
  cases,
  encryptionKeys,
  memberships,
  organisations,
  users,
} from '@/db/schema/index.ts';
import { canonicalJson } from '@/lib/canonical-json.ts';
import { auditKey, sealMac } from './audit-keys.ts';
import type { AuditEvent, AuditOutcome } from './audit.schema.ts';

/** Hash of the (empty) chain before the first row. */
export const GENESIS_HASH = '0'.repeat(64);
/** Advisory lock id that serialises appends, so `seq` and `prev_hash` never fork. */
const AUDIT_LOCK_ID = 7_312_001;
/** Advisory lock id that serialises writes of the checkpoint file (every process, one file). */
const CHECKPOINT_LOCK_ID = 7_312_002;

/** A row's content as it is hashed. */
export interface AuditRowContent {
  seq: bigint;
  id: string;
  at: Date;
  organisationId: string | null;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

/** SHA-256 over the previous hash and the canonical JSON of the row. */
export function hashAuditRow(prevHash: string, row: AuditRowContent): string {
  const content = canonicalJson({ ...row, seq: row.seq.toString(), at: row.at.toISOString() });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/**
 * Appends one row at the head of the chain and its seal (HMAC under the installation's audit
 * key). Call inside a transaction. Throws when this process has not loaded the database's audit
 * key (`loadKeyring` loads it): nothing is written unsealed.
 */
export async function appendAuditRow(tx: Db, row: Omit<AuditRowContent, 'seq'>): Promise<void> {
  const result = await tx.execute(
    sql`select seq, hash, key_id from hw_audit_lock_head(${AUDIT_LOCK_ID})`,
  );
  // PGlite and node-postgres both answer `{ rows }`; seq (bigint) may come back as a string.
  const [head] = (
    result as {
      rows: { seq: string | number | null; hash: string | null; key_id: string | null }[];
    }
  ).rows;
  const keyId = head?.key_id ?? null;
  const key = keyId === null ? undefined : auditKey(keyId);
  if (keyId === null || key === undefined) {
    throw new Error('The audit key of this database is not loaded (load the keyring first)');
  }
  const seq = head?.seq === null || head?.seq === undefined ? 1n : BigInt(head.seq) + 1n;
  const content: AuditRowContent = { ...row, seq };
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = hashAuditRow(prevHash, content);
  await tx.insert(auditEvents).values({ ...content, prevHash, hash });
  await tx.insert(auditSeals).values({ seq, hash, keyId, mac: sealMac(key, keyId, seq, hash) });
}

export interface AuditFilter {
  organisationId: string;
  actorUserId?: string | undefined;
  actorLabel?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeSeq?: bigint | undefined;
  limit: number;
}

/** Newest first, scoped to one organisation. Fetches `limit + 1` rows to detect a next page. */
export async function listAuditRows(db: Db, f: AuditFilter): Promise<AuditEvent[]> {
  const where: (SQL | undefined)[] = [
    eq(auditEvents.organisationId, f.organisationId),
    f.actorUserId ? eq(auditEvents.actorUserId, f.actorUserId) : undefined,
    f.actorLabel ? eq(auditEvents.actorLabel, f.actorLabel) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
    f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.from ? gte(auditEvents.at, f.from) : undefined,
    f.to ? lte(auditEvents.at, f.to) : undefined,
    f.beforeSeq ? lt(auditEvents.seq, f.beforeSeq) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...where))
    .orderBy(desc(auditEvents.seq))
    .limit(f.limit + 1);
  return rows.map((r) => ({
    id: r.id,
    seq: r.seq.toString(),
    at: r.at.toISOString(),
    organisationId: r.organisationId,
    actorUserId: r.actorUserId,
    actorEmail: r.actorLabel,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    entityLabel: null,
    outcome: r.outcome as AuditOutcome,
    ip: r.ip,
    details: r.details,
  }));
}

/** Entity types the audit viewer names (others are shown by their type only). */
export interface EntityRefs {
  case: string[];
  user: string[];
  api_token: string[];
  organisation: string[];
}

/** Display names of the members of `organisationId` among `userIds`. */
async function memberNames(db: Db, organisationId: string, userIds: string[]) {
  return db
    .select({ id: users.id, label: users.displayName })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(memberships.organisationId, organisationId), inArray(users.id, userIds)));
}

/**
 * Readable names of the entities on one page of the audit log, keyed `type:id`: the case number
 * of a case, the display name of a member, the name of an API token or of the organisation
 * itself. Only things of `organisationId` are named, so another organisation's id stays unnamed.
 * One primary-key lookup per entity type present (at most four statements a page), whatever
 * the page size. Ids must be UUIDs (the caller filters them).
 */
export async function entityLabels(
  db: Db,
  organisationId: string,
  refs: EntityRefs,
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const add = (type: string, rows: { id: string; label: string }[]) =>
    rows.forEach((row) => labels.set(`${type}:${row.id}`, row.label));
  if (refs.case.length > 0) {
    const rows = await db
      .select({ id: cases.id, label: cases.caseNumber })
      .from(cases)
      .where(and(eq(cases.organisationId, organisationId), inArray(cases.id, refs.case)));
    add('case', rows);
  }
  if (refs.user.length > 0) {
    add('user', await memberNames(db, organisationId, refs.user));
  }
  if (refs.api_token.length > 0) {
    const rows = await db
      .select({ id: apiTokens.id, label: apiTokens.name })
      .from(apiTokens)
      .where(
        and(eq(apiTokens.organisationId, organisationId), inArray(apiTokens.id, refs.api_token)),
      );
    add('api_token', rows);
  }
  if (refs.organisation.includes(organisationId)) {
    const rows = await db
      .select({ id: organisations.id, label: organisations.name })
      .from(organisations)
      .where(eq(organisations.id, organisationId));
    add('organisation', rows);
  }
  return labels;
}

/** A row of the chain with its stored hashes and its seal (null when it has none). */
export type ChainRow = AuditRowContent & {
  prevHash: string;
  hash: string;
  seal: { keyId: string; hash: string; mac: string } | null;
};

/** A batch of the chain in `seq` order, after `afterSeq`, with stored hashes and seals. */
export async function readChainBatch(db: Db, afterSeq: bigint, limit: number): Promise<ChainRow[]> {
  const rows = await db
    .select({
      event: auditEvents,
      sealKeyId: auditSeals.keyId,
      sealHash: auditSeals.hash,
      sealMac: auditSeals.mac,
    })
    .from(auditEvents)
    .leftJoin(auditSeals, eq(auditSeals.seq, auditEvents.seq))
    .where(gt(auditEvents.seq, afterSeq))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
  return rows.map((r) => ({
    ...r.event,
    outcome: r.event.outcome as AuditOutcome,
    seal:
      r.sealKeyId !== null && r.sealHash !== null && r.sealMac !== null
        ? { keyId: r.sealKeyId, hash: r.sealHash, mac: r.sealMac }
        : null,
  }));
}

/** A sealed point of the chain. */
export interface SealRow {
  seq: bigint;
  hash: string;
  keyId: string;
  mac: string;
}

/** The newest seal, or null when nothing is sealed. */
export async function latestSeal(db: Db): Promise<SealRow | null> {
  const [row] = await db
    .select({
      seq: auditSeals.seq,
      hash: auditSeals.hash,
      keyId: auditSeals.keyId,
      mac: auditSeals.mac,
    })
    .from(auditSeals)
    .orderBy(desc(auditSeals.seq))
    .limit(1);
  return row ?? null;
}

/** The newest row's seq, or null on an empty chain. */
export async function chainHeadSeq(db: Db): Promise<bigint | null> {
  const [row] = await db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row?.seq ?? null;
}

/** The stored hash of row `seq`, or null when there is no such row. */
export async function chainHashAt(db: Db, seq: bigint): Promise<string | null> {
  const [row] = await db
    .select({ hash: auditEvents.hash })
    .from(auditEvents)
    .where(eq(auditEvents.seq, seq));
  return row?.hash ?? null;
}

/**
 * Id of the installation's active audit key (`encryption_keys`, purpose 'audit_mac'; the keys
 * module creates it), or null when there is none.
 */
export async function activeAuditKeyId(db: Db): Promise<string | null> {
  const [row] = await db
    .select({ id: encryptionKeys.id })
    .from(encryptionKeys)
    .where(and(eq(encryptionKeys.purpose, 'audit_mac'), eq(encryptionKeys.status, 'active')))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Whether the current database role could disable the audit triggers: it is a superuser, or a
 * member of the role that owns `audit_events`.
 */
export async function roleCanAlterAudit(db: Db): Promise<{ superuser: boolean; owner: boolean }> {
  const result = await db.execute(
    sql`select r.rolsuper as superuser, pg_has_role(current_user, c.relowner, 'MEMBER') as owner
        from pg_roles r, pg_class c
        where r.rolname = current_user and c.oid = 'audit_events'::regclass`,
  );
  const [row] = (result as { rows: { superuser: boolean; owner: boolean }[] }).rows;
  return { superuser: row?.superuser ?? false, owner: row?.owner ?? false };
}

/** Serialises checkpoint-file writes of every process using this database. Call in a transaction. */
export async function lockCheckpoint(tx: Db): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CHECKPOINT_LOCK_ID})`);
}
