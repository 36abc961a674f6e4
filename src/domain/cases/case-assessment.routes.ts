import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import {
  AssessmentSchema,
  NeedListSchema,
  NeedParamsSchema,
  NeedSchema,
  NeedUpdateSchema,
  NeedsUpdateSchema,
  PlanItemCreateSchema,
  PlanItemParamsSchema,
  PlanItemSchema,
  PlanItemUpdateSchema,
} from './case-assessment.schema.ts';
import {
  createPlanItem,
  getAssessment,
  setNeed,
  setNeeds,
  updatePlanItem,
} from './case-assessment.service.ts';
import { CaseIdParamsSchema } from './case-views.schema.ts';

/** Needs assessment and case plan. */
export const caseAssessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/cases/:caseId/assessment',
    {
      schema: {
        summary: 'Needs assessment and case plan (goals need sensitive access; audited)',
        tags: ['assessment'],
        params: CaseIdParamsSchema,
        response: { 200: AssessmentSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getAssessment(request.ctx, request.params.caseId),
  );

  app.put(
    '/api/cases/:caseId/assessment/needs',
    {
      schema: {
        summary: 'Save the needs assessment as one form (the domains that changed)',
        tags: ['assessment'],
        params: CaseIdParamsSchema,
        body: NeedsUpdateSchema,
        response: { 200: NeedListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => setNeeds(request.ctx, request.params.caseId, request.body),
  );

  app.put(
    '/api/cases/:caseId/assessment/needs/:domain',
    {
      schema: {
        summary: 'Record the level and goals of one need',
        tags: ['assessment'],
        params: NeedParamsSchema,
        body: NeedUpdateSchema,
        response: { 200: NeedSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) =>
      setNeed(request.ctx, request.params.caseId, request.params.domain, request.body),
  );

  app.post(
    '/api/cases/:caseId/plan-items',
    {
      schema: {
        summary: 'Add an action to the case plan',
        tags: ['assessment'],
        params: CaseIdParamsSchema,
        body: PlanItemCreateSchema,
        response: { 201: PlanItemSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createPlanItem(request.ctx, request.params.caseId, request.body)),
  );

  app.patch(
    '/api/cases/:caseId/plan-items/:itemId',
    {
      schema: {
        summary: 'Edit a case plan item',
        tags: ['assessment'],
        params: PlanItemParamsSchema,
        body: PlanItemUpdateSchema,
        response: { 200: PlanItemSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) =>
      updatePlanItem(request.ctx, request.params.caseId, request.params.itemId, request.body),
  );
};
