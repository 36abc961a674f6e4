import type { Db } from '@/db/client.ts';
import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import { canShare, type Purpose, type ShareDecision } from '@/domain/consent/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { validationFailed, type FieldIssue } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, invalidCursor, toPage } from '@/lib/pagination.ts';
import { mayReadPacket, outboxAssignedFilter } from '@/policy/referral-access.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { appendHistory, auditBothSides } from './referral-transition.ts';
import { locateReferral, readPacket, referralView } from './referral-read.ts';
import type {
  Referral,
  ReferralCreate,
  ReferralListQuery,
  ReferralPage,
  ReferralSummary,
} from './referral.schema.ts';
import {
  findParties,
  findServices,
  insertReferral,
  listCaseReferralRows,
  listReferralPage,
  type PartyRow,
  type ReferralRow,
} from './referral.repository.ts';
import { toSummary } from './referral-view.ts';

/** The consent purpose of a referral to `to`: another installation's is cross-border. */
export function referralPurpose(to: Pick<PartyRow, 'external' | 'installationId'>): Purpose {
  return to.external || to.installationId !== null ? 'cross_border_sharing' : 'referral';
}

/** The recipient and the services named; throws `validation_failed` naming the field. */
async function checkRecipient(ctx: Ctx, actor: OrgActor, input: ReferralCreate) {
  if (input.toOrganisationId === actor.organisationId) {
    throw validationFailed([
      { path: 'toOrganisationId', message: 'A referral goes to another organisation' },
    ]);
  }
  const [to] = await findParties(ctx.db, [input.toOrganisationId]);
  if (!to) {
    throw validationFailed([{ path: 'toOrganisationId', message: 'No such organisation' }]);
  }
  const serviceIds = [...new Set(input.serviceIds ?? [])];
  const services = new Map((await findServices(ctx.db, serviceIds)).map((s) => [s.id, s]));
  const issues: FieldIssue[] = [];
  serviceIds.forEach((id, i) => {
    const s = services.get(id);
    if (!s || s.organisationId !== to.id || s.removedAt !== null) {
      issues.push({ path: `serviceIds.${i}`, message: 'Not a service of this organisation' });
    }
  });
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
  return { to, serviceIds };
}

/** What the consent allows for the referral now (audited as `consent.check`). */
export function consentCheckFor(
  ctx: Ctx,
  r: Pick<ReferralRow, 'caseId' | 'toOrganisationId' | 'purpose' | 'categories'>,
): Promise<ShareDecision> {
  return canShare(ctx, {
    caseId: r.caseId,
    recipientOrganisationId: r.toOrganisationId,
    purpose: r.purpose,
    categories: r.categories,
  });
}

/**
 * Starts a referral of a case to another organisation, as a draft (`referral.send` on a case
 * the caller sees). Allowed even when no consent covers it: the answer's `consentCheck` says
 * what is missing; sending checks again. Throws `case_not_found`, `validation_failed`
 * (own organisation, unknown organisation, a service not of the recipient or removed).
 */
export async function createReferral(ctx: Ctx, input: ReferralCreate): Promise<Referral> {
  const actor = await requireAccess(ctx, 'referral.send', [{ type: 'case', id: input.caseId }]);
  const { to, serviceIds } = await checkRecipient(ctx, actor, input);
  const id = newId();
  const now = ctx.now();
  const row: ReferralRow = {
    ...EMPTY_STEPS,
    id,
    fromOrganisationId: actor.organisationId,
    toOrganisationId: to.id,
    caseId: input.caseId,
    serviceIds,
    categories: [...new Set(input.categories)],
    purpose: referralPurpose(to),
    reasonEnc: ctx.cipher.encrypt(input.reason, FIELDS.referralReason.aad(id)),
    urgency: input.urgency,
    status: 'draft',
    createdBy: actor.userId,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const consentCheck = await consentCheckFor(ctx, row);
  await ctx.db.transaction((tx) => writeDraft(tx, ctx, { row, allowed: consentCheck.allowed }));
  return referralView(ctx, { row, side: 'sender' }, { consentCheck });
}

/** The draft, its first history entry and its audit entry (the sender's alone). */
async function writeDraft(tx: Db, ctx: Ctx, draft: { row: ReferralRow; allowed: boolean }) {
  const { row, allowed } = draft;
  await insertReferral(tx, row);
  await appendHistory(tx, ctx, {
    referralId: row.id,
    action: 'create',
    fromStatus: null,
    toStatus: 'draft',
    organisationId: row.fromOrganisationId,
  });
  await recordAudit(tx, ctx, {
    organisationId: row.fromOrganisationId,
    action: 'referral.create',
    entityType: 'referral',
    entityId: row.id,
    details: { caseId: row.caseId, toOrganisationId: row.toOrganisationId, allowed },
  });
}

const EMPTY_STEPS = {
  recipientCaseId: null,
  consentId: null,
  respondBy: null,
  sentAt: null,
  acceptedAt: null,
  declinedAt: null,
  startedAt: null,
  completedAt: null,
  revokedAt: null,
  outcome: null,
  reviewRequiredSince: null,
} satisfies Partial<ReferralRow>;

/**
 * One referral (`referral.read`) as the caller's side sees it: the recipient gets the packet
 * while it is readable (audited as `referral.packet_read` in both organisations), the sender
 * its own referral (`referral.read`) and, for a draft, the consent check. Throws
 * `referral_not_found` for anything the caller may not know of.
 */
export async function getReferral(ctx: Ctx, id: string): Promise<Referral> {
  const located = await locateReferral(ctx, id, 'referral.read');
  const { actor, row, side } = located;
  const packet = mayReadPacket(actor, side, row.status) ? await readPacket(ctx, row.id) : null;
  const consentCheck =
    side === 'sender' && row.status === 'draft' ? await consentCheckFor(ctx, row) : null;
  if (side === 'recipient' && packet) {
    await ctx.db.transaction((tx) =>
      auditBothSides(tx, ctx, row, {
        action: 'referral.packet_read',
        details: { status: row.status, categories: packet.categories.join(',') },
      }),
    );
  } else {
    await recordAuditNow(ctx.db, ctx, {
      organisationId: actor.organisationId,
      action: 'referral.read',
      entityType: 'referral',
      entityId: row.id,
      details: { side, packet: packet !== null },
    });
  }
  return referralView(ctx, located, { packet, consentCheck });
}

const cursorOf = (s: ReferralSummary) => encodeCursor(`${s.updatedAt}|${s.id}`);

/** Parses a list cursor (`<updatedAt>|<id>`); throws 400 for one this server did not make. */
function afterOf(cursor: string | undefined) {
  if (cursor === undefined) {
    return undefined;
  }
  const [at, id] = decodeCursor(cursor)?.split('|') ?? [];
  if (!at || !id) {
    throw invalidCursor();
  }
  return { updatedAt: new Date(at), id };
}

/**
 * The inbox (sent to the caller's organisation; never drafts) or the outbox (sent from it;
 * caseworkers: their assigned cases only), newest first, `referral.read`. Audited.
 */
export async function listReferrals(ctx: Ctx, q: ReferralListQuery): Promise<ReferralPage> {
  const actor = await requireAccess(ctx, 'referral.read');
  const rows = await listReferralPage(ctx.db, {
    organisationId: actor.organisationId,
    box: q.box,
    status: q.status,
    assignedUserId: q.box === 'outbox' ? outboxAssignedFilter(actor) : null,
    after: afterOf(q.cursor),
    limit: q.limit,
  });
  const now = ctx.now();
  const page = toPage(
    rows.map((r) => toSummary(r, now)),
    q.limit,
    cursorOf,
  );
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'referral.list',
    entityType: null,
    entityId: null,
    details: { box: q.box, count: page.items.length },
  });
  return page;
}

/**
 * The referrals of one of the caller's cases (`referral.read` on a case the caller sees):
 * those sent from it and the one it was accepted from. Audited on the case.
 */
export async function listCaseReferrals(ctx: Ctx, caseId: string): Promise<ReferralSummary[]> {
  const actor = await requireAccess(ctx, 'referral.read', [{ type: 'case', id: caseId }]);
  const rows = await listCaseReferralRows(ctx.db, actor.organisationId, caseId);
  const now = ctx.now();
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'referral.list',
    entityType: 'case',
    entityId: caseId,
    details: { count: rows.length },
  });
  return rows.map((r) => toSummary(r, now));
}
