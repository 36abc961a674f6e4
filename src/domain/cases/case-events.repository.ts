import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { caseEvents, cases } from '@/db/schema/index.ts';

export type CaseEventRow = typeof caseEvents.$inferSelect;
export type CaseEventInsert = Omit<
  typeof caseEvents.$inferInsert,
  'organisationId' | 'createdAt' | 'legacyOutcome'
>;

/** Inserts one journey event of a case of `organisationId`. */
export async function insertCaseEvent(
  tx: Db,
  organisationId: string,
  row: CaseEventInsert,
): Promise<CaseEventRow> {
  const [created] = await tx
    .insert(caseEvents)
    .values({ ...row, organisationId })
    .returning();
  return created!;
}

/** The events of a case in journey order: date, then entry time (then id, as a tiebreak). */
export async function listCaseEventRows(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<CaseEventRow[]> {
  return db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.organisationId, organisationId), eq(caseEvents.caseId, caseId)))
    .orderBy(asc(caseEvents.occurredOn), asc(caseEvents.createdAt), asc(caseEvents.id));
}

/**
 * Marks a case as recently active (`updated_at`), so lists sorted by activity show it first.
 * Leaves `version` alone: a new event must not make open edit forms stale.
 */
export async function touchCase(tx: Db, organisationId: string, caseId: string): Promise<void> {
  await tx
    .update(cases)
    .set({ updatedAt: sql`now()` })
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)));
}
