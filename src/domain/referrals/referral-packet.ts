import { randomBytes } from 'node:crypto';
import type { Need } from '@/domain/cases/case-assessment.schema.ts';
import type { Case, CaseEvent } from '@/domain/cases/index.ts';
import { DATA_CATEGORIES, type DataCategory } from '@/domain/consent/index.ts';
import { open, seal, type FieldCipher } from '@/lib/crypto.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import {
  PACKET_SCHEMA_VERSION,
  PacketBodySchema,
  type PacketBody,
  type PacketData,
} from './referral-packet.schema.ts';
import type { PacketInsert, PacketRow } from './referral.repository.ts';

/**
 * The frozen data packet: built from the sender's case at the moment of sending (only the
 * categories asked for), sealed under a random key of its own (wrapped with the installation's
 * data keys), opened for its readers, and destroyed by dropping the key.
 */

/** The key id written into a sealed packet body (the key itself is the packet's own). */
const PACKET_KEY_ID = 'packet';
const bodyAad = (referralId: string) => `referral_packets.body:${referralId}`;

/** The case as the packet builder reads it (its sensitive block decrypted). */
export interface PacketSource {
  case: Case;
  /** The journey events (needed only for `journey`). */
  events: readonly CaseEvent[];
  /** The needs assessment (needed only for `assessment`). */
  needs: readonly Need[];
}

/** `all` stands for every category. */
export function expandCategories(categories: readonly DataCategory[]): DataCategory[] {
  const wanted = categories.includes('all')
    ? DATA_CATEGORIES.filter((c) => c !== 'all')
    : [...new Set(categories)];
  return DATA_CATEGORIES.filter((c) => wanted.includes(c));
}

/** Which categories need the journey events and the needs assessment read. */
export function sourcesNeeded(categories: readonly DataCategory[]) {
  const c = expandCategories(categories);
  return { events: c.includes('journey'), needs: c.includes('assessment') };
}

type Builders = { [K in keyof PacketData]-?: (s: PacketSource) => NonNullable<PacketData[K]> };

const BUILDERS: Builders = {
  identity: ({ case: c }) => ({
    identities: c.identities.map((i) => ({
      given: i.given,
      family: i.family,
      script: i.script,
      kind: i.kind,
    })),
    sex: c.sex,
    gender: c.gender,
    birthDate: c.birthDate,
    birthYear: c.birthYear,
    estimatedAge: c.estimatedAge,
    possibleMinor: c.possibleMinor,
    nationality: c.nationality,
    languages: c.languages,
  }),
  contacts: ({ case: c }) => ({
    contacts: c.sensitive?.contacts ?? [],
    currentLocation: c.sensitive?.currentLocation ?? null,
  }),
  documents: ({ case: c }) => ({ documents: c.sensitive?.documents ?? [] }),
  journey: ({ case: c, events }) => ({
    originCountry: c.originCountry,
    transitCountries: c.transitCountries,
    exploitationCountries: c.exploitationCountries,
    recruitmentChannel: c.recruitmentChannel,
    recruitmentDate: c.recruitmentDate,
    exitDate: c.exitDate,
    exitMethod: c.exitMethod,
    // Never the events' notes or outcomes: they are the sender's own working notes.
    events: events.map((e) => ({
      stage: e.stage,
      type: e.type,
      occurredOn: e.occurredOn,
      country: e.country,
    })),
  }),
  health: ({ case: c }) => ({ health: c.sensitive?.health ?? null }),
  exploitation: ({ case: c }) => ({
    exploitationForms: c.exploitationForms,
    exploitationDetails: c.sensitive?.exploitationDetails ?? null,
  }),
  narrative: ({ case: c }) => ({ narrative: c.sensitive?.narrative ?? null }),
  assessment: ({ case: c, needs }) => ({
    riskLevel: c.riskLevel,
    retraffickingFactors: c.retraffickingRisk.factors,
    needs: needs
      .filter((n) => n.updatedAt !== null)
      .map((n) => ({ domain: n.domain, level: n.level, goals: n.goals })),
  }),
};

/** The packet data of `categories` (expanded) from the case as it is now. */
export function buildPacketData(source: PacketSource, categories: readonly DataCategory[]) {
  const data: Record<string, unknown> = {};
  for (const category of expandCategories(categories)) {
    if (category !== 'all') {
      data[category] = BUILDERS[category](source);
    }
  }
  return data as PacketData;
}

/**
 * Seals `body` under a new random key and wraps the key with the installation's data keys.
 * Returns the packet row to insert.
 */
export function sealPacket(cipher: FieldCipher, body: PacketBody, frozenAt: Date): PacketInsert {
  const key = randomBytes(32);
  const referralId = body.referralId;
  return {
    referralId,
    schemaVersion: PACKET_SCHEMA_VERSION,
    categories: body.categories,
    consentTerms: body.consent,
    keyEnc: cipher.encrypt(key.toString('base64'), FIELDS.referralPacketKey.aad(referralId)),
    bodySealed: seal(
      key,
      PACKET_KEY_ID,
      Buffer.from(JSON.stringify(body), 'utf8'),
      bodyAad(referralId),
    ),
    frozenAt,
    destroyedAt: null,
  };
}

/** The packet's body, or null once its key was destroyed. Throws on tampering. */
export function openPacket(cipher: FieldCipher, row: PacketRow): PacketBody | null {
  if (row.keyEnc === null || row.bodySealed === null) {
    return null;
  }
  const key = Buffer.from(
    cipher.decrypt(row.keyEnc, FIELDS.referralPacketKey.aad(row.referralId)),
    'base64',
  );
  const text = open(key, row.bodySealed, bodyAad(row.referralId)).toString('utf8');
  return PacketBodySchema.parse(JSON.parse(text));
}
