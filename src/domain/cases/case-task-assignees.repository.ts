import { and, asc, eq, exists, inArray, or } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { caseAssignments, memberships, users } from '@/db/schema/index.ts';

/** Which roles may hold a task of a case: on every case, or only on cases assigned to them. */
export interface WorkerRoles {
  everyCase: readonly string[];
  assignedCases: readonly string[];
}

/**
 * Enabled members of the organisation who may work on the case: a role of `everyCase`, or a
 * role of `assignedCases` and assigned to the case. Only `ids` when given. By name.
 */
export async function caseWorkers(
  db: Db,
  organisationId: string,
  { caseId, roles, ids }: { caseId: string; roles: WorkerRoles; ids?: readonly string[] },
): Promise<{ id: string; displayName: string; role: string }[]> {
  if (ids?.length === 0) {
    return [];
  }
  const assigned = exists(
    db
      .select({ one: caseAssignments.caseId })
      .from(caseAssignments)
      .where(
        and(
          eq(caseAssignments.caseId, caseId),
          eq(caseAssignments.organisationId, organisationId),
          eq(caseAssignments.userId, memberships.userId),
        ),
      ),
  );
  return db
    .select({ id: memberships.userId, displayName: users.displayName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.disabled, false),
        ids ? inArray(memberships.userId, [...ids]) : undefined,
        or(
          inArray(memberships.role, [...roles.everyCase]),
          and(inArray(memberships.role, [...roles.assignedCases]), assigned),
        ),
      ),
    )
    .orderBy(asc(users.displayName), asc(memberships.userId))
    .limit(500);
}
