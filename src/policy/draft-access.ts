import type { DraftForm, DraftTarget } from '@/domain/drafts/drafts.schema.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import type { Permission } from './permissions.ts';
import { requireAccess, type OrgActor } from './require-access.ts';

/** The permission a form's own save needs: a draft needs the same, so nobody drafts what they cannot save. */
const FORM_PERMISSION: Record<DraftForm, Permission> = {
  register: 'case.create',
  note: 'case.update',
  needs: 'case.update',
  plan: 'case.update',
  task: 'case.update',
  edit: 'case.update',
  consent: 'consent.record',
};

/** An actor who keeps drafts: a person signed in to a browser session. */
export type DraftActor = OrgActor & { userId: string };

/**
 * May the actor keep a draft of `target`? `draft.use` is session-only (API tokens get
 * `session_required`); then the form's own permission, and for a case's form the case itself, re-checked on every
 * request: a caseworker unassigned from the case, or anyone of another organisation, gets
 * `case_not_found` — also for the draft they wrote themselves.
 */
export async function requireDraftAccess(ctx: Ctx, target: DraftTarget): Promise<DraftActor> {
  const actor = await requireAccess(ctx, 'draft.use');
  const resources = target.caseId ? [{ type: 'case' as const, id: target.caseId }] : [];
  await requireAccess(ctx, FORM_PERMISSION[target.form], resources);
  if (actor.userId === null) {
    throw new AppError('session_required');
  }
  return actor as DraftActor;
}
