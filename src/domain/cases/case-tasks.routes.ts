import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import { createFollowUps } from './case-followups.service.ts';
import {
  FollowUpCreateSchema,
  TaskCreateSchema,
  TaskListSchema,
  TaskPageSchema,
  TaskParamsSchema,
  TaskQuerySchema,
  TaskSchema,
  TaskUpdateSchema,
} from './case-tasks.schema.ts';
import { createTask, listTasks, listTasksOfCase, updateTask } from './case-tasks.service.ts';
import { TaskAssigneeListSchema } from './case-task-assignees.schema.ts';
import { listTaskAssignees } from './case-task-assignees.service.ts';
import { CaseIdParamsSchema } from './case-views.schema.ts';

/** Tasks and follow-ups. */
export const caseTasksRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/cases/:caseId/tasks',
    {
      schema: {
        summary: 'Tasks and follow-ups of a case',
        tags: ['tasks'],
        params: CaseIdParamsSchema,
        response: { 200: TaskListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listTasksOfCase(request.ctx, request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/tasks',
    {
      schema: {
        summary: 'Add a task to a case',
        tags: ['tasks'],
        params: CaseIdParamsSchema,
        body: TaskCreateSchema,
        response: { 201: TaskSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createTask(request.ctx, request.params.caseId, request.body)),
  );

  app.patch(
    '/api/cases/:caseId/tasks/:taskId',
    {
      schema: {
        summary: 'Edit, complete or reopen a task',
        tags: ['tasks'],
        params: TaskParamsSchema,
        body: TaskUpdateSchema,
        response: { 200: TaskSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) =>
      updateTask(request.ctx, request.params.caseId, request.params.taskId, request.body),
  );

  app.get(
    '/api/cases/:caseId/task-assignees',
    {
      schema: {
        summary: 'Colleagues a task of this case may be given to (who may work on the case)',
        tags: ['tasks'],
        params: CaseIdParamsSchema,
        response: { 200: TaskAssigneeListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listTaskAssignees(request.ctx, request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/follow-ups',
    {
      schema: {
        summary: "Schedule the organisation's follow-ups from a return date (existing ones kept)",
        tags: ['tasks'],
        params: CaseIdParamsSchema,
        body: FollowUpCreateSchema,
        response: { 201: TaskListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createFollowUps(request.ctx, request.params.caseId, request.body)),
  );

  app.get(
    '/api/tasks',
    {
      schema: {
        summary: 'Tasks across the cases you may see ("my tasks" with assignee=me)',
        tags: ['tasks'],
        querystring: TaskQuerySchema,
        response: { 200: TaskPageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listTasks(request.ctx, request.query),
  );
};
