import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import { createCaseEvent, listCaseEvents } from './case-events.service.ts';
import { CaseEventListSchema, CaseEventSchema, EventCreateSchema } from './case-journey.schema.ts';
import { CaseIdParamsSchema } from './case-views.schema.ts';

/** Journey timeline events of a case. */
export const caseEventsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/cases/:caseId/events',
    {
      schema: {
        summary: 'Journey timeline of a case, oldest first (notes need sensitive access; audited)',
        tags: ['cases'],
        params: CaseIdParamsSchema,
        response: { 200: CaseEventListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => ({ items: await listCaseEvents(request.ctx, request.params.caseId) }),
  );

  app.post(
    '/api/cases/:caseId/events',
    {
      schema: {
        summary: 'Record a dated journey event (the case stage follows the latest event)',
        tags: ['cases'],
        params: CaseIdParamsSchema,
        body: EventCreateSchema,
        response: { 201: CaseEventSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCaseEvent(request.ctx, request.params.caseId, request.body)),
  );
};
