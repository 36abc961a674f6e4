import type { ShareDecision } from '@/domain/consent/index.ts';
import type { FieldCipher } from '@/lib/crypto.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import type { PacketBody } from './referral-packet.schema.ts';
import type {
  PartyRow,
  ReferralEventRow,
  ReferralListRow,
  ReferralRow,
  ServiceRef,
} from './referral.repository.ts';
import type {
  PacketView,
  Referral,
  ReferralHistoryEntry,
  ReferralParty,
  ReferralSide,
  ReferralSummary,
} from './referral.schema.ts';

/** Referral rows → the API's shapes; the only place the reason and history notes are opened. */

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const HOUR_MS = 3_600_000;
const hoursBetween = (from: Date | null, to: Date | null) =>
  from && to ? Math.round(((to.getTime() - from.getTime()) / HOUR_MS) * 10) / 10 : null;

/** A sent referral past its response deadline with no answer. */
export function isOverdue(row: Pick<ReferralRow, 'status' | 'respondBy'>, now: Date): boolean {
  return row.status === 'sent' && row.respondBy !== null && row.respondBy < now;
}

function party(
  p: Pick<PartyRow, 'id' | 'name' | 'country'> | undefined,
  id: string,
): ReferralParty {
  return { id, name: p?.name ?? '', country: p?.country ?? null };
}

/** The decrypted history entries. */
export function toHistory(cipher: FieldCipher, rows: readonly ReferralEventRow[]) {
  return rows.map((e): ReferralHistoryEntry => ({
    at: e.at.toISOString(),
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    organisationId: e.organisationId,
    note: e.noteEnc ? cipher.decrypt(e.noteEnc, FIELDS.referralEventNote.aad(e.id)) : null,
  }));
}

/** The packet as its reader sees it. */
export function toPacketView(body: PacketBody): PacketView {
  return {
    schemaVersion: body.schemaVersion,
    categories: body.categories,
    frozenAt: body.frozenAt,
    data: body.data,
  };
}

/** What `toReferral` needs besides the row. */
export interface ReferralParts {
  side: ReferralSide;
  parties: readonly PartyRow[];
  services: readonly ServiceRef[];
  events: readonly ReferralEventRow[];
  packet: PacketBody | null;
  consentCheck: ShareDecision | null;
  now: Date;
}

/** A referral as one side sees it: the sender its case id, the recipient its own case id. */
export function toReferral(cipher: FieldCipher, row: ReferralRow, parts: ReferralParts): Referral {
  const byId = new Map(parts.parties.map((p) => [p.id, p]));
  const sender = parts.side === 'sender';
  return {
    id: row.id,
    side: parts.side,
    status: row.status,
    urgency: row.urgency,
    reason: cipher.decrypt(row.reasonEnc, FIELDS.referralReason.aad(row.id)),
    from: party(byId.get(row.fromOrganisationId), row.fromOrganisationId),
    to: party(byId.get(row.toOrganisationId), row.toOrganisationId),
    services: parts.services.map((s) => ({ id: s.id, kind: s.kind, name: s.name })),
    categories: row.categories,
    caseId: sender ? row.caseId : null,
    recipientCaseId: sender ? null : row.recipientCaseId,
    consentCheck: sender && row.status === 'draft' ? parts.consentCheck : null,
    respondBy: iso(row.respondBy),
    overdue: isOverdue(row, parts.now),
    sentAt: iso(row.sentAt),
    acceptedAt: iso(row.acceptedAt),
    startedAt: iso(row.startedAt),
    completedAt: iso(row.completedAt),
    outcome: row.outcome,
    metrics: {
      hoursToAccept: hoursBetween(row.sentAt, row.acceptedAt),
      hoursToFirstService: hoursBetween(row.sentAt, row.startedAt),
    },
    reviewRequiredSince: iso(row.reviewRequiredSince),
    history: toHistory(cipher, parts.events),
    packet: parts.packet ? toPacketView(parts.packet) : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A line of the inbox or outbox. */
export function toSummary(r: ReferralListRow, now: Date): ReferralSummary {
  return {
    id: r.row.id,
    status: r.row.status,
    urgency: r.row.urgency,
    from: r.from,
    to: r.to,
    categories: r.row.categories,
    caseNumber: r.caseNumber,
    respondBy: r.row.status === 'sent' ? iso(r.row.respondBy) : null,
    overdue: isOverdue(r.row, now),
    sentAt: iso(r.row.sentAt),
    updatedAt: r.row.updatedAt.toISOString(),
  };
}
