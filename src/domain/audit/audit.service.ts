import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { newId, isUuid } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor } from '@/lib/pagination.ts';
import { requireAccess } from '@/policy/require-access.ts';
import {
  appendAuditRow,
  GENESIS_HASH,
  hashAuditRow,
  listAuditRows,
  readChainBatch,
} from './audit.repository.ts';
import {
  AuditEntrySchema,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
  type ChainReport,
} from './audit.schema.ts';

/** The subset of `Ctx` recording needs (the CLI and login have no full actor yet). */
export type AuditCtx = Pick<Ctx, 'actor' | 'meta' | 'now'>;

/**
 * Appends one entry to the audit chain using `tx` (pass the transaction of the write being
 * audited, so both commit or neither does). Every module records through this function.
 */
export async function recordAudit(tx: Db, ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  const e = AuditEntrySchema.parse(entry);
  await appendAuditRow(tx, {
    id: newId(),
    at: ctx.now(),
    organisationId: e.organisationId,
    actorUserId: ctx.actor.userId,
    actorLabel: ctx.actor.label,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    outcome: e.outcome,
    ip: ctx.meta.ip,
    requestId: ctx.meta.requestId,
    details: e.details,
  });
}

/** Records an entry in a transaction of its own (reads, failed attempts). */
export async function recordAuditNow(db: Db, ctx: AuditCtx, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => recordAudit(tx, ctx, entry));
}

/** Lists the caller's organisation's audit events, newest first. Needs `audit.read`. */
export async function listAudit(ctx: Ctx, q: AuditQuery): Promise<AuditPage> {
  const actor = await requireAccess(ctx, 'audit.read');
  const cursor = decodeCursor(q.cursor);
  const actorFilter = q.actor?.trim();
  const rows = await listAuditRows(ctx.db, {
    organisationId: actor.organisationId,
    actorUserId: actorFilter && isUuid(actorFilter) ? actorFilter : undefined,
    actorLabel: actorFilter && !isUuid(actorFilter) ? actorFilter.toLowerCase() : undefined,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? endOfDayIfDate(q.to) : undefined,
    beforeSeq: cursor && /^\d+$/.test(cursor) ? BigInt(cursor) : undefined,
    limit: q.limit,
  });
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > q.limit && last ? encodeCursor(last.seq) : null,
  };
}

function endOfDayIfDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}

/**
 * Walks the whole chain in order and reports the first row whose sequence, link or content hash
 * does not match: an edited, deleted or inserted row.
 */
export async function verifyAuditChain(
  db: Db,
  onProgress?: (checked: number) => void,
): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1n;
  let checked = 0;
  for (;;) {
    const batch = await readChainBatch(db, expectedSeq - 1n, 2000);
    if (batch.length === 0) {
      return { ok: true, checked, firstBrokenSeq: null, reason: null };
    }
    for (const row of batch) {
      const { prevHash: storedPrev, hash, ...content } = row;
      const broken =
        row.seq !== expectedSeq
          ? `row ${expectedSeq} is missing (next row is ${row.seq})`
          : storedPrev !== prevHash
            ? 'its link to the previous row does not match'
            : hash !== hashAuditRow(prevHash, content)
              ? 'its content does not match its hash (edited)'
              : null;
      if (broken) {
        const seq = row.seq !== expectedSeq ? expectedSeq : row.seq;
        return { ok: false, checked, firstBrokenSeq: seq.toString(), reason: broken };
      }
      prevHash = hash;
      expectedSeq += 1n;
      checked += 1;
    }
    onProgress?.(checked);
  }
}
