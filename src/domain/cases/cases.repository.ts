import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import {
  caseAssignments,
  caseEvents,
  caseIdentities,
  cases,
  memberships,
  organisations,
} from '@/db/schema/index.ts';
import { prepared } from '@/db/prepared.ts';
import { newId } from '@/lib/ids.ts';
import type { IdentityView } from './case-views.schema.ts';
import { latinKey, nameKey } from './case-names.ts';
import type { Identity } from './cases.schema.ts';

export type CaseRow = typeof cases.$inferSelect;
export type CaseInsert = Omit<typeof cases.$inferInsert, 'organisationId' | 'id'>;

/** SQL for the current stage: the stage of the latest event (by date, then entry time). */
// The outer table is named explicitly: Drizzle renders `${cases.id}` as a bare "id", which
// inside this subquery would mean the event's own id.
export const currentStageSql = sql<string | null>`(select e.stage from ${caseEvents} e
  where e.case_id = ${sql.identifier('cases')}.${sql.identifier('id')}
  order by e.occurred_on desc, e.created_at desc limit 1)`;

/** Reserves the next case number of the organisation, e.g. `2026-00042`. */
export async function nextCaseNumber(
  tx: Db,
  organisationId: string,
  year: number,
): Promise<string> {
  const [row] = await tx
    .update(organisations)
    .set({ nextCaseSeq: sql`${organisations.nextCaseSeq} + 1` })
    .where(eq(organisations.id, organisationId))
    .returning({ seq: sql<number>`${organisations.nextCaseSeq} - 1` });
  return `${year}-${String(row!.seq).padStart(5, '0')}`;
}

export async function caseNumberTaken(
  db: Db,
  organisationId: string,
  caseNumber: string,
): Promise<boolean> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(
      and(
        eq(cases.organisationId, organisationId),
        sql`upper(${cases.caseNumber}) = upper(${caseNumber})`,
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertCase(
  tx: Db,
  organisationId: string,
  row: CaseInsert,
): Promise<CaseRow> {
  const [created] = await tx
    .insert(cases)
    .values({ id: newId(), organisationId, ...row })
    .returning();
  return created!;
}

/** Replaces the names of a case, computing their search keys. */
export async function replaceIdentities(
  tx: Db,
  owner: { organisationId: string; caseId: string; nationality: string | null },
  identities: Identity[],
): Promise<void> {
  const { organisationId, caseId, nationality } = owner;
  await tx
    .delete(caseIdentities)
    .where(
      and(eq(caseIdentities.caseId, caseId), eq(caseIdentities.organisationId, organisationId)),
    );
  await tx.insert(caseIdentities).values(
    identities.map((i) => {
      const key = nameKey(i.given, i.family);
      return {
        id: newId(),
        organisationId,
        caseId,
        kind: i.kind,
        given: i.given?.trim() || null,
        family: i.family?.trim() || null,
        script: i.script,
        nameKey: key,
        latinKey: latinKey(key),
        nationality,
      };
    }),
  );
}

/** Keeps the identities' copy of the case's nationality in step (search filters on it). */
export async function setIdentitiesNationality(
  tx: Db,
  caseId: string,
  nationality: string | null,
): Promise<void> {
  await tx.update(caseIdentities).set({ nationality }).where(eq(caseIdentities.caseId, caseId));
}

/** Replaces the assigned users of a case. */
export async function replaceAssignees(
  tx: Db,
  organisationId: string,
  caseId: string,
  userIds: string[],
): Promise<void> {
  await tx
    .delete(caseAssignments)
    .where(
      and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.organisationId, organisationId)),
    );
  if (userIds.length > 0) {
    await tx
      .insert(caseAssignments)
      .values([...new Set(userIds)].map((userId) => ({ organisationId, caseId, userId })));
  }
}

/** The subset of `userIds` who are enabled members of the organisation able to hold cases. */
export async function membersAmong(
  db: Db,
  organisationId: string,
  userIds: string[],
): Promise<string[]> {
  if (userIds.length === 0) {
    return [];
  }
  const rows = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        inArray(memberships.userId, userIds),
        eq(memberships.disabled, false),
        inArray(memberships.role, ['admin', 'supervisor', 'caseworker']),
      ),
    );
  return rows.map((r) => r.id);
}

export interface CaseDetail {
  row: CaseRow;
  stage: string | null;
  identities: IdentityView[];
  assignees: { id: string; displayName: string }[];
}

const identitiesJson = sql<IdentityView[]>`coalesce((select json_agg(json_build_object(
    'given', i.given, 'family', i.family, 'script', i.script, 'kind', i.kind)
    order by i.created_at, i.id) from case_identities i where i.case_id = "cases"."id"), '[]')`;

const assigneesJson = sql<CaseDetail['assignees']>`coalesce((select json_agg(json_build_object(
    'id', u.id, 'displayName', u.display_name) order by u.display_name, u.id)
    from case_assignments a join users u on u.id = a.user_id where a.case_id = "cases"."id"), '[]')`;

/**
 * One case of the organisation with its names, assignees and current stage, in one query; null
 * if none, or if `assignedTo` is set (the policy's `assignedOnlyFilter`) and the case is not
 * assigned to that user.
 */
export async function findCaseDetail(
  db: Db,
  organisationId: string,
  caseId: string,
  assignedTo: string | null = null,
): Promise<CaseDetail | null> {
  const statement = caseDetailStatement(db, assignedTo !== null && assignedTo !== '');
  const [found] = await statement.execute({ caseId, organisationId, assignedTo });
  if (!found) {
    return null;
  }
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  return {
    row: found.row,
    stage: found.stage,
    identities: parse(found.identities),
    assignees: parse(found.assignees),
  };
}

/** The prepared query of `findCaseDetail`, restricted to cases assigned to a user or not. */
function caseDetailStatement(db: Db, assignedOnly: boolean) {
  const name = assignedOnly ? 'hw_case_detail_assigned' : 'hw_case_detail';
  return prepared(db, name, (d) =>
    d
      .select({
        row: cases,
        stage: currentStageSql,
        identities: identitiesJson,
        assignees: assigneesJson,
      })
      .from(cases)
      .where(
        and(
          eq(cases.id, sql.placeholder('caseId')),
          eq(cases.organisationId, sql.placeholder('organisationId')),
          assignedOnly
            ? sql`exists (select 1 from case_assignments a
                where a.case_id = "cases"."id" and a.user_id = ${sql.placeholder('assignedTo')})`
            : undefined,
        ),
      )
      .limit(1)
      .prepare(name),
  );
}

/** The case row, locked until the transaction ends (an edit reads it before writing). */
export async function findCaseForUpdate(
  tx: Db,
  organisationId: string,
  caseId: string,
): Promise<CaseRow | null> {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)))
    .for('update');
  return row ?? null;
}

/**
 * Applies `patch` if the stored version is still `expectedVersion`, bumping the version.
 * Returns null when someone else changed the case first.
 */
export async function updateCaseRow(
  tx: Db,
  where: { organisationId: string; caseId: string; expectedVersion: number },
  patch: Partial<CaseInsert>,
): Promise<CaseRow | null> {
  const { organisationId, caseId, expectedVersion } = where;
  const [row] = await tx
    .update(cases)
    .set({ ...patch, version: sql`${cases.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(cases.id, caseId),
        eq(cases.organisationId, organisationId),
        eq(cases.version, expectedVersion),
      ),
    )
    .returning();
  return row ?? null;
}
