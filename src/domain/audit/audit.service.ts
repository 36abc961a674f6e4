import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { newId, isUuid } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '@/lib/pagination.ts';
import { requireAccess } from '@/policy/require-access.ts';
import {
  appendAuditRow,
  entityLabels,
  listAuditRows,
  type EntityRefs,
} from './audit.repository.ts';
import {
  AuditEntrySchema,
  type AuditEntry,
  type AuditEvent,
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
  const page = toPage(rows, q.limit, (last) => encodeCursor(last.seq));
  return { ...page, items: await withEntityLabels(ctx.db, actor.organisationId, page.items) };
}

/** The events with `entityLabel` filled in where the entity is a named thing of the organisation. */
async function withEntityLabels(
  db: Db,
  organisationId: string,
  events: AuditEvent[],
): Promise<AuditEvent[]> {
  const refs: EntityRefs = { case: [], user: [], api_token: [], organisation: [] };
  for (const e of events) {
    if (e.entityType && e.entityType in refs && e.entityId && isUuid(e.entityId)) {
      const ids = refs[e.entityType as keyof EntityRefs];
      if (!ids.includes(e.entityId)) {
        ids.push(e.entityId);
      }
    }
  }
  const labels = await entityLabels(db, organisationId, refs);
  return events.map((e) => ({
    ...e,
    entityLabel: labels.get(`${e.entityType ?? ''}:${e.entityId ?? ''}`) ?? null,
  }));
}

function endOfDayIfDate(value: string): Date {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T23:59:59.999Z`) : new Date(value);
}
