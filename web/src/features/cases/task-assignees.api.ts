import type { TaskAssigneeList } from '@/domain/cases/case-task-assignees.schema.ts';
import { api } from '@web/lib/api';

export type { TaskAssignee } from '@/domain/cases/case-task-assignees.schema.ts';

/** `GET /api/cases/:id/task-assignees`: who may be given a task of this case. */
export function listTaskAssignees(caseId: string, signal?: AbortSignal) {
  return api
    .get<TaskAssigneeList>(`/api/cases/${encodeURIComponent(caseId)}/task-assignees`, { signal })
    .then((list) => list.items);
}
