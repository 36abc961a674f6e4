import { and, asc, eq, exists, gt, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { caseAssignments, cases, caseTasks, organisations, users } from '@/db/schema/index.ts';
import { isUuid } from '@/lib/ids.ts';
import type { TaskKind, TaskStatus } from './case-tasks.schema.ts';

/** A task row (title still encrypted) with its case number and assignee name. */
export interface TaskRow {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: TaskKind;
  titleEnc: string | null;
  dueOn: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  status: TaskStatus;
  completedAt: Date | null;
  createdAt: Date;
  /** The person's primary name as entered (names are not encrypted: search needs them). */
  person: { given: string | null; family: string | null; script: string | null } | null;
}

/** The primary identity of the task's case, as one JSON object. */
const personSql = sql<TaskRow['person']>`(select json_build_object('given', i.given,
  'family', i.family, 'script', i.script) from case_identities i where i.case_id = ${caseTasks.caseId}
  order by (i.kind = 'primary') desc, i.created_at limit 1)`;

export type TaskInsert = Pick<
  typeof caseTasks.$inferInsert,
  'id' | 'caseId' | 'kind' | 'titleEnc' | 'dueOn' | 'assigneeId' | 'createdBy'
>;
export type TaskPatch = Partial<
  Pick<
    typeof caseTasks.$inferInsert,
    'titleEnc' | 'dueOn' | 'assigneeId' | 'status' | 'completedAt'
  >
>;

function selectTasks(db: Db) {
  return db
    .select({
      id: caseTasks.id,
      caseId: caseTasks.caseId,
      caseNumber: cases.caseNumber,
      kind: caseTasks.kind,
      titleEnc: caseTasks.titleEnc,
      dueOn: caseTasks.dueOn,
      assigneeId: caseTasks.assigneeId,
      assigneeName: users.displayName,
      status: caseTasks.status,
      completedAt: caseTasks.completedAt,
      createdAt: caseTasks.createdAt,
      person: personSql,
    })
    .from(caseTasks)
    .innerJoin(cases, eq(cases.id, caseTasks.caseId))
    .leftJoin(users, eq(users.id, caseTasks.assigneeId));
}

const dueOrder = [sql`${caseTasks.dueOn} asc nulls last`, asc(caseTasks.id)];

/** The tasks of one case of the organisation, by due date (undated last). */
export async function listCaseTasks(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<TaskRow[]> {
  return selectTasks(db)
    .where(and(eq(caseTasks.organisationId, organisationId), eq(caseTasks.caseId, caseId)))
    .orderBy(...dueOrder)
    .limit(1000);
}

/** One task of a case of the organisation; null when unknown (or not a uuid). */
export async function findTask(
  db: Db,
  organisationId: string,
  caseId: string,
  taskId: string,
): Promise<TaskRow | null> {
  if (!isUuid(taskId)) {
    return null;
  }
  const [row] = await selectTasks(db)
    .where(
      and(
        eq(caseTasks.id, taskId),
        eq(caseTasks.caseId, caseId),
        eq(caseTasks.organisationId, organisationId),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Inserts tasks (titles already encrypted) into a case of the organisation. */
export async function insertTasks(
  tx: Db,
  organisationId: string,
  rows: TaskInsert[],
): Promise<void> {
  if (rows.length > 0) {
    await tx.insert(caseTasks).values(rows.map((r) => ({ ...r, organisationId })));
  }
}

/** Applies `patch` to one task; false when it does not exist. */
export async function updateTaskRow(
  tx: Db,
  organisationId: string,
  taskId: string,
  patch: TaskPatch,
): Promise<boolean> {
  const rows = await tx
    .update(caseTasks)
    .set(patch)
    .where(and(eq(caseTasks.id, taskId), eq(caseTasks.organisationId, organisationId)))
    .returning({ id: caseTasks.id });
  return rows.length > 0;
}

/** Filters of a task list across cases. */
export interface TaskFilter {
  organisationId: string;
  /** Only cases assigned to this user (caseworkers); null for every case of the organisation. */
  assignedTo: string | null;
  assigneeId?: string | undefined;
  status?: TaskStatus | undefined;
  /** Only open tasks due before this date. */
  overdueBefore?: string | undefined;
  /** Only open tasks due on or after the first date and before the second. */
  dueBetween?: [string, string] | undefined;
  /** Keyset cursor: due date (null = undated) and id of the last row of the previous page. */
  after?: { dueOn: string | null; id: string } | undefined;
  limit: number;
}

function afterCursor(after: TaskFilter['after']): SQL | undefined {
  if (!after) {
    return undefined;
  }
  if (after.dueOn === null) {
    return and(isNull(caseTasks.dueOn), gt(caseTasks.id, after.id));
  }
  return or(
    gt(caseTasks.dueOn, after.dueOn),
    and(eq(caseTasks.dueOn, after.dueOn), gt(caseTasks.id, after.id)),
    isNull(caseTasks.dueOn),
  );
}

/** Tasks across the cases the caller may see, by due date (undated last); `limit + 1` rows. */
export async function listTaskRows(db: Db, f: TaskFilter): Promise<TaskRow[]> {
  const visible = f.assignedTo
    ? exists(
        db
          .select({ one: caseAssignments.caseId })
          .from(caseAssignments)
          .where(
            and(
              eq(caseAssignments.caseId, caseTasks.caseId),
              eq(caseAssignments.userId, f.assignedTo),
            ),
          ),
      )
    : undefined;
  return selectTasks(db)
    .where(
      and(
        eq(caseTasks.organisationId, f.organisationId),
        eq(cases.organisationId, f.organisationId),
        visible,
        f.assigneeId ? eq(caseTasks.assigneeId, f.assigneeId) : undefined,
        f.status ? eq(caseTasks.status, f.status) : undefined,
        f.overdueBefore
          ? and(eq(caseTasks.status, 'open'), lt(caseTasks.dueOn, f.overdueBefore))
          : undefined,
        f.dueBetween
          ? and(
              eq(caseTasks.status, 'open'),
              gte(caseTasks.dueOn, f.dueBetween[0]),
              lt(caseTasks.dueOn, f.dueBetween[1]),
            )
          : undefined,
        afterCursor(f.after),
      ),
    )
    .orderBy(...dueOrder)
    .limit(f.limit + 1);
}

/** The organisation's follow-up schedule, in months after return. */
export async function followUpMonthsOf(db: Db, organisationId: string): Promise<number[]> {
  const [row] = await db
    .select({ months: organisations.followUpMonths })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .limit(1);
  return row?.months ?? [];
}

/** The user first assigned to a case, or null. */
export async function firstAssignee(
  db: Db,
  organisationId: string,
  caseId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ userId: caseAssignments.userId })
    .from(caseAssignments)
    .where(
      and(eq(caseAssignments.caseId, caseId), eq(caseAssignments.organisationId, organisationId)),
    )
    .orderBy(asc(caseAssignments.createdAt), asc(caseAssignments.userId))
    .limit(1);
  return row?.userId ?? null;
}

/** Which of `dates` already have a task of `kind` on the case. */
export async function existingDueDates(
  db: Db,
  organisationId: string,
  { caseId, kind, dates }: { caseId: string; kind: TaskKind; dates: string[] },
): Promise<string[]> {
  if (dates.length === 0) {
    return [];
  }
  const rows = await db
    .select({ dueOn: caseTasks.dueOn })
    .from(caseTasks)
    .where(
      and(
        eq(caseTasks.organisationId, organisationId),
        eq(caseTasks.caseId, caseId),
        eq(caseTasks.kind, kind),
        inArray(caseTasks.dueOn, dates),
      ),
    );
  return rows.flatMap((r) => (r.dueOn ? [r.dueOn] : []));
}

/** Locks a case row until the transaction ends (serialises follow-up scheduling per case). */
export async function lockCase(tx: Db, organisationId: string, caseId: string): Promise<void> {
  await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.organisationId, organisationId)))
    .for('update');
}
