import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Journey timeline events of a case. */
export const caseEventsRoutes: FastifyPluginAsyncZod = async () => {};
