import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import { HomeSchema } from './case-home.schema.ts';
import { getHome } from './case-home.service.ts';

/** The home page of someone who works with cases. */
export const caseHomeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/home',
    {
      schema: {
        summary: 'Your caseload, overdue and coming tasks, key dates and the cases you opened last',
        tags: ['tasks'],
        response: { 200: HomeSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getHome(request.ctx),
  );
};
