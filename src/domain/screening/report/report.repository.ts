import { and, asc, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { caseConsents, caseIdentities, cases, organisations, users } from '@/db/schema/index.ts';
import { isUuid } from '@/lib/ids.ts';

/** What the report may show of who the person is (the service decides whether it does). */
export interface ReportCaseRow {
  caseNumber: string;
  nationality: string | null;
  birthDate: string | null;
  birthYear: number | null;
  sex: string | null;
  given: string | null;
  family: string | null;
  script: string | null;
}

/** The case's identity fields and its first primary name; null when not in the organisation. */
export async function findReportCase(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<ReportCaseRow | null> {
  const [row] = await db
    .select({
      caseNumber: cases.caseNumber,
      nationality: cases.nationality,
      birthDate: cases.birthDate,
      birthYear: cases.birthYear,
      sex: cases.sex,
      given: caseIdentities.given,
      family: caseIdentities.family,
      script: caseIdentities.script,
    })
    .from(cases)
    .leftJoin(
      caseIdentities,
      and(
        eq(caseIdentities.caseId, cases.id),
        eq(caseIdentities.organisationId, organisationId),
        eq(caseIdentities.kind, 'primary'),
      ),
    )
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)))
    .orderBy(asc(caseIdentities.createdAt), asc(caseIdentities.id))
    .limit(1);
  return row ?? null;
}

/** The organisation's name and country (ISO alpha-3). */
export async function findReportOrganisation(
  db: Db,
  organisationId: string,
): Promise<{ name: string; country: string } | null> {
  const [row] = await db
    .select({ name: organisations.name, country: organisations.country })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row ?? null;
}

/** Display names of staff by user id (who screened, who approved). */
export async function staffNames(
  db: Db,
  userIds: readonly (string | null)[],
): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null && isUuid(id)))];
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * Ids of the consent versions of a case that carry a guardian name or a best-interest note (only
 * whether they do: nothing is decrypted).
 */
export async function listGuardianRecordIds(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: caseConsents.id })
    .from(caseConsents)
    .where(
      and(
        eq(caseConsents.organisationId, organisationId),
        eq(caseConsents.caseId, caseId),
        or(isNotNull(caseConsents.guardianNameEnc), isNotNull(caseConsents.bestInterestNoteEnc)),
      ),
    );
  return rows.map((r) => r.id);
}
