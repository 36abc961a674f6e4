import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Consent records of a case, and the consent check. */
export const consentRoutes: FastifyPluginAsyncZod = async () => {};
