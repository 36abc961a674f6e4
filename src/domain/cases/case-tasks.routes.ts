import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Tasks and follow-ups. */
export const caseTasksRoutes: FastifyPluginAsyncZod = async () => {};
