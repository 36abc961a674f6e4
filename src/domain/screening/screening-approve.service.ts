import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError, findOrFail } from '@/lib/errors.ts';
import { requireAccess } from '@/policy/require-access.ts';
import type { ScreeningSummary } from './screening-views.schema.ts';
import { lockScreening, updateScreeningRow } from './screenings.repository.ts';
import { loadSummary } from './screenings.service.ts';

/**
 * Approves a complete screening (`screening.approve`: supervisors, admins). Its statement can no
 * longer be edited; the report it backs is no longer a draft. Throws `case_not_found`,
 * `screening_not_found`, `screening_not_complete` (in progress, or approved already).
 */
export async function approveScreening(
  ctx: Ctx,
  caseId: string,
  screeningId: string,
): Promise<ScreeningSummary> {
  const actor = await requireAccess(ctx, 'screening.approve', [{ type: 'case', id: caseId }]);
  await ctx.db.transaction(async (tx) => {
    const row = await findOrFail(
      lockScreening(tx, actor.organisationId, caseId, screeningId),
      'screening_not_found',
    );
    if (row.status !== 'complete') {
      throw new AppError(
        'screening_not_complete',
        row.status === 'approved' ? 'This screening is approved already.' : undefined,
      );
    }
    const now = ctx.now();
    const updated = await updateScreeningRow(tx, actor.organisationId, row.id, {
      status: 'approved',
      approvedBy: actor.userId,
      approvedAt: now,
      updatedAt: now,
      version: row.version + 1,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'screening.approve',
      entityType: 'case',
      entityId: caseId,
      details: { screeningId, version: updated.version },
    });
  });
  return loadSummary(ctx, actor, caseId, screeningId);
}
