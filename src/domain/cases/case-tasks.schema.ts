import { z } from 'zod';
import { PageQuerySchema } from '@/lib/page-query.schema.ts';
import { IsoDateSchema } from './cases.schema.ts';

export const TASK_KINDS = ['task', 'follow_up'] as const;
export const TaskKindSchema = z.enum(TASK_KINDS);
export type TaskKind = z.infer<typeof TaskKindSchema>;

export const TASK_STATUSES = ['open', 'done'] as const;
export const TaskStatusSchema = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** A short line of text: trimmed, no control characters. */
const TitleSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[^\p{Cc}]*$/u, 'Control characters are not allowed');

/** A task or follow-up on a case. `overdue`: open and due before today (UTC). */
export const TaskSchema = z.object({
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  /** The person's name as entered (the web shows initials when names are hidden). */
  personName: z.string(),
  kind: TaskKindSchema,
  /** Null for callers without `case.read_sensitive` (viewers): titles are sensitive. */
  title: z.string().nullable(),
  dueOn: z.string().nullable(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  status: TaskStatusSchema,
  overdue: z.boolean(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskCreateSchema = z
  .object({
    title: TitleSchema,
    dueOn: IsoDateSchema.optional(),
    assigneeId: z.uuid().optional(),
    kind: TaskKindSchema.default('task'),
  })
  .strict();
export type TaskCreate = z.infer<typeof TaskCreateSchema>;

export const TaskUpdateSchema = z
  .object({
    title: TitleSchema.optional(),
    dueOn: IsoDateSchema.nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    status: TaskStatusSchema.optional(),
  })
  .strict();
export type TaskUpdate = z.infer<typeof TaskUpdateSchema>;

export const TaskListSchema = z.object({ items: z.array(TaskSchema) });
export type TaskList = z.infer<typeof TaskListSchema>;

export const TaskPageSchema = z.object({
  items: z.array(TaskSchema),
  nextCursor: z.string().nullable(),
});
export type TaskPage = z.infer<typeof TaskPageSchema>;

/** `GET /api/tasks`: "my tasks" and other task lists across visible cases. */
export const TaskQuerySchema = PageQuerySchema.extend({
  assignee: z.union([z.literal('me'), z.uuid()]).optional(),
  status: TaskStatusSchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
}).strict();
export type TaskQuery = z.infer<typeof TaskQuerySchema>;

export const TaskParamsSchema = z
  .object({ caseId: z.string().max(64), taskId: z.string().max(64) })
  .strict();

export const FollowUpCreateSchema = z.object({ from: IsoDateSchema }).strict();
export type FollowUpCreate = z.infer<typeof FollowUpCreateSchema>;
