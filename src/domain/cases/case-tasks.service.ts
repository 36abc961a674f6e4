import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import type { FieldCipher } from '@/lib/crypto.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { findOrFail } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '@/lib/pagination.ts';
import { assignedOnlyFilter, requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { sensitiveCipher } from '@/policy/sensitive-fields.ts';
import {
  findTask,
  insertTasks,
  listCaseTasks,
  listTaskRows,
  updateTaskRow,
  type TaskPatch,
  type TaskRow,
} from './case-tasks.repository.ts';
import type {
  Task,
  TaskCreate,
  TaskList,
  TaskPage,
  TaskQuery,
  TaskUpdate,
} from './case-tasks.schema.ts';
import { assertTaskAssignee } from './case-task-assignees.service.ts';
import { displayName } from './display-name.ts';

const titleAad = (taskId: string) => FIELDS.taskTitle.aad(taskId);

/** A task title encrypted for its row (task ids are part of the AAD). */
export function encryptTitle(cipher: FieldCipher, taskId: string, title: string): string {
  return cipher.encrypt(title, titleAad(taskId));
}

/** A task's title in clear; null (not decrypted) without a cipher, i.e. for viewers. */
function openTitle(cipher: FieldCipher | null, row: TaskRow): string | null {
  if (!cipher) {
    return null;
  }
  // Null only before the start-up step has encrypted a pre-0008 title.
  return row.titleEnc ? cipher.decrypt(row.titleEnc, titleAad(row.id)) : '';
}

/**
 * Maps a task row to the API shape; `overdue` is judged against `today`. The title is decrypted
 * only with a `cipher`: pass `sensitiveCipher(actor, ctx.cipher)`, so viewers get null.
 */
export function toTask(cipher: FieldCipher | null, row: TaskRow, today: string): Task {
  const status = row.status;
  return {
    id: row.id,
    caseId: row.caseId,
    caseNumber: row.caseNumber,
    personName: displayName(row.person?.given, row.person?.family, row.person?.script),
    kind: row.kind,
    title: openTitle(cipher, row),
    dueOn: row.dueOn,
    assigneeId: row.assigneeId,
    assigneeName: row.assigneeName,
    status,
    overdue: status === 'open' && row.dueOn !== null && row.dueOn < today,
    completedAt: row.completedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The tasks and follow-ups of a case (`case.read`; titles only with `case.read_sensitive`).
 * Audited as `case.tasks.read` with the ids returned.
 */
export async function listTasksOfCase(ctx: Ctx, caseId: string): Promise<TaskList> {
  const actor = await requireAccess(ctx, 'case.read', [{ type: 'case', id: caseId }]);
  const rows = await listCaseTasks(ctx.db, actor.organisationId, caseId);
  const today = utcDay(ctx.now());
  const cipher = sensitiveCipher(actor, ctx.cipher);
  const items = rows.map((r) => toTask(cipher, r, today));
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.tasks.read',
    entityType: 'case',
    entityId: caseId,
    details: { count: items.length, taskIds: items.map((i) => i.id), sensitive: cipher !== null },
  });
  return { items };
}

/** Adds a task to a case (`case.update`). Throws `validation_failed` for a bad assignee. */
export async function createTask(ctx: Ctx, caseId: string, input: TaskCreate): Promise<Task> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  if (input.assigneeId) {
    await assertTaskAssignee(ctx, actor, caseId, input.assigneeId);
  }
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    await insertTasks(tx, actor.organisationId, [
      {
        id,
        caseId,
        kind: input.kind,
        titleEnc: encryptTitle(ctx.cipher, id, input.title),
        dueOn: input.dueOn ?? null,
        assigneeId: input.assigneeId ?? null,
        createdBy: actor.userId,
      },
    ]);
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'case.task.create',
      entityType: 'case',
      entityId: caseId,
      details: { taskId: id, kind: input.kind },
    });
  });
  return loadTask(ctx, actor, caseId, id);
}

async function loadTask(ctx: Ctx, actor: OrgActor, caseId: string, id: string): Promise<Task> {
  const row = await findOrFail(
    findTask(ctx.db, actor.organisationId, caseId, id),
    'task_not_found',
  );
  return toTask(sensitiveCipher(actor, ctx.cipher), row, utcDay(ctx.now()));
}

/**
 * Edits a task (`case.update`). Marking it done sets `completedAt`; reopening clears it.
 * Throws `task_not_found` for a task not on this case.
 */
export async function updateTask(
  ctx: Ctx,
  caseId: string,
  taskId: string,
  input: TaskUpdate,
): Promise<Task> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  const current = await findOrFail(
    findTask(ctx.db, actor.organisationId, caseId, taskId),
    'task_not_found',
  );
  if (input.assigneeId) {
    await assertTaskAssignee(ctx, actor, caseId, input.assigneeId);
  }
  const { title, ...rest } = input;
  const patch: TaskPatch = {
    ...rest,
    ...(title !== undefined && { titleEnc: encryptTitle(ctx.cipher, taskId, title) }),
  };
  if (input.status && input.status !== current.status) {
    patch.completedAt = input.status === 'done' ? ctx.now() : null;
  }
  await ctx.db.transaction(async (tx) => {
    if (Object.keys(patch).length > 0) {
      await updateTaskRow(tx, actor.organisationId, taskId, patch);
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'case.task.update',
      entityType: 'case',
      entityId: caseId,
      details: { taskId, fields: Object.keys(input), status: input.status ?? null },
    });
  });
  return loadTask(ctx, actor, caseId, taskId);
}

function parseTaskCursor(
  cursor: string | undefined,
): { dueOn: string | null; id: string } | undefined {
  const [due, id] = decodeCursor(cursor)?.split('|') ?? [];
  if (due === undefined || !id || !/^[0-9a-f-]{36}$/.test(id)) {
    return undefined;
  }
  if (due === '') {
    return { dueOn: null, id };
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(due) ? { dueOn: due, id } : undefined;
}

/**
 * Tasks across the cases the caller may see (`case.read`; caseworkers only on cases assigned
 * to them), by due date with undated tasks last. `assignee=me` is "my tasks". Titles only with
 * `case.read_sensitive`. Audited as `case.tasks.list` with the case and task ids returned.
 */
export async function listTasks(ctx: Ctx, q: TaskQuery): Promise<TaskPage> {
  const actor = await requireAccess(ctx, 'case.read');
  const today = utcDay(ctx.now());
  const assigneeId =
    q.assignee === 'me' ? (actor.userId ?? '00000000-0000-0000-0000-000000000000') : q.assignee;
  const rows = await listTaskRows(ctx.db, {
    organisationId: actor.organisationId,
    assignedTo: assignedOnlyFilter(actor),
    assigneeId,
    status: q.status,
    overdueBefore: q.overdue === 'true' ? today : undefined,
    after: parseTaskCursor(q.cursor),
    limit: q.limit,
  });
  const cipher = sensitiveCipher(actor, ctx.cipher);
  const page = toPage(rows, q.limit, (last) => encodeCursor(`${last.dueOn ?? ''}|${last.id}`));
  const items = page.items.map((r) => toTask(cipher, r, today));
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.tasks.list',
    entityType: 'case',
    details: {
      filters: Object.keys(q).filter((k) => !['cursor', 'limit'].includes(k)),
      caseIds: [...new Set(items.map((i) => i.caseId))],
      taskIds: items.map((i) => i.id),
      sensitive: cipher !== null,
    },
  });
  return { items, nextCursor: page.nextCursor };
}
