import type { Readable } from 'node:stream';
import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { generateKey } from '@/lib/crypto.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { AppError, findOrFail } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import {
  findAttachment,
  insertAttachment,
  listAttachmentRows,
  type AttachmentRow,
} from './case-attachments.repository.ts';
import {
  ATTACHMENT_TYPES,
  MAX_ATTACHMENT_BYTES,
  withoutBidiControls,
  type Attachment,
  type AttachmentList,
  type AttachmentType,
} from './case-attachments.schema.ts';
import { contentCheck, savedName } from './case-attachments.signature.ts';
import {
  commitFile,
  newStorageKey,
  openDecrypted,
  removeFile,
  storedPath,
  writeEncrypted,
  type WrittenFile,
} from './case-attachments.storage.ts';

const nameAad = (id: string) => FIELDS.attachmentFileName.aad(id);
const keyAad = (id: string) => FIELDS.attachmentFileKey.aad(id);

function toAttachment(ctx: Ctx, row: AttachmentRow): Attachment {
  const contentType = row.contentType;
  // Names stored before uploads were neutralised may still hold bidirectional controls.
  const stored = withoutBidiControls(ctx.cipher.decrypt(row.fileNameEnc, nameAad(row.id)));
  return {
    id: row.id,
    fileName: savedName(stored, contentType),
    contentType,
    sizeBytes: row.sizeBytes,
    uploadedBy: row.uploadedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An upload as the route hands it over. */
export interface AttachmentUpload {
  caseId: string;
  /** Folder of the encrypted files. */
  dir: string;
  fileName: string;
  /** The request's Content-Type header. */
  contentType: string | undefined;
  /** The raw request body (a stream for the accepted types). */
  body: unknown;
}

function acceptedType(contentType: string | undefined): AttachmentType {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  const found = ATTACHMENT_TYPES.find((t) => t === type);
  if (!found) {
    throw new AppError('attachment_type_not_allowed', `Accepted: ${ATTACHMENT_TYPES.join(', ')}`);
  }
  return found;
}

function isReadable(body: unknown): body is Readable {
  return typeof (body as Readable | null)?.pipe === 'function';
}

interface Pending {
  id: string;
  caseId: string;
  dir: string;
  fileName: string;
  contentType: AttachmentType;
  key: Buffer;
  storageKey: string;
  written: WrittenFile;
}

/** Records the metadata and moves the file into place, in one transaction with its audit. */
async function persist(ctx: Ctx, actor: OrgActor, p: Pending): Promise<AttachmentRow> {
  return ctx.db.transaction(async (tx) => {
    const created = await insertAttachment(tx, actor.organisationId, {
      id: p.id,
      caseId: p.caseId,
      fileNameEnc: ctx.cipher.encrypt(p.fileName, nameAad(p.id)),
      contentType: p.contentType,
      sizeBytes: p.written.sizeBytes,
      sha256: p.written.sha256,
      storageKey: p.storageKey,
      fileKeyEnc: ctx.cipher.encrypt(p.key.toString('base64'), keyAad(p.id)),
      uploadedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'case.attachment.upload',
      entityType: 'case',
      entityId: p.caseId,
      details: { attachmentId: p.id, contentType: p.contentType, sizeBytes: p.written.sizeBytes },
    });
    // Last step of the transaction: if the move fails, the row is rolled back too.
    await commitFile(p.dir, p.written.tempPath, p.storageKey);
    return created;
  });
}

/**
 * Stores a file on a case (`case.update`), encrypted under a fresh per-file key. The content
 * must match the declared type (see `contentCheck`). Throws `attachment_type_not_allowed`
 * (415) for a type not accepted or content that is not of the declared type,
 * `attachment_too_large` (413), `validation_failed` for an empty file. On any failure nothing
 * is left on disk or in the database.
 */
export async function uploadAttachment(ctx: Ctx, up: AttachmentUpload): Promise<Attachment> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: up.caseId }]);
  const contentType = acceptedType(up.contentType);
  if (!isReadable(up.body)) {
    throw new AppError('attachment_type_not_allowed');
  }
  const id = newId();
  const key = generateKey();
  const storageKey = newStorageKey();
  const written = await writeEncrypted(up.dir, up.body, {
    attachmentId: id,
    key,
    maxBytes: MAX_ATTACHMENT_BYTES,
    check: contentCheck(contentType),
  });
  try {
    if (written.sizeBytes === 0) {
      throw new AppError('validation_failed', 'The file is empty.');
    }
    const row = await persist(ctx, actor, { ...up, id, contentType, key, storageKey, written });
    return toAttachment(ctx, row);
  } catch (err) {
    await removeFile(written.tempPath);
    await removeFile(storedPath(up.dir, storageKey));
    throw err;
  } finally {
    key.fill(0);
  }
}

/** Attachments of a case (`case.read_sensitive`: viewers get `forbidden`). Audited. */
export async function listAttachments(ctx: Ctx, caseId: string): Promise<AttachmentList> {
  const actor = await requireAccess(ctx, 'case.read_sensitive', [{ type: 'case', id: caseId }]);
  const rows = await listAttachmentRows(ctx.db, actor.organisationId, caseId);
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.attachments.read',
    entityType: 'case',
    entityId: caseId,
    details: { count: rows.length },
  });
  return { items: rows.map((r) => toAttachment(ctx, r)) };
}

/** A decrypted attachment ready to send. */
export interface AttachmentDownload {
  attachment: Attachment;
  stream: Readable;
}

/**
 * Opens an attachment in clear (`case.read_sensitive`), after checking its integrity. Audited
 * as `case.attachment.download`. Throws `attachment_not_found` for one not on this case.
 */
export async function downloadAttachment(
  ctx: Ctx,
  dir: string,
  ids: { caseId: string; attachmentId: string },
): Promise<AttachmentDownload> {
  const actor = await requireAccess(ctx, 'case.read_sensitive', [{ type: 'case', id: ids.caseId }]);
  const row = await findOrFail(
    findAttachment(ctx.db, actor.organisationId, ids.caseId, ids.attachmentId),
    'attachment_not_found',
  );
  const key = Buffer.from(ctx.cipher.decrypt(row.fileKeyEnc, keyAad(row.id)), 'base64');
  const stream = await openDecrypted(dir, {
    storageKey: row.storageKey,
    key,
    attachmentId: row.id,
    sha256: row.sha256,
  });
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.attachment.download',
    entityType: 'case',
    entityId: ids.caseId,
    details: { attachmentId: row.id },
  });
  return { attachment: toAttachment(ctx, row), stream };
}
