import type { Db } from '@/db/client.ts';
import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { newId } from '@/lib/ids.ts';
import {
  TRANSITIONS,
  mayTransition,
  type ReferralAction,
  type ReferralSide,
  type ReferralStatus,
} from './referral-states.ts';
import {
  destroyPacket,
  insertReferralEvent,
  lockReferral,
  updateReferralIf,
  type ReferralInsert,
  type ReferralRow,
} from './referral.repository.ts';

/**
 * The one way a referral changes state: under a row lock, checked against the state machine,
 * with its history entry, the packet's key destroyed where the step says so, and an audit entry
 * in both organisations, all in the caller's transaction. Also used on behalf of the system
 * (consent withdrawn) and, later, of a remote installation's actor.
 */

/** The timestamp column each step sets. */
const STAMP: Record<ReferralAction, keyof ReferralInsert> = {
  send: 'sentAt',
  accept: 'acceptedAt',
  decline: 'declinedAt',
  start: 'startedAt',
  complete: 'completedAt',
  revoke: 'revokedAt',
};

const DONE: Record<ReferralAction, string> = {
  send: 'sent',
  accept: 'accepted',
  decline: 'declined',
  start: 'started',
  complete: 'completed',
  revoke: 'revoked',
};

/** Steps after which the recipient may no longer read the packet: its key is destroyed. */
const DESTROYS_PACKET: readonly ReferralAction[] = ['decline', 'revoke'];

/** Writes an audit entry about the referral in the sender's and the recipient's organisation. */
export async function auditBothSides(
  tx: Db,
  ctx: Ctx,
  row: Pick<ReferralRow, 'id' | 'fromOrganisationId' | 'toOrganisationId'>,
  entry: { action: string; details: Record<string, string | number | boolean | null> },
): Promise<void> {
  for (const organisationId of [row.fromOrganisationId, row.toOrganisationId]) {
    await recordAudit(tx, ctx, {
      organisationId,
      action: entry.action,
      entityType: 'referral',
      entityId: row.id,
      details: entry.details,
    });
  }
}

/** Appends a history entry (its note encrypted). */
export async function appendHistory(
  tx: Db,
  ctx: Ctx,
  entry: {
    referralId: string;
    action: string;
    fromStatus: ReferralStatus | null;
    toStatus: ReferralStatus;
    organisationId: string | null;
    note?: string | undefined;
  },
): Promise<void> {
  const id = newId();
  const { note, ...rest } = entry;
  await insertReferralEvent(tx, {
    ...rest,
    id,
    actorUserId: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
    noteEnc: note ? ctx.cipher.encrypt(note, FIELDS.referralEventNote.aad(id)) : null,
    at: ctx.now(),
  });
}

/** One step asked for. `prepare` runs under the lock before the row changes (accept, send). */
export interface TransitionRequest {
  referralId: string;
  action: ReferralAction;
  side: ReferralSide;
  /** The organisation whose member (or system) takes the step. */
  organisationId: string;
  note?: string | undefined;
  set?: Partial<ReferralInsert>;
  prepare?: (tx: Db, locked: ReferralRow) => Promise<Partial<ReferralInsert>>;
}

/**
 * Applies the step in `tx`. Returns whether it changed anything: a step repeated by the same
 * side on a referral already in the target state changes nothing (idempotent). Throws
 * `referral_not_found` if the row is gone, `referral_state_invalid` (409) for any other state.
 */
export async function applyTransition(tx: Db, ctx: Ctx, req: TransitionRequest): Promise<boolean> {
  const locked = await lockReferral(tx, req.referralId);
  if (!locked) {
    throw new AppError('referral_not_found');
  }
  const { to } = TRANSITIONS[req.action];
  if (locked.status === to && TRANSITIONS[req.action].side === req.side) {
    return false;
  }
  if (!mayTransition(req.action, req.side, locked.status)) {
    throw new AppError(
      'referral_state_invalid',
      `A ${locked.status} referral cannot be ${DONE[req.action]}.`,
    );
  }
  const prepared = req.prepare ? await req.prepare(tx, locked) : {};
  const now = ctx.now();
  const updated = await updateReferralIf(
    tx,
    { id: locked.id, status: locked.status, version: locked.version },
    { [STAMP[req.action]]: now, ...req.set, ...prepared, status: to, updatedAt: now },
  );
  if (!updated) {
    throw new AppError('referral_state_invalid', 'The referral changed meanwhile: reload it.');
  }
  await recordTransition(tx, ctx, { req, from: locked.status, row: updated });
  return true;
}

async function recordTransition(
  tx: Db,
  ctx: Ctx,
  t: { req: TransitionRequest; from: ReferralStatus; row: ReferralRow },
): Promise<void> {
  const { req, from, row } = t;
  if (DESTROYS_PACKET.includes(req.action)) {
    await destroyPacket(tx, row.id, ctx.now());
  }
  await appendHistory(tx, ctx, {
    referralId: row.id,
    action: req.action,
    fromStatus: from,
    toStatus: row.status,
    organisationId: req.organisationId,
    note: req.note,
  });
  // A draft is the sender's alone: the recipient's audit learns of a referral once it is sent.
  const audit = {
    action: `referral.${req.action}`,
    details: { fromStatus: from, status: row.status },
  };
  if (from === 'draft' && row.status !== 'sent') {
    await recordAudit(tx, ctx, {
      organisationId: row.fromOrganisationId,
      entityType: 'referral',
      entityId: row.id,
      ...audit,
    });
    return;
  }
  await auditBothSides(tx, ctx, row, audit);
}
