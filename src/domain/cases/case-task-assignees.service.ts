import { recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { ROLE_PERMISSIONS, ROLES } from '@/policy/roles.ts';
import { caseWorkers, type WorkerRoles } from './case-task-assignees.repository.ts';
import type { TaskAssigneeList } from './case-task-assignees.schema.ts';

/**
 * The roles that work on cases (`case.update`), split by whether they see every case
 * (`case.read_all`) or only the cases assigned to them: derived from the one role table.
 */
function workerRoles(): WorkerRoles {
  const working = ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('case.update'));
  const everyCase = working.filter((role) => ROLE_PERMISSIONS[role].includes('case.read_all'));
  return {
    everyCase,
    assignedCases: working.filter((role) => !everyCase.includes(role)),
  };
}

/**
 * Throws `validation_failed` (path `assigneeId`) unless the user may work on the case: an
 * enabled member of the actor's organisation whose role works on every case, or who is
 * assigned to this one. A task given to anyone else would sit where they cannot open it.
 */
export async function assertTaskAssignee(
  ctx: Ctx,
  actor: OrgActor,
  caseId: string,
  userId: string,
): Promise<void> {
  const found = await caseWorkers(ctx.db, actor.organisationId, {
    caseId,
    roles: workerRoles(),
    ids: [userId],
  });
  if (found.length === 0) {
    throw new AppError('validation_failed', 'Choose someone who works on this case', {
      errors: [{ path: 'assigneeId', message: 'Not a colleague who may work on this case' }],
    });
  }
}

/**
 * The colleagues a task of the case may be given to (`case.update` on the case), by name.
 * Audited as `case.task_assignees.read`.
 */
export async function listTaskAssignees(ctx: Ctx, caseId: string): Promise<TaskAssigneeList> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  const items = await caseWorkers(ctx.db, actor.organisationId, { caseId, roles: workerRoles() });
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.task_assignees.read',
    entityType: 'case',
    entityId: caseId,
    details: { count: items.length },
  });
  return { items };
}
