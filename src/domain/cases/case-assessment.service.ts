import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import type { FieldCipher } from '@/lib/crypto.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { AppError } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { sensitiveCipher } from '@/policy/sensitive-fields.ts';
import {
  claimNeedRow,
  findPlanItem,
  insertPlanItem,
  listNeeds,
  listPlanItems,
  updateNeedRow,
  updatePlanItemRow,
  type NeedRow,
  type PlanItemRow,
} from './case-assessment.repository.ts';
import {
  NEED_DOMAINS,
  type Assessment,
  type Need,
  type NeedDomain,
  type NeedList,
  type NeedUpdate,
  type NeedsUpdate,
  type PlanItem,
  type PlanItemCreate,
  type PlanItemUpdate,
} from './case-assessment.schema.ts';
import { assertAssignable } from './case-members.ts';

const goalsAad = (needId: string) => FIELDS.needGoals.aad(needId);
const actionAad = (itemId: string) => FIELDS.planItemAction.aad(itemId);

/** Sensitive texts are decrypted only with a `cipher` (see `sensitiveCipher`); null hides them. */
type Opener = FieldCipher | null;

function toNeed(cipher: Opener, row: NeedRow): Need {
  return {
    domain: row.domain,
    level: row.level,
    goals: cipher && row.goalsEnc ? cipher.decrypt(row.goalsEnc, goalsAad(row.id)) : null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

function openAction(cipher: Opener, row: PlanItemRow): string | null {
  if (!cipher) {
    return null;
  }
  // Null only before the start-up step has encrypted a pre-0008 action.
  return row.actionEnc ? cipher.decrypt(row.actionEnc, actionAad(row.id)) : '';
}

function toPlanItem(cipher: Opener, row: PlanItemRow): PlanItem {
  return {
    id: row.id,
    domain: row.domain,
    action: openAction(cipher, row),
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    dueOn: row.dueOn,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The needs assessment (every domain; unassessed ones as `unknown`) and the case plan
 * (`case.read`). Goals and plan actions are sensitive: decrypted only for
 * `case.read_sensitive` (null otherwise). Audited.
 */
export async function getAssessment(ctx: Ctx, caseId: string): Promise<Assessment> {
  const actor = await requireAccess(ctx, 'case.read', [{ type: 'case', id: caseId }]);
  const cipher = sensitiveCipher(actor, ctx.cipher);
  const rows = new Map(
    (await listNeeds(ctx.db, actor.organisationId, caseId)).map((r) => [r.domain, r]),
  );
  const needs = NEED_DOMAINS.map((domain): Need => {
    const row = rows.get(domain);
    return row ? toNeed(cipher, row) : { domain, level: 'unknown', goals: null, updatedAt: null };
  });
  const plan = (await listPlanItems(ctx.db, actor.organisationId, caseId)).map((r) =>
    toPlanItem(cipher, r),
  );
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.assessment.read',
    entityType: 'case',
    entityId: caseId,
    details: { sensitive: cipher !== null, planItems: plan.length },
  });
  return { needs, plan };
}

/** What happened to the goals of a need, for the audit entry (never the goals themselves). */
const goalsChange = (goals: string | null | undefined) =>
  goals === undefined ? 'unchanged' : goals ? 'set' : 'cleared';

/** Writes the level (and goals, encrypted, unless omitted) of one domain in `tx`. */
async function writeNeed(
  tx: Db,
  ctx: Ctx,
  actor: OrgActor,
  input: NeedUpdate & { caseId: string; domain: NeedDomain },
): Promise<{ row: NeedRow; goals: string | null | undefined }> {
  const id = await claimNeedRow(tx, actor.organisationId, {
    caseId: input.caseId,
    domain: input.domain,
    newId: newId(),
  });
  const goals = input.goals === undefined ? undefined : input.goals?.trim() || null;
  const row = await updateNeedRow(tx, actor.organisationId, id, {
    level: input.level,
    ...(goals !== undefined && {
      goalsEnc: goals === null ? null : ctx.cipher.encrypt(goals, goalsAad(id)),
    }),
    updatedBy: actor.userId,
    updatedAt: ctx.now(),
  });
  return { row, goals };
}

/**
 * Records the level (and optionally the goals, encrypted) of one domain (`case.update`).
 * The audit entry names the domain, never the level or the goals.
 */
export async function setNeed(
  ctx: Ctx,
  caseId: string,
  domain: NeedDomain,
  input: NeedUpdate,
): Promise<Need> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  const row = await ctx.db.transaction(async (tx) => {
    const { row: updated, goals } = await writeNeed(tx, ctx, actor, { ...input, caseId, domain });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'case.need.update',
      entityType: 'case',
      entityId: caseId,
      details: { domain, goals: goalsChange(goals) },
    });
    return updated;
  });
  return toNeed(sensitiveCipher(actor, ctx.cipher), row);
}

/**
 * Saves the needs assessment as one form (`case.update`): every domain sent, in one transaction
 * with one audit entry naming the domains (never levels or goals). Returns every domain, as
 * `getAssessment` does.
 */
export async function setNeeds(ctx: Ctx, caseId: string, input: NeedsUpdate): Promise<NeedList> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  await ctx.db.transaction(async (tx) => {
    const goals: Record<string, string> = {};
    for (const need of input.needs) {
      const written = await writeNeed(tx, ctx, actor, { ...need, caseId });
      goals[need.domain] = goalsChange(written.goals);
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'case.needs.update',
      entityType: 'case',
      entityId: caseId,
      details: { domains: input.needs.map((n) => n.domain), goals },
    });
  });
  const cipher = sensitiveCipher(actor, ctx.cipher);
  const rows = new Map(
    (await listNeeds(ctx.db, actor.organisationId, caseId)).map((r) => [r.domain, r]),
  );
  return {
    needs: NEED_DOMAINS.map((domain): Need => {
      const row = rows.get(domain);
      return row ? toNeed(cipher, row) : { domain, level: 'unknown', goals: null, updatedAt: null };
    }),
  };
}

async function loadPlanItem(
  ctx: Ctx,
  actor: OrgActor,
  caseId: string,
  itemId: string,
): Promise<PlanItem> {
  const row = await findPlanItem(ctx.db, actor.organisationId, caseId, itemId);
  if (!row) {
    throw new AppError('plan_item_not_found');
  }
  return toPlanItem(sensitiveCipher(actor, ctx.cipher), row);
}

/** Adds an action to the case plan (`case.update`); the owner must be able to hold cases. */
export async function createPlanItem(
  ctx: Ctx,
  caseId: string,
  input: PlanItemCreate,
): Promise<PlanItem> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  if (input.ownerId) {
    await assertAssignable(ctx, actor, input.ownerId, 'ownerId');
  }
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await insertPlanItem(tx, actor.organisationId, {
      id,
      caseId,
      domain: input.domain,
      actionEnc: ctx.cipher.encrypt(input.action, actionAad(id)),
      ownerId: input.ownerId ?? null,
      dueOn: input.dueOn ?? null,
      status: input.status,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'case.plan_item.create',
      entityType: 'case',
      entityId: caseId,
      details: { planItemId: id, domain: input.domain },
    });
  });
  return loadPlanItem(ctx, actor, caseId, id);
}

/** Edits a plan item (`case.update`). Throws `plan_item_not_found` for an item not on the case. */
export async function updatePlanItem(
  ctx: Ctx,
  caseId: string,
  itemId: string,
  input: PlanItemUpdate,
): Promise<PlanItem> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  if (!(await findPlanItem(ctx.db, actor.organisationId, caseId, itemId))) {
    throw new AppError('plan_item_not_found');
  }
  if (input.ownerId) {
    await assertAssignable(ctx, actor, input.ownerId, 'ownerId');
  }
  const { action, ...rest } = input;
  await ctx.db.transaction(async (tx) => {
    await updatePlanItemRow(tx, actor.organisationId, itemId, {
      ...rest,
      ...(action !== undefined && { actionEnc: ctx.cipher.encrypt(action, actionAad(itemId)) }),
      updatedAt: ctx.now(),
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'case.plan_item.update',
      entityType: 'case',
      entityId: caseId,
      details: { planItemId: itemId, fields: Object.keys(input) },
    });
  });
  return loadPlanItem(ctx, actor, caseId, itemId);
}
