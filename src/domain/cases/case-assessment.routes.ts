import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Needs assessment and case plan. */
export const caseAssessmentRoutes: FastifyPluginAsyncZod = async () => {};
