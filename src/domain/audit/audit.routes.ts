import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import { AuditPageSchema, AuditQuerySchema } from './audit.schema.ts';
import { listAudit } from './audit.service.ts';

/** The audit log of the caller's organisation (admins). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        summary: "Your organisation's audit log, newest first",
        tags: ['audit'],
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listAudit(request.ctx, request.query),
  );
};
