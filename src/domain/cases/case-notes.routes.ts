import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Case notes. */
export const caseNotesRoutes: FastifyPluginAsyncZod = async () => {};
