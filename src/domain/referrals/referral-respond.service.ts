import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { requireSideFor } from '@/policy/referral-access.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { caseFromPacket } from './referral-accept.ts';
import { locateReferral, readPacket, reloadView, type Located } from './referral-read.ts';
import type {
  CompleteInput,
  DeclineInput,
  Referral,
  ReferralAction,
  RevokeInput,
} from './referral.schema.ts';
import { applyTransition, type TransitionRequest } from './referral-transition.ts';

/**
 * The steps after sending: the recipient accepts, declines, starts and completes; the sender
 * revokes. Each is idempotent when repeated, `referral_state_invalid` (409) from any other state,
 * `forbidden` for the other side, `referral_not_found` for anyone else.
 */

type StepOptions = Pick<TransitionRequest, 'note' | 'set' | 'prepare'>;

async function step(
  ctx: Ctx,
  id: string,
  action: ReferralAction,
  opts: StepOptions & { before?: (located: Located) => Promise<void> } = {},
): Promise<Referral> {
  const permission = action === 'revoke' ? 'referral.send' : 'referral.respond';
  const located = await locateReferral(ctx, id, permission);
  requireSideFor(action, located.side);
  await opts.before?.(located);
  await ctx.db.transaction((tx) =>
    applyTransition(tx, ctx, {
      referralId: located.row.id,
      action,
      side: located.side,
      organisationId: located.actor.organisationId,
      note: opts.note,
      ...(opts.set && { set: opts.set }),
      ...(opts.prepare && { prepare: opts.prepare }),
    }),
  );
  return reloadView(ctx, located);
}

/**
 * Accepts a sent referral (`referral.respond`, recipient side). With `linkCaseId` it links a
 * case of the recipient organisation the caller may update (`case_not_found` otherwise, after
 * the duplicate check GET /api/cases/duplicates); without, it registers a new case from the
 * packet through the cases module (assigned to the caller, audited `case.create`), in the same
 * transaction as the step. Sets the link back (`recipientCaseId`).
 */
export async function acceptReferral(
  ctx: Ctx,
  id: string,
  input: { linkCaseId?: string | undefined } = {},
): Promise<Referral> {
  const { linkCaseId } = input;
  return step(ctx, id, 'accept', {
    before: async () => {
      if (linkCaseId !== undefined) {
        await requireAccess(ctx, 'case.update', [{ type: 'case', id: linkCaseId }]);
      } else {
        await requireAccess(ctx, 'case.create');
      }
    },
    prepare: async (tx: Db, locked) => {
      if (linkCaseId !== undefined) {
        return { recipientCaseId: linkCaseId };
      }
      const packet = await readPacket({ ...ctx, db: tx }, locked.id);
      const created = await caseFromPacket({ ...ctx, db: tx }, locked, packet);
      return { recipientCaseId: created };
    },
  });
}

/** Declines a sent referral with a reason; the packet's key is destroyed. */
export function declineReferral(ctx: Ctx, id: string, input: DeclineInput): Promise<Referral> {
  return step(ctx, id, 'decline', { note: input.reason });
}

/** Records that the service to the person started (an accepted referral). */
export function startReferral(ctx: Ctx, id: string): Promise<Referral> {
  return step(ctx, id, 'start');
}

/** Completes an accepted or started referral: the person was received, or not reached (why). */
export function completeReferral(ctx: Ctx, id: string, input: CompleteInput): Promise<Referral> {
  return step(ctx, id, 'complete', { note: input.reason, set: { outcome: input.outcome } });
}

/**
 * Revokes a referral before completion (`referral.send`, sender side, a case the caller sees);
 * the packet's key is destroyed, so the recipient can no longer read it.
 */
export function revokeReferral(ctx: Ctx, id: string, input: RevokeInput = {}): Promise<Referral> {
  return step(ctx, id, 'revoke', { note: input.reason });
}
