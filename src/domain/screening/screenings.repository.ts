import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { cases, screeningAnswers, screenings } from '@/db/schema/index.ts';
import { isUuid } from '@/lib/ids.ts';

export type ScreeningRow = typeof screenings.$inferSelect;
export type ScreeningInsert = Omit<
  typeof screenings.$inferInsert,
  'organisationId' | 'version' | 'approvedBy' | 'approvedAt'
>;
export type ScreeningPatch = Partial<
  Pick<
    typeof screenings.$inferInsert,
    'status' | 'result' | 'statementEnc' | 'approvedBy' | 'approvedAt'
  >
> & { updatedAt: Date };
export type AnswerRow = typeof screeningAnswers.$inferSelect;
export type AnswerInsert = Omit<typeof screeningAnswers.$inferInsert, 'organisationId'>;

/** What decides the child rules, as the case records it now; null for an unknown case. */
export async function findCaseAge(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<Pick<
  typeof cases.$inferSelect,
  'birthDate' | 'birthYear' | 'estimatedAge' | 'possibleMinor' | 'recruitmentDate' | 'createdAt'
> | null> {
  const [row] = await db
    .select({
      birthDate: cases.birthDate,
      birthYear: cases.birthYear,
      estimatedAge: cases.estimatedAge,
      createdAt: cases.createdAt,
      possibleMinor: cases.possibleMinor,
      recruitmentDate: cases.recruitmentDate,
    })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)))
    .limit(1);
  return row ?? null;
}

export async function insertScreening(
  tx: Db,
  organisationId: string,
  row: ScreeningInsert,
): Promise<void> {
  await tx.insert(screenings).values({ ...row, organisationId });
}

/** Inserts the answers of one screening (none: nothing). */
export async function insertAnswers(
  tx: Db,
  organisationId: string,
  rows: readonly AnswerInsert[],
): Promise<void> {
  if (rows.length > 0) {
    await tx.insert(screeningAnswers).values(rows.map((r) => ({ ...r, organisationId })));
  }
}

/** Removes every answer of a screening (before writing the replacement set). */
export async function deleteAnswers(
  tx: Db,
  organisationId: string,
  screeningId: string,
): Promise<void> {
  await tx
    .delete(screeningAnswers)
    .where(
      and(
        eq(screeningAnswers.screeningId, screeningId),
        eq(screeningAnswers.organisationId, organisationId),
      ),
    );
}

const ofCase = (organisationId: string, caseId: string, screeningId: string) =>
  and(
    eq(screenings.id, screeningId),
    eq(screenings.caseId, caseId),
    eq(screenings.organisationId, organisationId),
  );

/** The screening `screeningId` of a case of the organisation; null when there is none. */
export async function findScreening(
  db: Db,
  organisationId: string,
  caseId: string,
  screeningId: string,
): Promise<ScreeningRow | null> {
  return selectScreening(db, { organisationId, caseId, screeningId }, false);
}

/** Like `findScreening`, the row locked until the end of `tx` (edits and approval). */
export async function lockScreening(
  tx: Db,
  organisationId: string,
  caseId: string,
  screeningId: string,
): Promise<ScreeningRow | null> {
  return selectScreening(tx, { organisationId, caseId, screeningId }, true);
}

async function selectScreening(
  db: Db,
  key: { organisationId: string; caseId: string; screeningId: string },
  lock: boolean,
): Promise<ScreeningRow | null> {
  if (!isUuid(key.screeningId)) {
    return null;
  }
  const query = db
    .select()
    .from(screenings)
    .where(ofCase(key.organisationId, key.caseId, key.screeningId))
    .limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The screenings of a case, newest first. */
export async function listScreenings(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<ScreeningRow[]> {
  return db
    .select()
    .from(screenings)
    .where(and(eq(screenings.organisationId, organisationId), eq(screenings.caseId, caseId)))
    .orderBy(desc(screenings.createdAt), desc(screenings.id))
    .limit(1000);
}

/** The answers of a screening, in the order they were given. */
export async function listAnswers(
  db: Db,
  organisationId: string,
  screeningId: string,
): Promise<AnswerRow[]> {
  return db
    .select()
    .from(screeningAnswers)
    .where(
      and(
        eq(screeningAnswers.organisationId, organisationId),
        eq(screeningAnswers.screeningId, screeningId),
      ),
    )
    .orderBy(asc(screeningAnswers.id));
}

/** Writes `patch` and bumps the version; the updated row. */
export async function updateScreeningRow(
  tx: Db,
  organisationId: string,
  screeningId: string,
  patch: ScreeningPatch & { version: number },
): Promise<ScreeningRow> {
  const [row] = await tx
    .update(screenings)
    .set(patch)
    .where(and(eq(screenings.id, screeningId), eq(screenings.organisationId, organisationId)))
    .returning();
  return row!;
}
