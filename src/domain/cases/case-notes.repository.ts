import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { caseAssignments, caseNotes, users } from '@/db/schema/index.ts';
import type { NoteVisibility } from './case-notes.schema.ts';

/** A note row (body still encrypted) with its author's name. */
export interface NoteRow {
  id: string;
  bodyEnc: string;
  visibility: NoteVisibility;
  authorId: string | null;
  authorName: string | null;
  createdAt: Date;
}

export type NoteInsert = Pick<
  typeof caseNotes.$inferInsert,
  'id' | 'caseId' | 'visibility' | 'bodyEnc' | 'authorId'
>;

/** True when `userId` is assigned to the case. */
export async function isAssigned(
  db: Db,
  organisationId: string,
  caseId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db
    .select({ one: caseAssignments.caseId })
    .from(caseAssignments)
    .where(
      and(
        eq(caseAssignments.organisationId, organisationId),
        eq(caseAssignments.caseId, caseId),
        eq(caseAssignments.userId, userId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** Notes of a case with one of `visibilities`, newest first. */
export async function listNoteRows(
  db: Db,
  organisationId: string,
  caseId: string,
  visibilities: NoteVisibility[],
): Promise<NoteRow[]> {
  return db
    .select({
      id: caseNotes.id,
      bodyEnc: caseNotes.bodyEnc,
      visibility: caseNotes.visibility,
      authorId: caseNotes.authorId,
      authorName: users.displayName,
      createdAt: caseNotes.createdAt,
    })
    .from(caseNotes)
    .leftJoin(users, eq(users.id, caseNotes.authorId))
    .where(
      and(
        eq(caseNotes.organisationId, organisationId),
        eq(caseNotes.caseId, caseId),
        inArray(caseNotes.visibility, visibilities),
      ),
    )
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id))
    .limit(1000);
}

/** Inserts a note (body already encrypted); returns its creation time. */
export async function insertNote(tx: Db, organisationId: string, row: NoteInsert): Promise<Date> {
  const [created] = await tx
    .insert(caseNotes)
    .values({ ...row, organisationId })
    .returning({ createdAt: caseNotes.createdAt });
  return created!.createdAt;
}

/** Display name of a user, or null. */
export async function userName(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.name ?? null;
}
