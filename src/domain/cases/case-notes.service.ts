import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { newId } from '@/lib/ids.ts';
import { canReadAllCases, requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { canReadSensitive } from '@/policy/sensitive-fields.ts';
import { insertNote, isAssigned, listNoteRows, userName } from './case-notes.repository.ts';
import type { Note, NoteCreate, NoteList, NoteVisibility } from './case-notes.schema.ts';

const bodyAad = (noteId: string) => FIELDS.noteBody.aad(noteId);

/**
 * Which notes the actor may read on a case they can see. Everyone here holds
 * `case.read_sensitive`; `team` notes also need an assignment to the case or `case.read_all`.
 */
async function visibleKinds(ctx: Ctx, actor: OrgActor, caseId: string): Promise<NoteVisibility[]> {
  const oversight = canReadAllCases(actor) && canReadSensitive(actor);
  const assigned =
    actor.userId !== null && (await isAssigned(ctx.db, actor.organisationId, caseId, actor.userId));
  return oversight || assigned ? ['team', 'organisation'] : ['organisation'];
}

/**
 * The notes of a case the caller may read, newest first (`case.read_sensitive`: viewers get
 * `forbidden`). Audited with the number of notes returned.
 */
export async function listNotes(ctx: Ctx, caseId: string): Promise<NoteList> {
  const actor = await requireAccess(ctx, 'case.read_sensitive', [{ type: 'case', id: caseId }]);
  const kinds = await visibleKinds(ctx, actor, caseId);
  const rows = await listNoteRows(ctx.db, actor.organisationId, caseId, kinds);
  const items = rows.map((r): Note => ({
    id: r.id,
    body: ctx.cipher.decrypt(r.bodyEnc, bodyAad(r.id)),
    visibility: r.visibility,
    authorId: r.authorId,
    authorName: r.authorName,
    createdAt: r.createdAt.toISOString(),
  }));
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.notes.read',
    entityType: 'case',
    entityId: caseId,
    details: { count: items.length, team: kinds.includes('team') },
  });
  return { items };
}

/**
 * Adds a note to a case (`case.update`, and `case.read_sensitive` to be able to read it back).
 * The body is encrypted; the audit entry records the visibility, never the body.
 */
export async function createNote(ctx: Ctx, caseId: string, input: NoteCreate): Promise<Note> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  await requireAccess(ctx, 'case.read_sensitive');
  const id = newId();
  const createdAt = await ctx.db.transaction(async (tx) => {
    const at = await insertNote(tx, actor.organisationId, {
      id,
      caseId,
      visibility: input.visibility,
      bodyEnc: ctx.cipher.encrypt(input.body, bodyAad(id)),
      authorId: actor.userId,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'case.note.create',
      entityType: 'case',
      entityId: caseId,
      details: { noteId: id, visibility: input.visibility },
    });
    return at;
  });
  return {
    id,
    body: input.body,
    visibility: input.visibility,
    authorId: actor.userId,
    authorName: actor.userId ? await userName(ctx.db, actor.userId) : null,
    createdAt: createdAt.toISOString(),
  };
}
