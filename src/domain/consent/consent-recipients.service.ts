import type { Ctx } from '@/lib/context.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { listOtherOrganisations } from './consent.repository.ts';
import type { RecipientList } from './consent.schema.ts';

/**
 * The organisations a member may name as the recipient of a referral or cross-border consent
 * (`consent.record`): every other organisation of this installation, by name, with its country.
 * Only names and countries of organisations, no survivor data, so not audited. The directory of
 * the referrals issue replaces this list when it lands.
 *
 * @example const { items } = await listRecipients(ctx); // [{ id, name: 'Demo Nairobi …', country: 'KEN' }]
 */
export async function listRecipients(ctx: Ctx): Promise<RecipientList> {
  const actor = await requireAccess(ctx, 'consent.record');
  return { items: await listOtherOrganisations(ctx.db, actor.organisationId) };
}
