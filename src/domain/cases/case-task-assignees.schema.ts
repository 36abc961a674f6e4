import { z } from 'zod';

/** A colleague a task of a case may be given to (see `listTaskAssignees`). */
export const TaskAssigneeSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.string(),
});
export type TaskAssignee = z.infer<typeof TaskAssigneeSchema>;

export const TaskAssigneeListSchema = z.object({ items: z.array(TaskAssigneeSchema) });
export type TaskAssigneeList = z.infer<typeof TaskAssigneeListSchema>;
