import { z } from 'zod';
import { NeedDomainSchema, NeedLevelSchema } from '@/domain/cases/case-assessment.schema.ts';
import { ContactSchema, DocumentSchema } from '@/domain/cases/cases.schema.ts';
import { DataCategorySchema, PurposeSchema } from '@/domain/consent/consent.schema.ts';
import { UrgencySchema } from './referral.schema.ts';

/**
 * The data packet of a referral, version 1: self-contained, so that it can later leave the
 * installation unchanged (federation). It holds no local user id and no sender case id; the
 * organisations are named by id, name and installation. Each data category is present only when
 * the referral asked for it and the consent covered it (`all` = every category).
 *
 * Category → case fields:
 * - identity: names (every identity), sex, gender, birth date/year, estimated age, possible
 *   minor, nationality, languages
 * - contacts: contacts, current location
 * - documents: identity documents (type, number, issuing country)
 * - journey: origin, transit and exploitation countries, recruitment channel and date, exit date
 *   and method, and the journey events (stage, type, date, country; never their notes)
 * - health: the health notes
 * - exploitation: forms of exploitation and the exploitation details
 * - narrative: the person's account
 * - assessment: risk level, re-trafficking factors, and the needs assessment (domain, level,
 *   goals)
 */
export const PACKET_SCHEMA_VERSION = 1;

const Str = z.string();
const NStr = z.string().nullable();

export const PacketIdentitySchema = z.object({
  identities: z.array(z.object({ given: NStr, family: NStr, script: NStr, kind: Str })),
  sex: NStr,
  gender: NStr,
  birthDate: NStr,
  birthYear: z.number().nullable(),
  estimatedAge: z.number().nullable(),
  possibleMinor: z.boolean(),
  nationality: NStr,
  languages: z.array(Str),
});

export const PacketContactsSchema = z.object({
  contacts: z.array(ContactSchema),
  currentLocation: NStr,
});

export const PacketDocumentsSchema = z.object({ documents: z.array(DocumentSchema) });

export const PacketJourneySchema = z.object({
  originCountry: NStr,
  transitCountries: z.array(Str),
  exploitationCountries: z.array(Str),
  recruitmentChannel: NStr,
  recruitmentDate: NStr,
  exitDate: NStr,
  exitMethod: NStr,
  events: z.array(z.object({ stage: Str, type: Str, occurredOn: Str, country: NStr })),
});

export const PacketHealthSchema = z.object({ health: NStr });

export const PacketExploitationSchema = z.object({
  exploitationForms: z.array(Str),
  exploitationDetails: NStr,
});

export const PacketNarrativeSchema = z.object({ narrative: NStr });

export const PacketAssessmentSchema = z.object({
  riskLevel: Str,
  retraffickingFactors: z.array(Str),
  needs: z.array(z.object({ domain: NeedDomainSchema, level: NeedLevelSchema, goals: NStr })),
});

/** The data of the packet, by category (a category absent = not shared). */
export const PacketDataSchema = z
  .object({
    identity: PacketIdentitySchema,
    contacts: PacketContactsSchema,
    documents: PacketDocumentsSchema,
    journey: PacketJourneySchema,
    health: PacketHealthSchema,
    exploitation: PacketExploitationSchema,
    narrative: PacketNarrativeSchema,
    assessment: PacketAssessmentSchema,
  })
  .partial();
export type PacketData = z.infer<typeof PacketDataSchema>;

const PacketPartySchema = z.object({
  organisationId: Str,
  name: Str,
  country: NStr,
  /** The installation the organisation is on; null for this installation. */
  installationId: NStr,
});

/** The whole sealed packet (what `body_sealed` decrypts to). */
export const PacketBodySchema = z.object({
  schemaVersion: z.literal(PACKET_SCHEMA_VERSION),
  referralId: Str,
  frozenAt: Str,
  from: PacketPartySchema,
  to: PacketPartySchema,
  urgency: UrgencySchema,
  reason: Str,
  requestedServices: z.array(z.object({ id: Str, kind: Str, name: Str })),
  /** The consent terms the packet travels under (never who recorded it). */
  consent: z.object({
    consentId: Str,
    purpose: PurposeSchema,
    categories: z.array(DataCategorySchema),
    validUntil: NStr,
    recordedAt: Str,
  }),
  categories: z.array(DataCategorySchema),
  data: PacketDataSchema,
});
export type PacketBody = z.infer<typeof PacketBodySchema>;
