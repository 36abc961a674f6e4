import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '@/lib/errors.ts';
import { problems } from '@/lib/problem.schema.ts';

const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
});

/** Liveness and database check for load balancers and monitoring. */
export function healthRoutes(version: string): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          summary: 'Health check: server and database are up',
          tags: ['health'],
          response: { 200: HealthSchema, ...problems(503) },
        },
      },
      async () => {
        try {
          await app.database.query('select 1');
        } catch {
          throw new AppError('database_unavailable');
        }
        return { status: 'ok' as const, database: app.database.kind, version };
      },
    );
  };
}
