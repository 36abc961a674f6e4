import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { newId, isUuid } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor } from '@/lib/pagination.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { appendAuditRow, listAuditRows } from './audit.repository.ts';
import {
  AuditEntrySchema,
  type AuditEntry,
  type AuditPage,
  type AuditQuery,
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
