import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { caseConsents } from '@/db/schema/index.ts';

export type ConsentRow = typeof caseConsents.$inferSelect;
export type ConsentInsert = Omit<typeof caseConsents.$inferInsert, 'recordedAt'>;

/** Inserts one consent version. Versions are never updated or deleted. */
export async function insertConsentVersion(tx: Db, row: ConsentInsert): Promise<ConsentRow> {
  const [created] = await tx.insert(caseConsents).values(row).returning();
  return created!;
}

/** Every version of every consent of a case, newest first. */
export async function listConsentRows(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<ConsentRow[]> {
  return db
    .select()
    .from(caseConsents)
    .where(and(eq(caseConsents.organisationId, organisationId), eq(caseConsents.caseId, caseId)))
    .orderBy(desc(caseConsents.recordedAt), desc(caseConsents.version));
}
