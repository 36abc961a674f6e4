import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { caseAttachments } from '@/db/schema/index.ts';
import { isUuid } from '@/lib/ids.ts';

export type AttachmentRow = typeof caseAttachments.$inferSelect;
export type AttachmentInsert = Omit<typeof caseAttachments.$inferInsert, 'organisationId'>;

/** The attachments of a case, newest first. */
export async function listAttachmentRows(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(caseAttachments)
    .where(
      and(eq(caseAttachments.organisationId, organisationId), eq(caseAttachments.caseId, caseId)),
    )
    .orderBy(desc(caseAttachments.createdAt), desc(caseAttachments.id))
    .limit(1000);
}

/** One attachment of a case of the organisation; null when unknown. */
export async function findAttachment(
  db: Db,
  organisationId: string,
  caseId: string,
  attachmentId: string,
): Promise<AttachmentRow | null> {
  if (!isUuid(attachmentId)) {
    return null;
  }
  const [row] = await db
    .select()
    .from(caseAttachments)
    .where(
      and(
        eq(caseAttachments.id, attachmentId),
        eq(caseAttachments.caseId, caseId),
        eq(caseAttachments.organisationId, organisationId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Inserts an attachment's metadata (file name and key already encrypted). */
export async function insertAttachment(
  tx: Db,
  organisationId: string,
  row: AttachmentInsert,
): Promise<AttachmentRow> {
  const [created] = await tx
    .insert(caseAttachments)
    .values({ ...row, organisationId })
    .returning();
  return created!;
}
