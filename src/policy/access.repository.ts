import { and, eq, exists, ne } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import {
  apiTokens,
  caseAssignments,
  cases,
  directoryOrganisations,
  memberships,
} from '@/db/schema/index.ts';

/** True when `userId` is a member (enabled or not) of `organisationId`. */
export async function isMember(db: Db, organisationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
    .limit(1);
  return rows.length > 0;
}

/** True when `userId` also has a membership (enabled or not) of an organisation other than this. */
export async function hasOtherMemberships(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.userId, userId), ne(memberships.organisationId, organisationId)))
    .limit(1);
  return rows.length > 0;
}

/** True when the API token belongs to `userId` in `organisationId`. */
export async function ownsToken(
  db: Db,
  organisationId: string,
  userId: string,
  tokenId: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: apiTokens.id })
    .from(apiTokens)
    .where(
      and(
        eq(apiTokens.id, tokenId),
        eq(apiTokens.organisationId, organisationId),
        eq(apiTokens.userId, userId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/** True when the case is in the organisation and, if `assignedUserId` is given, assigned to them. */
export async function caseVisibleTo(
  db: Db,
  organisationId: string,
  caseId: string,
  assignedUserId: string | null,
): Promise<boolean> {
  const assigned = assignedUserId
    ? exists(
        db
          .select({ one: caseAssignments.caseId })
          .from(caseAssignments)
          .where(
            and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.userId, assignedUserId)),
          ),
      )
    : undefined;
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId), assigned))
    .limit(1);
  return rows.length > 0;
}

/** True when the organisation is external: listed in the directory, not on this installation. */
export async function isExternalOrganisation(db: Db, organisationId: string): Promise<boolean> {
  const rows = await db
    .select({ id: directoryOrganisations.organisationId })
    .from(directoryOrganisations)
    .where(
      and(
        eq(directoryOrganisations.organisationId, organisationId),
        eq(directoryOrganisations.external, true),
      ),
    )
    .limit(1);
  return rows.length > 0;
}
