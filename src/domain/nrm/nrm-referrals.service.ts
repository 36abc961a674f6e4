import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import { createCaseEvent } from '@/domain/cases/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { validationFailed } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { localDay } from './deadline-math.ts';
import { jurisdictionInForce } from './nrm-jurisdictions.service.ts';
import { newReferralSteps, toReferral } from './nrm-mapper.ts';
import {
  findReferral,
  insertReferral,
  listDecisionRows,
  listReferralRows,
  listStepRows,
} from './nrm-referrals.repository.ts';
import type { Jurisdiction } from './nrm.schema.ts';
import type { Referral, ReferralCreate } from './nrm-views.schema.ts';

/**
 * Referrals of a case to a national referral mechanism. Each referral keeps its jurisdiction's
 * steps with the figures in force when it was made; its clocks start on the referral or on a
 * decision (see nrm-decisions.service.ts). Creating one records the journey event
 * `identification/nrm_referral` through the cases module.
 */

/** How far ahead of the server's clock a referral may be dated (a browser's clock runs fast). */
const CLOCK_SKEW_MS = 5 * 60_000;

/** The jurisdiction named by the input, in force; throws `validation_failed` when unknown. */
export async function knownJurisdiction(ctx: Ctx, code: string): Promise<Jurisdiction> {
  const j = await jurisdictionInForce(ctx.db, code);
  if (!j) {
    throw validationFailed([
      { path: 'jurisdiction', message: `Homeward has no NRM data for ${code}` },
    ]);
  }
  return j;
}

/** A referral of a case with its steps and decisions, as stored now. */
export async function loadReferral(
  ctx: Ctx,
  actor: OrgActor,
  ref: { caseId: string; id: string },
): Promise<Referral | null> {
  const row = await findReferral(ctx.db, actor.organisationId, ref);
  if (!row) {
    return null;
  }
  const [steps, decisions] = await Promise.all([
    listStepRows(ctx.db, actor.organisationId, [row.id]),
    listDecisionRows(ctx.db, actor.organisationId, [row.id]),
  ]);
  return toReferral(row, { steps, decisions }, ctx.now());
}

/**
 * Records a referral of a case to `jurisdiction`'s NRM (`nrm.write`), received by `authority`
 * at `referredAt`: its steps with their due dates, the journey event (`case.update` too) and
 * the audit entry, in one transaction. Throws `case_not_found`, `validation_failed` (unknown
 * jurisdiction, `referredAt` more than 5 minutes in the future); nothing is written then.
 */
export async function createReferral(
  ctx: Ctx,
  caseId: string,
  input: ReferralCreate,
): Promise<Referral> {
  const actor = await requireAccess(ctx, 'nrm.write', [{ type: 'case', id: caseId }]);
  const j = await knownJurisdiction(ctx, input.jurisdiction);
  const referredAt = new Date(input.referredAt);
  if (referredAt.getTime() > ctx.now().getTime() + CLOCK_SKEW_MS) {
    throw validationFailed([{ path: 'referredAt', message: 'The referral is in the future' }]);
  }
  const id = newId();
  const steps = newReferralSteps(j, id, { event: 'referral', at: referredAt });
  await ctx.db.transaction(async (tx) => {
    const row = { id, caseId, jurisdiction: j.code, referredAt, authority: input.authority };
    await insertReferral(
      tx,
      actor.organisationId,
      { ...row, status: 'open', createdBy: actor.userId, createdAt: ctx.now() },
      steps,
    );
    await createCaseEvent({ ...ctx, db: tx }, caseId, {
      stage: 'identification',
      type: 'nrm_referral',
      occurredOn: localDay(referredAt, j.timeZone),
      country: j.code,
      outcome: input.authority,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'nrm_referral.create',
      entityType: 'case',
      entityId: caseId,
      details: { referralId: id, jurisdiction: j.code, steps: steps.length },
    });
  });
  return (await loadReferral(ctx, actor, { caseId, id }))!;
}

/**
 * The NRM referrals of a case (`nrm.read`), oldest first, with their steps (overdue as of now)
 * and decisions. Audited as `nrm_referrals.read`. Throws `case_not_found`.
 */
export async function listReferrals(ctx: Ctx, caseId: string): Promise<Referral[]> {
  const actor = await requireAccess(ctx, 'nrm.read', [{ type: 'case', id: caseId }]);
  const rows = await listReferralRows(ctx.db, actor.organisationId, caseId);
  const ids = rows.map((r) => r.id);
  const [steps, decisions] = await Promise.all([
    listStepRows(ctx.db, actor.organisationId, ids),
    listDecisionRows(ctx.db, actor.organisationId, ids),
  ]);
  const items = rows.map((r) => toReferral(r, { steps, decisions }, ctx.now()));
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'nrm_referrals.read',
    entityType: 'case',
    entityId: caseId,
    details: { referralIds: ids },
  });
  return items;
}
