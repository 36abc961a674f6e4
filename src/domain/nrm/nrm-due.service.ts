import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { assignedOnlyFilter, requireAccess } from '@/policy/require-access.ts';
import { findUpcomingDays, upsertUpcomingDays } from './nrm-figures.repository.ts';
import { listDueRows } from './nrm-referrals.repository.ts';
import {
  DEFAULT_UPCOMING_DAYS,
  type DueList,
  type DueQuery,
  type NrmSettings,
  type NrmSettingsUpdate,
} from './nrm-views.schema.ts';

/** The most steps the due list returns (soonest first). */
const DUE_LIMIT = 200;

/**
 * NRM deadlines due soon or overdue across the caller's cases (`nrm.read`): roles that see
 * every case get the organisation's, caseworkers only the cases assigned to them. "Upcoming"
 * means due within the organisation's horizon (7 days unless it set another); only deadlines
 * are ever overdue (a protection period that ended is not). Soonest first, at most 200.
 * Audited as `nrm_due.read` with the case ids shown.
 */
export async function listDue(ctx: Ctx, q: DueQuery): Promise<DueList> {
  const actor = await requireAccess(ctx, 'nrm.read');
  const upcomingDays =
    (await findUpcomingDays(ctx.db, actor.organisationId)) ?? DEFAULT_UPCOMING_DAYS;
  const now = ctx.now();
  const rows = await listDueRows(ctx.db, actor.organisationId, {
    now,
    horizon: new Date(now.getTime() + upcomingDays * 86_400_000),
    overdue: q.due !== 'upcoming',
    upcoming: q.due !== 'overdue',
    visibleTo: assignedOnlyFilter(actor),
    limit: DUE_LIMIT,
  });
  const items = rows.map((r) => ({
    ...r,
    dueAt: r.dueAt.toISOString(),
    overdue: r.kind === 'deadline' && r.dueAt < now,
  }));
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'nrm_due.read',
    entityType: 'case',
    details: { due: q.due ?? 'all', caseIds: [...new Set(items.map((i) => i.caseId))] },
  });
  return { items, upcomingDays };
}

/** The organisation's NRM settings (`nrm.read`). */
export async function getNrmSettings(ctx: Ctx): Promise<NrmSettings> {
  const actor = await requireAccess(ctx, 'nrm.read');
  const days = await findUpcomingDays(ctx.db, actor.organisationId);
  return { upcomingDays: days ?? DEFAULT_UPCOMING_DAYS };
}

/** Sets the organisation's "upcoming" horizon (`organisation.manage`), audited. */
export async function updateNrmSettings(ctx: Ctx, input: NrmSettingsUpdate): Promise<NrmSettings> {
  const actor = await requireAccess(ctx, 'organisation.manage');
  await ctx.db.transaction(async (tx) => {
    await upsertUpcomingDays(tx, actor.organisationId, {
      days: input.upcomingDays,
      by: actor.userId,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'nrm_settings.update',
      entityType: 'organisation',
      entityId: actor.organisationId,
      details: { upcomingDays: input.upcomingDays },
    });
  });
  return { upcomingDays: input.upcomingDays };
}
