import { recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { findOrFail } from '@/lib/errors.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { sensitiveCipher } from '@/policy/sensitive-fields.ts';
import { toScreening, toScreeningSummary } from './screening-mapper.ts';
import type { Screening, ScreeningList } from './screening-views.schema.ts';
import { findScreening, listAnswers, listScreenings } from './screenings.repository.ts';

/**
 * The screenings of a case, newest first, each with its stored result (`screening.read`).
 * Audited (`screenings.read`).
 */
export async function listCaseScreenings(ctx: Ctx, caseId: string): Promise<ScreeningList> {
  const actor = await requireAccess(ctx, 'screening.read', [{ type: 'case', id: caseId }]);
  const rows = await listScreenings(ctx.db, actor.organisationId, caseId);
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'screenings.read',
    entityType: 'case',
    entityId: caseId,
    details: { count: rows.length },
  });
  return { items: rows.map(toScreeningSummary) };
}

/**
 * One screening with its answers (`screening.read`). Evidence notes and the statement are
 * sensitive: decrypted only for `case.read_sensitive` (null for viewers). Audited
 * (`screening.read`). Throws `case_not_found`, `screening_not_found`.
 */
export async function getScreening(
  ctx: Ctx,
  caseId: string,
  screeningId: string,
): Promise<Screening> {
  const actor = await requireAccess(ctx, 'screening.read', [{ type: 'case', id: caseId }]);
  const row = await findOrFail(
    findScreening(ctx.db, actor.organisationId, caseId, screeningId),
    'screening_not_found',
  );
  const cipher = sensitiveCipher(actor, ctx.cipher);
  const answers = await listAnswers(ctx.db, actor.organisationId, row.id);
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'screening.read',
    entityType: 'case',
    entityId: caseId,
    details: { screeningId, sensitive: cipher !== null },
  });
  return toScreening(cipher, row, answers);
}
