import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { caseNeeds, casePlanItems, users } from '@/db/schema/index.ts';
import { isUuid } from '@/lib/ids.ts';
import type { NeedDomain, NeedLevel } from './case-assessment.schema.ts';

export type NeedRow = typeof caseNeeds.$inferSelect;

/** A plan item row (action still encrypted) with its owner's name. */
export type PlanItemRow = Omit<typeof casePlanItems.$inferSelect, 'legacyAction'> & {
  ownerName: string | null;
};

export type PlanItemInsert = Pick<
  typeof casePlanItems.$inferInsert,
  'id' | 'caseId' | 'domain' | 'actionEnc' | 'ownerId' | 'dueOn' | 'status'
>;
export type PlanItemPatch = Partial<
  Pick<typeof casePlanItems.$inferInsert, 'domain' | 'actionEnc' | 'ownerId' | 'dueOn' | 'status'>
>;

/** The recorded needs of a case. */
export async function listNeeds(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<NeedRow[]> {
  return db
    .select()
    .from(caseNeeds)
    .where(and(eq(caseNeeds.organisationId, organisationId), eq(caseNeeds.caseId, caseId)));
}

/**
 * Makes sure a need row exists for (case, domain) and returns its id, locked for this
 * transaction. The id is part of the goals' AAD, so it must be known before encrypting.
 */
export async function claimNeedRow(
  tx: Db,
  organisationId: string,
  { caseId, domain, newId }: { caseId: string; domain: NeedDomain; newId: string },
): Promise<string> {
  await tx
    .insert(caseNeeds)
    .values({ id: newId, organisationId, caseId, domain, level: 'unknown' })
    .onConflictDoNothing({ target: [caseNeeds.caseId, caseNeeds.domain] });
  const [row] = await tx
    .select({ id: caseNeeds.id })
    .from(caseNeeds)
    .where(
      and(
        eq(caseNeeds.organisationId, organisationId),
        eq(caseNeeds.caseId, caseId),
        eq(caseNeeds.domain, domain),
      ),
    )
    .for('update');
  return row!.id;
}

/** Updates one need row; `goalsEnc` undefined leaves the goals as they are. */
export async function updateNeedRow(
  tx: Db,
  organisationId: string,
  needId: string,
  patch: { level: NeedLevel; goalsEnc?: string | null; updatedBy: string | null; updatedAt: Date },
): Promise<NeedRow> {
  const [row] = await tx
    .update(caseNeeds)
    .set(patch)
    .where(and(eq(caseNeeds.id, needId), eq(caseNeeds.organisationId, organisationId)))
    .returning();
  return row!;
}

function selectPlanItems(db: Db) {
  return db
    .select({
      id: casePlanItems.id,
      organisationId: casePlanItems.organisationId,
      caseId: casePlanItems.caseId,
      domain: casePlanItems.domain,
      actionEnc: casePlanItems.actionEnc,
      ownerId: casePlanItems.ownerId,
      ownerName: users.displayName,
      dueOn: casePlanItems.dueOn,
      status: casePlanItems.status,
      createdAt: casePlanItems.createdAt,
      updatedAt: casePlanItems.updatedAt,
    })
    .from(casePlanItems)
    .leftJoin(users, eq(users.id, casePlanItems.ownerId));
}

/** The plan of a case, by due date (undated last). */
export async function listPlanItems(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<PlanItemRow[]> {
  return selectPlanItems(db)
    .where(and(eq(casePlanItems.organisationId, organisationId), eq(casePlanItems.caseId, caseId)))
    .orderBy(sql`${casePlanItems.dueOn} asc nulls last`, asc(casePlanItems.id))
    .limit(1000);
}

/** One plan item of a case of the organisation; null when unknown. */
export async function findPlanItem(
  db: Db,
  organisationId: string,
  caseId: string,
  itemId: string,
): Promise<PlanItemRow | null> {
  if (!isUuid(itemId)) {
    return null;
  }
  const [row] = await selectPlanItems(db)
    .where(
      and(
        eq(casePlanItems.id, itemId),
        eq(casePlanItems.caseId, caseId),
        eq(casePlanItems.organisationId, organisationId),
      ),
    )
    .limit(1);
  return row ?? null;
}

export async function insertPlanItem(
  tx: Db,
  organisationId: string,
  row: PlanItemInsert,
): Promise<void> {
  await tx.insert(casePlanItems).values({ ...row, organisationId });
}

export async function updatePlanItemRow(
  tx: Db,
  organisationId: string,
  itemId: string,
  patch: PlanItemPatch & { updatedAt: Date },
): Promise<void> {
  await tx
    .update(casePlanItems)
    .set(patch)
    .where(and(eq(casePlanItems.id, itemId), eq(casePlanItems.organisationId, organisationId)));
}
