import {
  PACKET_READABLE,
  TRANSITIONS,
  type ReferralAction,
  type ReferralSide,
  type ReferralStatus,
} from '@/domain/referrals/referral-states.ts';
import type { Actor } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { canReadAllCases } from './require-access.ts';
import { canReadSensitive } from './sensitive-fields.ts';

/**
 * Referral decisions finer than a permission (`referral.read`, `referral.send`,
 * `referral.respond` are still checked with `requireAccess`): which side the caller is on, who
 * takes which step, who reads the packet.
 */

/** The parts of a referral these decisions look at. */
export interface ReferralParties {
  fromOrganisationId: string;
  toOrganisationId: string;
  status: ReferralStatus;
}

/**
 * The caller's side of the referral, or null when its organisation is neither (or is the
 * recipient of a draft, which it must not learn of). Callers answer null with
 * `referral_not_found`, exactly like an unknown id.
 */
export function referralSide(
  actor: Pick<Actor, 'organisationId'>,
  r: ReferralParties,
): ReferralSide | null {
  if (actor.organisationId === null) {
    return null;
  }
  if (r.fromOrganisationId === actor.organisationId) {
    return 'sender';
  }
  if (r.toOrganisationId === actor.organisationId && r.status !== 'draft') {
    return 'recipient';
  }
  return null;
}

/**
 * Throws `forbidden` when `side` does not take `action` (the sender never accepts its own
 * referral; the recipient never sends or revokes it). Both sides know the referral exists, so
 * this is a 403, not a 404.
 */
export function requireSideFor(action: ReferralAction, side: ReferralSide): void {
  if (TRANSITIONS[action].side !== side) {
    throw new AppError(
      'forbidden',
      side === 'sender'
        ? 'Only the organisation the person was referred to can do this.'
        : 'Only the organisation that referred the person can do this.',
    );
  }
}

/**
 * Whether the caller reads the packet's data now: the recipient while the referral is in a
 * readable state, the sender once sent (its own data, frozen); both only with
 * `case.read_sensitive` (a read-only API token gets no packet).
 */
export function mayReadPacket(
  actor: Pick<Actor, 'permissions'>,
  side: ReferralSide,
  status: ReferralStatus,
): boolean {
  if (!canReadSensitive(actor)) {
    return false;
  }
  return side === 'recipient' ? PACKET_READABLE.includes(status) : status !== 'draft';
}

/**
 * Sending freezes the whole requested data of the case, so the sender must be able to read it
 * all (`case.read_sensitive`); otherwise the packet would silently miss the sensitive fields.
 * Throws `forbidden`.
 */
export function requireMayFreezePacket(actor: Pick<Actor, 'permissions'>): void {
  if (!canReadSensitive(actor)) {
    throw new AppError(
      'forbidden',
      'Sending a referral needs access to the case’s sensitive data.',
    );
  }
}

/**
 * The user a sender-side referral query is restricted to (caseworkers see the referrals of
 * their assigned cases only), or null for those who oversee every case.
 */
export function outboxAssignedFilter(actor: Pick<Actor, 'permissions' | 'userId'>): string | null {
  if (canReadAllCases(actor)) {
    return null;
  }
  return actor.userId ?? '00000000-0000-0000-0000-000000000000';
}
