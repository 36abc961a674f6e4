import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Encrypted case attachments. */
export const caseAttachmentsRoutes: FastifyPluginAsyncZod = async () => {};
