import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { auditEvents } from '@/db/schema/index.ts';
import { canonicalJson } from '@/lib/canonical-json.ts';
import type { AuditEvent, AuditOutcome } from './audit.schema.ts';

/** Hash of the (empty) chain before the first row. */
export const GENESIS_HASH = '0'.repeat(64);
/** Advisory lock id that serialises appends, so `seq` and `prev_hash` never fork. */
const AUDIT_LOCK_ID = 7_312_001;

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

/** Appends one row at the head of the chain. Call inside a transaction. */
export async function appendAuditRow(tx: Db, row: Omit<AuditRowContent, 'seq'>): Promise<void> {
  const result = await tx.execute(sql`select seq, hash from hw_audit_lock_head(${AUDIT_LOCK_ID})`);
  // PGlite and node-postgres both answer `{ rows }`; seq (bigint) may come back as a string.
  const [head] = (result as { rows: { seq: string | number; hash: string }[] }).rows.map((r) => ({
    seq: BigInt(r.seq),
    hash: r.hash,
  }));
  const content: AuditRowContent = { ...row, seq: (head?.seq ?? 0n) + 1n };
  const prevHash = head?.hash ?? GENESIS_HASH;
  await tx
    .insert(auditEvents)
    .values({ ...content, prevHash, hash: hashAuditRow(prevHash, content) });
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
    outcome: r.outcome as AuditOutcome,
    ip: r.ip,
    details: r.details,
  }));
}

/** A batch of the chain in `seq` order, after `afterSeq`, with stored hashes. */
export async function readChainBatch(
  db: Db,
  afterSeq: bigint,
  limit: number,
): Promise<(AuditRowContent & { prevHash: string; hash: string })[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.seq, afterSeq))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
  return rows.map((r) => ({ ...r, outcome: r.outcome as AuditOutcome }));
}
