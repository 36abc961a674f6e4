/**
 * The referral state machine (Zod-free, shared by the server and the web). A referral goes
 * `draft` → `sent` → `accepted` | `declined` → `in_progress` → `completed`; the sender may
 * `revoke` it at any time before completion. Each transition is taken by one side: the sender
 * (the organisation that referred) or the recipient (the organisation referred to).
 */

export const REFERRAL_STATUSES = [
  'draft',
  'sent',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'revoked',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_ACTIONS = [
  'send',
  'accept',
  'decline',
  'revoke',
  'start',
  'complete',
] as const;
export type ReferralAction = (typeof REFERRAL_ACTIONS)[number];

export type ReferralSide = 'sender' | 'recipient';

/** How urgent a referral is; it sets the response deadline. */
export const URGENCIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** How long the recipient has to accept or decline a sent referral, by urgency (hours). */
export const RESPONSE_HOURS: Record<Urgency, number> = {
  urgent: 4,
  high: 24,
  normal: 72,
  low: 168,
};

/** How a completed referral ended: the person was received, or could not be reached. */
export const REFERRAL_OUTCOMES = ['received', 'not_reached'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

/** One transition: which side takes it, from which states, to which state. */
export interface Transition {
  side: ReferralSide;
  from: readonly ReferralStatus[];
  to: ReferralStatus;
}

export const TRANSITIONS: Record<ReferralAction, Transition> = {
  send: { side: 'sender', from: ['draft'], to: 'sent' },
  accept: { side: 'recipient', from: ['sent'], to: 'accepted' },
  decline: { side: 'recipient', from: ['sent'], to: 'declined' },
  start: { side: 'recipient', from: ['accepted'], to: 'in_progress' },
  complete: { side: 'recipient', from: ['accepted', 'in_progress'], to: 'completed' },
  revoke: { side: 'sender', from: ['draft', 'sent', 'accepted', 'in_progress'], to: 'revoked' },
};

/** States in which the recipient may read the packet. */
export const PACKET_READABLE: readonly ReferralStatus[] = [
  'sent',
  'accepted',
  'in_progress',
  'completed',
];

/** States that still await something (a response, the service): "open" referrals. */
export const OPEN_STATUSES: readonly ReferralStatus[] = [
  'draft',
  'sent',
  'accepted',
  'in_progress',
];

/**
 * Whether `side` may take `action` on a referral in `status`. A repeated transition (the
 * referral is already in the target state) is answered by the service as a no-op, so that a
 * retried request, or a remote actor's message delivered twice, changes nothing.
 */
export function mayTransition(action: ReferralAction, side: ReferralSide, status: ReferralStatus) {
  const t = TRANSITIONS[action];
  return t.side === side && t.from.includes(status);
}
