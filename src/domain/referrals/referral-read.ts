import type { ShareDecision } from '@/domain/consent/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError, isAppError } from '@/lib/errors.ts';
import { isUuid } from '@/lib/ids.ts';
import type { Permission } from '@/policy/permissions.ts';
import { referralSide } from '@/policy/referral-access.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { openPacket } from './referral-packet.ts';
import type { PacketBody } from './referral-packet.schema.ts';
import type { Referral, ReferralSide } from './referral.schema.ts';
import {
  findPacket,
  findParties,
  findReferral,
  findServices,
  listReferralEvents,
  type ReferralRow,
} from './referral.repository.ts';
import { toReferral } from './referral-view.ts';

/** A referral found for the caller, with the caller's side of it. */
export interface Located {
  actor: OrgActor;
  row: ReferralRow;
  side: ReferralSide;
}

/**
 * The referral `id` as the caller may know it, after `permission`. Throws `referral_not_found`
 * for an unknown id, another organisation's referral, a draft seen from the recipient, and (on
 * the sender side) a referral of a case the caller may not see (caseworkers: assigned cases).
 */
export async function locateReferral(
  ctx: Ctx,
  id: string,
  permission: Permission,
): Promise<Located> {
  const actor = await requireAccess(ctx, permission);
  const row = isUuid(id) ? await findReferral(ctx.db, actor.organisationId, id) : null;
  const side = row ? referralSide(actor, row) : null;
  if (!row || !side) {
    throw new AppError('referral_not_found');
  }
  if (side === 'sender') {
    await requireSenderCase(ctx, permission, row.caseId);
  }
  return { actor, row, side };
}

/** The sender's case must be visible to the caller; else the referral is not found either. */
async function requireSenderCase(ctx: Ctx, permission: Permission, caseId: string) {
  try {
    await requireAccess(ctx, permission, [{ type: 'case', id: caseId }]);
  } catch (err) {
    throw isAppError(err, 'case_not_found') ? new AppError('referral_not_found') : err;
  }
}

/** The packet's body for a reader (null once destroyed, or when there is none). */
export async function readPacket(ctx: Ctx, referralId: string): Promise<PacketBody | null> {
  const row = await findPacket(ctx.db, referralId);
  return row ? openPacket(ctx.cipher, row) : null;
}

/** What the view shows besides the row. */
export interface ViewOptions {
  packet?: PacketBody | null;
  consentCheck?: ShareDecision | null;
}

/** The referral as `side` sees it, read fresh (history, parties, services). */
export async function referralView(
  ctx: Ctx,
  located: { row: ReferralRow; side: ReferralSide },
  opts: ViewOptions = {},
): Promise<Referral> {
  const { row, side } = located;
  const [parties, services, events] = await Promise.all([
    findParties(ctx.db, [row.fromOrganisationId, row.toOrganisationId]),
    findServices(ctx.db, row.serviceIds),
    listReferralEvents(ctx.db, row.id),
  ]);
  return toReferral(ctx.cipher, row, {
    side,
    parties,
    services,
    events,
    packet: opts.packet ?? null,
    consentCheck: opts.consentCheck ?? null,
    now: ctx.now(),
  });
}

/** Re-reads the referral after a change and returns it as `side` sees it (without the packet). */
export async function reloadView(ctx: Ctx, located: Located): Promise<Referral> {
  const row = await findReferral(ctx.db, located.actor.organisationId, located.row.id);
  if (!row) {
    throw new AppError('referral_not_found');
  }
  return referralView(ctx, { row, side: located.side });
}
