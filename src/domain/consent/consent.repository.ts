import { and, asc, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { caseConsents, cases, organisations, users } from '@/db/schema/index.ts';
import type { FieldCipher } from '@/lib/crypto.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { isUuid } from '@/lib/ids.ts';

/** A consent version as stored: guardian and best-interest text encrypted. */
export type ConsentRow = typeof caseConsents.$inferSelect;

/** The guardian and best-interest text of a consent version, in clear. */
export interface ConsentText {
  guardianName: string | null;
  bestInterestNote: string | null;
}

/** A consent version to insert, with its guardian and best-interest text in clear. */
export type ConsentInsert = Omit<
  typeof caseConsents.$inferInsert,
  | 'recordedAt'
  | 'guardianNameEnc'
  | 'bestInterestNoteEnc'
  | 'legacyGuardianName'
  | 'legacyBestInterestNote'
> &
  Partial<ConsentText>;

const guardianAad = (id: string) => FIELDS.consentGuardianName.aad(id);
const bestInterestAad = (id: string) => FIELDS.consentBestInterestNote.aad(id);

function sealed(cipher: FieldCipher, row: ConsentInsert): typeof caseConsents.$inferInsert {
  const { guardianName, bestInterestNote, ...rest } = row;
  return {
    ...rest,
    guardianNameEnc: guardianName ? cipher.encrypt(guardianName, guardianAad(row.id)) : null,
    bestInterestNoteEnc: bestInterestNote
      ? cipher.encrypt(bestInterestNote, bestInterestAad(row.id))
      : null,
  };
}

/** Decrypts the guardian and best-interest text of a stored consent version. */
export function openConsentText(cipher: FieldCipher, row: ConsentRow): ConsentText {
  return {
    guardianName: row.guardianNameEnc
      ? cipher.decrypt(row.guardianNameEnc, guardianAad(row.id))
      : null,
    bestInterestNote: row.bestInterestNoteEnc
      ? cipher.decrypt(row.bestInterestNoteEnc, bestInterestAad(row.id))
      : null,
  };
}

/**
 * Inserts one consent version, encrypting its guardian and best-interest text (bound to the
 * version's id). Versions are never updated or deleted.
 */
export async function insertConsentVersion(
  tx: Db,
  cipher: FieldCipher,
  row: ConsentInsert,
): Promise<ConsentRow> {
  const [created] = await tx.insert(caseConsents).values(sealed(cipher, row)).returning();
  return created!;
}

/**
 * Inserts the next version of a chain (text encrypted as by `insertConsentVersion`); null when
 * that version number is already taken (someone else added a version at the same time: the
 * unique chain/version index decides).
 */
export async function insertNextConsentVersion(
  tx: Db,
  cipher: FieldCipher,
  row: ConsentInsert,
): Promise<ConsentRow | null> {
  const [created] = await tx
    .insert(caseConsents)
    .values(sealed(cipher, row))
    .onConflictDoNothing({ target: [caseConsents.chainId, caseConsents.version] })
    .returning();
  return created ?? null;
}

/** Every version of every consent of a case, newest first. */
export async function listConsentRows(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<ConsentRow[]> {
  return db
    .select()
    .from(caseConsents)
    .where(and(eq(caseConsents.organisationId, organisationId), eq(caseConsents.caseId, caseId)))
    .orderBy(desc(caseConsents.recordedAt), desc(caseConsents.version));
}

/** The latest version of the chain that version `consentId` of the case belongs to; or null. */
export async function findLatestInChainOf(
  db: Db,
  organisationId: string,
  caseId: string,
  consentId: string,
): Promise<ConsentRow | null> {
  if (!isUuid(consentId)) {
    return null;
  }
  const scope = and(
    eq(caseConsents.organisationId, organisationId),
    eq(caseConsents.caseId, caseId),
  );
  const [version] = await db
    .select({ chainId: caseConsents.chainId })
    .from(caseConsents)
    .where(and(scope, eq(caseConsents.id, consentId)))
    .limit(1);
  if (!version) {
    return null;
  }
  const [latest] = await db
    .select()
    .from(caseConsents)
    .where(and(scope, eq(caseConsents.chainId, version.chainId)))
    .orderBy(desc(caseConsents.version))
    .limit(1);
  return latest ?? null;
}

/** Whether the case is flagged as (possibly) a child; null when it is not in the organisation. */
export async function casePossibleMinor(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<boolean | null> {
  const [row] = await db
    .select({ possibleMinor: cases.possibleMinor })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)))
    .limit(1);
  return row ? row.possibleMinor : null;
}

/**
 * The name of the organisation with this id, or null when there is none (any organisation of the
 * installation can receive a referral).
 */
export async function findOrganisationName(db: Db, id: string): Promise<string | null> {
  if (!isUuid(id)) {
    return null;
  }
  const [row] = await db
    .select({ name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id))
    .limit(1);
  return row?.name ?? null;
}

/** The organisations of this installation other than `organisationId`, by name. */
export async function listOtherOrganisations(
  db: Db,
  organisationId: string,
): Promise<{ id: string; name: string; country: string }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name, country: organisations.country })
    .from(organisations)
    .where(ne(organisations.id, organisationId))
    .orderBy(asc(organisations.name));
}

/**
 * Display names of the users who recorded consent versions, by user id. `userIds` come from
 * consent rows already scoped to one organisation; a former member keeps their name here.
 */
export async function recorderNames(
  db: Db,
  userIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name]));
}
