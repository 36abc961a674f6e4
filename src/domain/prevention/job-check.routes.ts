import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { checkJob } from '@/domain/prevention/jobcheck/index.ts';
import {
  JobCheckInputSchema,
  JobCheckLanguageSchema,
  JobCheckResultSchema,
} from '@/domain/prevention/jobcheck/jobcheck.schema.ts';
import { problems } from '@/lib/problem.schema.ts';
import { publicScope } from '@/server/plugins/public-scope.ts';
import { negotiateJobCheckLanguage } from './job-check-language.ts';
import { assertPublicTextInput, PUBLIC_BODY_LIMIT } from './public-input.ts';

/** Checks one client address may make per window (a person checks a few adverts, an office more). */
export const JOB_CHECK_RATE_LIMIT = { max: 30, timeWindowMs: 60_000 } as const;

const JobCheckQuerySchema = z.strictObject({ lang: JobCheckLanguageSchema.optional() });

/**
 * The public job-offer checker: no login. Everything under `/api/public/` is anonymous by
 * construction — the auth plugin never reads a session cookie or token there (so there is no
 * session lookup, no CSRF token to send and no audit entry) and this scope strips any
 * Set-Cookie. Nothing is stored: the text is scored in memory and forgotten. Rate-limited per
 * client address in memory, keyed by an HMAC of the address (`anonymousClientKey`).
 */
export const jobCheckRoutes: FastifyPluginAsyncZod = async (app) => {
  await publicScope(app, 'Too many checks from this connection.');

  app.post(
    '/api/public/job-check',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: {
        rateLimit: {
          max: JOB_CHECK_RATE_LIMIT.max,
          timeWindow: JOB_CHECK_RATE_LIMIT.timeWindowMs,
        },
      },
      preValidation: async (request) => assertPublicTextInput(request.body),
      schema: {
        summary:
          'Check a job advert or recruiter message for trafficking and fraud risk (public, nothing stored)',
        tags: ['prevention'],
        querystring: JobCheckQuerySchema,
        body: JobCheckInputSchema,
        response: { 200: JobCheckResultSchema, ...problems(400, 413, 415, 429) },
      },
    },
    async (request) =>
      checkJob(
        request.body,
        negotiateJobCheckLanguage(request.query.lang, request.headers['accept-language']),
      ),
  );
};
