import { CaseCreateSchema, createCase } from '@/domain/cases/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { validationFailed } from '@/lib/errors.ts';
import type { PacketBody } from './referral-packet.schema.ts';
import type { ReferralRow } from './referral.repository.ts';

/**
 * A new case of the recipient organisation from an accepted referral's packet: whatever the
 * packet holds (names, contacts, documents, journey, health, exploitation, account, risk),
 * registered through the cases module's own `createCase` so that encryption, name keys and
 * search terms are those of any case. Journey events and needs stay in the packet (the
 * recipient records its own).
 */

const u = <T>(v: T | null | undefined): T | undefined => v ?? undefined;

type Data = PacketBody['data'];

/** The names; a packet without any still needs one: the referral's reference stands in. */
function identitiesOf(referralId: string, d: Data) {
  const identities = d.identity?.identities.map((i) => ({
    given: u(i.given),
    family: u(i.family),
    script: u(i.script),
    kind: i.kind,
  }));
  return identities && identities.length > 0
    ? identities
    : [{ family: `Referral ${referralId.slice(-8)}`, kind: 'primary' }];
}

/** The registration input the packet's data gives (before the cases module's checks). */
export function caseInputFromPacket(referralId: string, packet: PacketBody | null) {
  const d = packet?.data ?? {};
  return { identities: identitiesOf(referralId, d), ...personOf(d), ...storyOf(d) };
}

function personOf(d: Data) {
  return {
    ...(d.identity && {
      sex: u(d.identity.sex),
      gender: u(d.identity.gender),
      birthDate: u(d.identity.birthDate),
      birthYear: u(d.identity.birthYear),
      estimatedAge: u(d.identity.estimatedAge),
      nationality: u(d.identity.nationality),
      languages: d.identity.languages,
    }),
    ...(d.contacts && {
      contacts: d.contacts.contacts,
      currentLocation: u(d.contacts.currentLocation),
    }),
    ...(d.documents && { documents: d.documents.documents }),
  };
}

function storyOf(d: Data) {
  return {
    ...(d.journey && {
      originCountry: u(d.journey.originCountry),
      transitCountries: d.journey.transitCountries,
      exploitationCountries: d.journey.exploitationCountries,
      recruitmentChannel: u(d.journey.recruitmentChannel),
      recruitmentDate: u(d.journey.recruitmentDate),
      exitDate: u(d.journey.exitDate),
      exitMethod: u(d.journey.exitMethod),
    }),
    ...(d.health && { health: u(d.health.health) }),
    ...(d.exploitation && {
      exploitationForms: d.exploitation.exploitationForms,
      exploitationDetails: u(d.exploitation.exploitationDetails),
    }),
    ...(d.narrative && { narrative: u(d.narrative.narrative) }),
    ...(d.assessment && {
      riskLevel: d.assessment.riskLevel,
      riskFactors: d.assessment.retraffickingFactors,
    }),
  };
}

/**
 * Registers the recipient's case from the packet (`createCase`: needs `case.create`, assigned to
 * the caller) and returns its id. Throws `validation_failed` when the packet's data does not
 * pass the cases module's rules (then the recipient links an existing case instead).
 */
export async function caseFromPacket(
  ctx: Ctx,
  row: Pick<ReferralRow, 'id'>,
  packet: PacketBody | null,
): Promise<string> {
  const parsed = CaseCreateSchema.safeParse(caseInputFromPacket(row.id, packet));
  if (!parsed.success) {
    throw validationFailed(
      parsed.error.issues.map((i) => ({ path: `packet.${i.path.join('.')}`, message: i.message })),
      'The packet cannot be registered as a new case: link an existing case instead.',
    );
  }
  const created = await createCase(ctx, parsed.data);
  return created.id;
}
