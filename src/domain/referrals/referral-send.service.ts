import { addHours } from 'date-fns';
import { getAssessment } from '@/domain/cases/case-assessment.service.ts';
import { getCase, listCaseEvents } from '@/domain/cases/index.ts';
import { listConsents, type ShareDecision } from '@/domain/consent/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { AppError, type FieldIssue } from '@/lib/errors.ts';
import { requireMayFreezePacket, requireSideFor } from '@/policy/referral-access.ts';
import { buildPacketData, expandCategories, sealPacket, sourcesNeeded } from './referral-packet.ts';
import { PACKET_SCHEMA_VERSION, type PacketBody } from './referral-packet.schema.ts';
import { locateReferral, reloadView, type Located } from './referral-read.ts';
import { RESPONSE_HOURS, type Referral } from './referral.schema.ts';
import { consentCheckFor } from './referral.service.ts';
import { applyTransition } from './referral-transition.ts';
import {
  findParties,
  findServices,
  insertPacket,
  type PartyRow,
  type ReferralRow,
} from './referral.repository.ts';

/** The `errors[]` of a refused send: one per missing category, or the reason there is none. */
export function consentIssues(decision: ShareDecision): FieldIssue[] {
  if (decision.reason === 'categories_missing') {
    return decision.missing.map((c) => ({
      path: 'categories',
      message: `Not covered by a consent: ${c}`,
    }));
  }
  return [
    { path: 'categories', message: `No valid consent for this recipient: ${decision.reason}` },
  ];
}

function packetParty(p: PartyRow | undefined, id: string) {
  return {
    organisationId: id,
    name: p?.name ?? '',
    country: p?.country ?? null,
    installationId: p?.installationId ?? null,
  };
}

/** Reads what the packet needs from the case, through the cases module (audited there). */
async function readSource(ctx: Ctx, row: ReferralRow) {
  const needed = sourcesNeeded(row.categories);
  const [theCase, events, assessment] = [
    await getCase(ctx, row.caseId),
    needed.events ? await listCaseEvents(ctx, row.caseId) : [],
    needed.needs ? await getAssessment(ctx, row.caseId) : null,
  ];
  return { case: theCase, events, needs: assessment?.needs ?? [] };
}

/** The whole packet body, frozen now from the case as it is. */
async function buildBody(
  ctx: Ctx,
  row: ReferralRow,
  consent: { id: string; frozenAt: Date },
): Promise<PacketBody> {
  const [parties, services, source] = [
    await findParties(ctx.db, [row.fromOrganisationId, row.toOrganisationId]),
    await findServices(ctx.db, row.serviceIds),
    await readSource(ctx, row),
  ];
  const byId = new Map(parties.map((p) => [p.id, p]));
  const categories = expandCategories(row.categories);
  return {
    schemaVersion: PACKET_SCHEMA_VERSION,
    referralId: row.id,
    frozenAt: consent.frozenAt.toISOString(),
    from: packetParty(byId.get(row.fromOrganisationId), row.fromOrganisationId),
    to: packetParty(byId.get(row.toOrganisationId), row.toOrganisationId),
    urgency: row.urgency,
    reason: ctx.cipher.decrypt(row.reasonEnc, FIELDS.referralReason.aad(row.id)),
    requestedServices: services.map((s) => ({ id: s.id, kind: s.kind, name: s.name })),
    consent: await consentTerms(ctx, row, consent.id),
    categories,
    data: buildPacketData(source, categories),
  };
}

/** The consent terms the packet travels under (no recorder). */
async function consentTerms(ctx: Ctx, row: ReferralRow, consentId: string) {
  const found = (await listConsents(ctx, row.caseId)).items.find((c) => c.id === consentId);
  return {
    consentId,
    purpose: row.purpose,
    categories: found?.dataCategories ?? row.categories,
    validUntil: found?.validUntil ?? null,
    recordedAt: found?.recordedAt ?? ctx.now().toISOString(),
  };
}

/** Sends under the lock: the draft is still a draft, then the packet is stored with the step. */
async function sendLocked(ctx: Ctx, located: Located, body: PacketBody, consentId: string) {
  const { row, actor } = located;
  const frozenAt = new Date(body.frozenAt);
  await ctx.db.transaction((tx) =>
    applyTransition(tx, ctx, {
      referralId: row.id,
      action: 'send',
      side: 'sender',
      organisationId: actor.organisationId,
      set: {
        consentId,
        sentAt: frozenAt,
        respondBy: addHours(frozenAt, RESPONSE_HOURS[row.urgency]),
      },
      prepare: async () => {
        await insertPacket(tx, sealPacket(ctx.cipher, body, frozenAt));
        return {};
      },
    }),
  );
}

/**
 * Sends a draft (`referral.send`, sender side, a case the caller sees, and the sensitive data
 * the packet freezes). The consent is checked again now: without one covering every category
 * for this recipient it throws `consent_required` (403) with `errors[]` per missing category,
 * and nothing changes. Freezes and seals the packet, sets the response deadline by urgency.
 * Sending a sent referral again changes nothing; any other state is `referral_state_invalid`.
 */
export async function sendReferral(ctx: Ctx, id: string): Promise<Referral> {
  const located = await locateReferral(ctx, id, 'referral.send');
  requireSideFor('send', located.side);
  if (located.row.status === 'sent') {
    return reloadView(ctx, located);
  }
  if (located.row.status !== 'draft') {
    throw new AppError(
      'referral_state_invalid',
      `A ${located.row.status} referral cannot be sent.`,
    );
  }
  requireMayFreezePacket(located.actor);
  const decision = await consentCheckFor(ctx, located.row);
  if (!decision.allowed || decision.consentId === null) {
    throw new AppError('consent_required', 'The consent does not cover this referral.', {
      errors: consentIssues(decision),
    });
  }
  const body = await buildBody(ctx, located.row, { id: decision.consentId, frozenAt: ctx.now() });
  await sendLocked(ctx, located, body, decision.consentId);
  return reloadView(ctx, located);
}
