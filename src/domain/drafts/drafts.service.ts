import { recordAudit, recordAuditNow, type AuditEntry } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireDraftAccess, type DraftActor } from '@/policy/draft-access.ts';
import { openDraft, sealDraft, toDraft } from './draft-mapper.ts';
import {
  deleteDraftRow,
  deleteExpiredDrafts,
  findDraft,
  insertDraft,
  lockDraft,
  updateDraft,
  type DraftOwnerKey,
  type DraftRow,
} from './drafts.repository.ts';
import {
  DRAFT_MAX_BYTES,
  DRAFT_TTL_DAYS,
  parseFormKey,
  type Draft,
  type DraftPut,
  type DraftTarget,
} from './drafts.schema.ts';

const TTL_MS = DRAFT_TTL_DAYS * 24 * 60 * 60_000;

interface Access {
  actor: DraftActor;
  target: DraftTarget;
  key: DraftOwnerKey;
}

async function access(ctx: Ctx, formKey: string): Promise<Access> {
  const target = parseFormKey(formKey);
  const actor = await requireDraftAccess(ctx, target);
  return {
    actor,
    target,
    key: { organisationId: actor.organisationId, userId: actor.userId, formKey },
  };
}

/**
 * A case's draft is audited on the case (like the case data it holds); a registration draft on
 * itself. Never the content: the form, the draft id and the version.
 */
function auditEntry(a: Access, action: string, row: Pick<DraftRow, 'id' | 'version'>): AuditEntry {
  const details = { form: a.target.form, draftId: row.id, version: row.version };
  return a.target.caseId
    ? {
        organisationId: a.actor.organisationId,
        action,
        entityType: 'case',
        entityId: a.target.caseId,
        details,
      }
    : {
        organisationId: a.actor.organisationId,
        action,
        entityType: 'draft',
        entityId: row.id,
        details,
      };
}

/**
 * Deletes every draft that has expired, in every organisation (`expires_at`, indexed). Runs at
 * the start of every drafts request, so an expired draft is gone as soon as anyone uses drafts;
 * `homeward` operators may also call it. Returns how many were deleted.
 */
export async function purgeExpiredDrafts(db: Db, now: Date): Promise<number> {
  return deleteExpiredDrafts(db, now);
}

/**
 * The caller's own draft of a form (only its owner ever reads it). Throws `draft_not_found`
 * when there is none (or it expired, or does not open for this owner), `case_not_found` when the
 * caller may no longer open the case. Audited as `draft.read`.
 */
export async function getDraft(ctx: Ctx, formKey: string): Promise<Draft> {
  const a = await access(ctx, formKey);
  await purgeExpiredDrafts(ctx.db, ctx.now());
  const row = await findDraft(ctx.db, a.key, ctx.now());
  const data = row ? openDraft(ctx.cipher, row) : null;
  if (!row || data === null) {
    if (row) {
      ctx.log.warn({ draftId: row.id }, 'a draft did not open for its owner and was ignored');
    }
    throw new AppError('draft_not_found');
  }
  await recordAuditNow(ctx.db, ctx, auditEntry(a, 'draft.read', row));
  return toDraft(row, data);
}

function assertDraftSize(input: DraftPut): void {
  if (Buffer.byteLength(JSON.stringify(input.data), 'utf8') > DRAFT_MAX_BYTES) {
    throw new AppError('payload_too_large', `A draft holds at most ${DRAFT_MAX_BYTES / 1024} KB.`);
  }
}

/**
 * Saves the caller's draft of a form (encrypted), creating it or replacing it, and keeps it
 * for DRAFT_TTL_DAYS from now. `input.version` must be the stored version (absent or 0 when
 * there is none), else `version_conflict`: another tab or window changed it. Throws
 * `payload_too_large` over DRAFT_MAX_BYTES. Audited as `draft.save`.
 */
export async function saveDraft(ctx: Ctx, formKey: string, input: DraftPut): Promise<Draft> {
  const a = await access(ctx, formKey);
  assertDraftSize(input);
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + TTL_MS);
  await purgeExpiredDrafts(ctx.db, now);
  const row = await ctx.db.transaction(async (tx) => {
    const existing = await lockDraft(tx, a.key);
    const id = newId();
    const saved = existing
      ? await replaceDraft(tx, ctx, a, { existing, input })
      : await insertDraft(tx, {
          id,
          ...a.key,
          caseId: a.target.caseId,
          bodyEnc: sealDraft(ctx.cipher, { ...a.key, id }, input.data),
          createdAt: now,
          updatedAt: now,
          expiresAt,
        });
    if (!saved) {
      throw new AppError(
        'version_conflict',
        'This draft was just saved from another tab or window.',
      );
    }
    await recordAudit(tx, ctx, auditEntry(a, 'draft.save', saved));
    return saved;
  });
  return toDraft(row, input.data);
}

async function replaceDraft(
  tx: Db,
  ctx: Ctx,
  a: Access,
  { existing, input }: { existing: DraftRow; input: DraftPut },
): Promise<DraftRow> {
  if ((input.version ?? 0) !== existing.version) {
    throw new AppError(
      'version_conflict',
      `This draft was changed in another tab or window (version ${existing.version}).`,
    );
  }
  const now = ctx.now();
  return updateDraft(
    tx,
    { ...a.key, id: existing.id },
    {
      bodyEnc: sealDraft(ctx.cipher, { ...a.key, id: existing.id }, input.data),
      version: existing.version + 1,
      updatedAt: now,
      expiresAt: new Date(now.getTime() + TTL_MS),
    },
  );
}

/**
 * Deletes the caller's draft of a form (after the form was saved, or discarded). Deleting a
 * draft that does not exist succeeds (the page may not have saved one yet). Audited as
 * `draft.delete` when there was one.
 */
export async function deleteDraft(ctx: Ctx, formKey: string): Promise<void> {
  const a = await access(ctx, formKey);
  await purgeExpiredDrafts(ctx.db, ctx.now());
  await ctx.db.transaction(async (tx) => {
    const row = await deleteDraftRow(tx, a.key);
    if (row) {
      await recordAudit(tx, ctx, auditEntry(a, 'draft.delete', row));
    }
  });
}
