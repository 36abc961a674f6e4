import {
  and,
  asc,
  eq,
  exists,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  or,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import {
  caseAssignments,
  cases,
  nrmDecisions,
  nrmReferralSteps,
  nrmReferrals,
} from '@/db/schema/index.ts';

export type ReferralRow = typeof nrmReferrals.$inferSelect;
export type ReferralStepRow = typeof nrmReferralSteps.$inferSelect;
export type DecisionRow = typeof nrmDecisions.$inferSelect;
type NoOrg<T> = Omit<T, 'organisationId'>;

/** Inserts a referral of a case of `organisationId` with its steps. */
export async function insertReferral(
  tx: Db,
  organisationId: string,
  row: NoOrg<typeof nrmReferrals.$inferInsert>,
  steps: NoOrg<typeof nrmReferralSteps.$inferInsert>[],
): Promise<void> {
  await tx.insert(nrmReferrals).values({ ...row, organisationId });
  if (steps.length > 0) {
    await tx.insert(nrmReferralSteps).values(steps.map((s) => ({ ...s, organisationId })));
  }
}

/** The referrals of a case, oldest first. */
export function listReferralRows(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<ReferralRow[]> {
  return db
    .select()
    .from(nrmReferrals)
    .where(and(eq(nrmReferrals.organisationId, organisationId), eq(nrmReferrals.caseId, caseId)))
    .orderBy(asc(nrmReferrals.referredAt), asc(nrmReferrals.id));
}

/**
 * One referral of a case; null when it is not this case's (or organisation's). With `lock`, the
 * row stays locked until the transaction ends (two decisions recorded at once queue up).
 */
export async function findReferral(
  db: Db,
  organisationId: string,
  { caseId, id, lock = false }: { caseId: string; id: string; lock?: boolean },
): Promise<ReferralRow | null> {
  const query = db
    .select()
    .from(nrmReferrals)
    .where(
      and(
        eq(nrmReferrals.organisationId, organisationId),
        eq(nrmReferrals.caseId, caseId),
        eq(nrmReferrals.id, id),
      ),
    );
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The steps of the given referrals, in the jurisdiction's order. */
export function listStepRows(
  db: Db,
  organisationId: string,
  referralIds: string[],
): Promise<ReferralStepRow[]> {
  if (referralIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .select()
    .from(nrmReferralSteps)
    .where(
      and(
        eq(nrmReferralSteps.organisationId, organisationId),
        inArray(nrmReferralSteps.referralId, referralIds),
      ),
    )
    .orderBy(asc(nrmReferralSteps.position));
}

/** The decisions of the given referrals, by date. */
export function listDecisionRows(
  db: Db,
  organisationId: string,
  referralIds: string[],
): Promise<DecisionRow[]> {
  if (referralIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .select()
    .from(nrmDecisions)
    .where(
      and(
        eq(nrmDecisions.organisationId, organisationId),
        inArray(nrmDecisions.referralId, referralIds),
      ),
    )
    .orderBy(asc(nrmDecisions.decidedOn), asc(nrmDecisions.recordedAt));
}

/** Inserts a decision; false when the referral already has one of this kind. */
export async function insertDecision(
  tx: Db,
  organisationId: string,
  row: NoOrg<typeof nrmDecisions.$inferInsert>,
): Promise<boolean> {
  const inserted = await tx
    .insert(nrmDecisions)
    .values({ ...row, organisationId })
    .onConflictDoNothing()
    .returning({ id: nrmDecisions.id });
  return inserted.length > 0;
}

/** Sets when a step's clock started and when it is due, or when it was closed. */
export async function updateStepRow(
  tx: Db,
  organisationId: string,
  id: string,
  patch: Partial<Pick<ReferralStepRow, 'startedAt' | 'dueAt' | 'dueOn' | 'closedAt'>>,
): Promise<void> {
  await tx
    .update(nrmReferralSteps)
    .set(patch)
    .where(and(eq(nrmReferralSteps.organisationId, organisationId), eq(nrmReferralSteps.id, id)));
}

/** Marks a referral open or closed. */
export async function setReferralStatus(
  tx: Db,
  organisationId: string,
  id: string,
  { status, at }: { status: ReferralRow['status']; at: Date },
): Promise<void> {
  await tx
    .update(nrmReferrals)
    .set({ status, updatedAt: at })
    .where(and(eq(nrmReferrals.organisationId, organisationId), eq(nrmReferrals.id, id)));
}

/** What the due list asks: the window, and whose cases (null: the whole organisation). */
export interface DueFilter {
  now: Date;
  /** End of the upcoming window (exclusive). */
  horizon: Date;
  overdue: boolean;
  upcoming: boolean;
  /** Only cases assigned to this user; null for every case of the organisation. */
  visibleTo: string | null;
  limit: number;
}

export interface DueRow {
  caseId: string;
  caseNumber: string;
  referralId: string;
  jurisdiction: string;
  step: string;
  kind: ReferralStepRow['kind'];
  status: ReferralStepRow['status'];
  dueAt: Date;
  dueOn: string;
}

function dueWindow(f: DueFilter): SQL | undefined {
  const overdue = and(eq(nrmReferralSteps.kind, 'deadline'), lt(nrmReferralSteps.dueAt, f.now));
  const upcoming = and(gte(nrmReferralSteps.dueAt, f.now), lt(nrmReferralSteps.dueAt, f.horizon));
  return or(f.overdue ? overdue : undefined, f.upcoming ? upcoming : undefined);
}

/** Only the cases assigned to `userId`. */
function assignedTo(db: Db, userId: string): SQL {
  return exists(
    db
      .select({ one: caseAssignments.caseId })
      .from(caseAssignments)
      .where(and(eq(caseAssignments.caseId, cases.id), eq(caseAssignments.userId, userId))),
  );
}

/** Open steps of open referrals due in the window, soonest first (overdue ones first of all). */
export async function listDueRows(db: Db, organisationId: string, f: DueFilter): Promise<DueRow[]> {
  const rows = await db
    .select({
      caseId: nrmReferrals.caseId,
      caseNumber: cases.caseNumber,
      referralId: nrmReferrals.id,
      jurisdiction: nrmReferrals.jurisdiction,
      step: nrmReferralSteps.step,
      kind: nrmReferralSteps.kind,
      status: nrmReferralSteps.status,
      dueAt: nrmReferralSteps.dueAt,
      dueOn: nrmReferralSteps.dueOn,
    })
    .from(nrmReferralSteps)
    .innerJoin(nrmReferrals, eq(nrmReferrals.id, nrmReferralSteps.referralId))
    .innerJoin(cases, eq(cases.id, nrmReferrals.caseId))
    .where(
      and(
        eq(nrmReferralSteps.organisationId, organisationId),
        eq(cases.organisationId, organisationId),
        eq(nrmReferrals.status, 'open'),
        isNull(nrmReferralSteps.closedAt),
        isNotNull(nrmReferralSteps.dueAt),
        dueWindow(f),
        f.visibleTo ? assignedTo(db, f.visibleTo) : undefined,
      ),
    )
    .orderBy(asc(nrmReferralSteps.dueAt), asc(nrmReferralSteps.id))
    .limit(f.limit);
  return rows.map((r) => ({ ...r, dueAt: r.dueAt!, dueOn: r.dueOn! }));
}
