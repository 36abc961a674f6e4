import { recordAudit } from '@/domain/audit/index.ts';
import { createCaseEvent } from '@/domain/cases/index.ts';
import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { AppError, findOrFail, validationFailed } from '@/lib/errors.ts';
import { isUuid, newId } from '@/lib/ids.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { localDay, startOfLocalDay } from './deadline-math.ts';
import { dueOf } from './nrm-mapper.ts';
import {
  findReferral,
  insertDecision,
  listStepRows,
  setReferralStatus,
  updateStepRow,
  type ReferralRow,
} from './nrm-referrals.repository.ts';
import { knownJurisdiction, loadReferral } from './nrm-referrals.service.ts';
import type { DecisionKind, Jurisdiction } from './nrm.schema.ts';
import type { DecisionInput, Referral, ReferralUpdate } from './nrm-views.schema.ts';

/** The latest calendar date anywhere on earth (UTC+14): "today" in any caseworker's zone. */
const latestLocalDate = (now: Date) => utcDay(new Date(now.getTime() + 14 * 3_600_000));

/** Checks a decision against its referral's jurisdiction and dates; throws `validation_failed`. */
function assertDecision(ctx: Ctx, j: Jurisdiction, r: ReferralRow, d: DecisionInput): void {
  if (!j.decisions.some((k) => k.kind === d.kind)) {
    throw validationFailed([
      { path: 'decision.kind', message: `${j.code} has no ${d.kind} decision` },
    ]);
  }
  if (d.decidedOn > latestLocalDate(ctx.now())) {
    throw validationFailed([{ path: 'decision.decidedOn', message: 'The date is in the future' }]);
  }
  if (d.decidedOn < localDay(r.referredAt, j.timeZone)) {
    throw validationFailed([
      { path: 'decision.decidedOn', message: 'The decision is dated before the referral' },
    ]);
  }
}

/**
 * What a decision does to the referral's steps: the steps it ends are closed; a positive one
 * starts the clocks waiting for it (from the start of its day); a final or negative one closes
 * the referral and every step still open.
 */
async function applyDecision(
  tx: Db,
  ctx: Ctx,
  { j, r, d }: { j: Jurisdiction; r: ReferralRow; d: DecisionInput },
): Promise<void> {
  const now = ctx.now();
  const closes = d.outcome === 'negative' || j.decisions.some((k) => k.kind === d.kind && k.final);
  const starts = d.outcome === 'positive' ? `${d.kind}_positive` : null;
  for (const s of await listStepRows(tx, r.organisationId, [r.id])) {
    if (s.closedAt !== null) {
      continue;
    }
    if (closes || s.endsWith === d.kind) {
      await updateStepRow(tx, r.organisationId, s.id, { closedAt: now });
    } else if (s.startsOn !== null && s.startsOn === starts && s.startedAt === null) {
      const at = startOfLocalDay(d.decidedOn, j.timeZone);
      const due = dueOf(j, s, at);
      await updateStepRow(tx, r.organisationId, s.id, { startedAt: at, ...due });
    }
  }
  if (closes) {
    await setReferralStatus(tx, r.organisationId, r.id, { status: 'closed', at: now });
  }
}

async function writeDecision(
  tx: Db,
  ctx: Ctx,
  { actor, j, r, d }: { actor: OrgActor; j: Jurisdiction; r: ReferralRow; d: DecisionInput },
): Promise<void> {
  const recorded = await insertDecision(tx, actor.organisationId, {
    id: newId(),
    referralId: r.id,
    ...d,
    recordedBy: actor.userId,
    recordedAt: ctx.now(),
  });
  if (!recorded) {
    throw new AppError('conflict', `This referral already has a ${d.kind} decision`);
  }
  await applyDecision(tx, ctx, { j, r, d });
  await createCaseEvent({ ...ctx, db: tx }, r.caseId, {
    stage: 'identification',
    type: 'nrm_decision',
    occurredOn: d.decidedOn,
    country: j.code,
    outcome: journeyOutcome(d).slice(0, 200),
  });
  await recordAudit(tx, ctx, {
    organisationId: actor.organisationId,
    action: 'nrm_referral.decide',
    entityType: 'case',
    entityId: r.caseId,
    // The kind of decision, not its outcome: the audit log holds no finding about the person.
    details: { referralId: r.id, kind: d.kind },
  });
}

/**
 * Records a state decision on a referral (`nrm.write`; the journey event needs `case.update`):
 * the decision, its effect on the steps, the journey event `identification/nrm_decision` and
 * the audit entry in one transaction. Throws `case_not_found`, `nrm_referral_not_found`,
 * `conflict` (closed referral, a second decision of a kind), `validation_failed` (a kind the
 * jurisdiction does not have, a date in the future or before the referral); nothing is
 * written then.
 */
export async function updateReferral(
  ctx: Ctx,
  ref: { caseId: string; id: string },
  input: ReferralUpdate,
): Promise<Referral> {
  const actor = await requireAccess(ctx, 'nrm.write', [{ type: 'case', id: ref.caseId }]);
  if (!isUuid(ref.id)) {
    throw new AppError('nrm_referral_not_found');
  }
  await ctx.db.transaction(async (tx) => {
    const r = await findOrFail(
      findReferral(tx, actor.organisationId, { ...ref, lock: true }),
      'nrm_referral_not_found',
    );
    if (r.status === 'closed') {
      throw new AppError('conflict', 'This referral is closed: it had its final decision');
    }
    const j = await knownJurisdiction({ ...ctx, db: tx }, r.jurisdiction);
    assertDecision(ctx, j, r, input.decision);
    await writeDecision(tx, ctx, { actor, j, r, d: input.decision });
  });
  return (await loadReferral(ctx, actor, ref))!;
}

const KIND_WORDS: Record<DecisionKind, string> = {
  reasonable_grounds: 'Reasonable grounds decision',
  conclusive_grounds: 'Conclusive grounds decision',
  identification: 'Identification decision',
};

/**
 * The decision in words for the case's journey (a record kept in the organisation's working
 * language, like the other outcomes caseworkers type): "Reasonable grounds decision: positive,
 * by Single Competent Authority".
 */
function journeyOutcome(d: { kind: DecisionKind; outcome: string; decisionMaker: string }) {
  return `${KIND_WORDS[d.kind]}: ${d.outcome}, by ${d.decisionMaker}`;
}
