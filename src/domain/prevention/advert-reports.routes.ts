import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { validationFailed } from '@/lib/errors.ts';
import { AUTHED_PROBLEMS, problems } from '@/lib/problem.schema.ts';
import { publicScope } from '@/server/plugins/public-scope.ts';
import {
  AdvertReportListQuerySchema,
  AdvertReportPageSchema,
  AdvertReportParamsSchema,
  AdvertReportReviewSchema,
  AdvertReportSchema,
  AssignmentListSchema,
  AssignmentViewSchema,
  IndicatorGroupListSchema,
  IndicatorGroupsQuerySchema,
  JobReportInputSchema,
  JobReportReceivedSchema,
  TrendQuerySchema,
  TrendSchema,
} from './advert-reports.schema.ts';
import {
  getReport,
  listGroups,
  listReports,
  reviewReport,
  submitReport,
} from './advert-reports.service.ts';
import { reportTrends } from './advert-trends.service.ts';
import { listAssignments, replaceAssignments } from './prevention-assignments.service.ts';
import { assertPublicTextInput, PUBLIC_BODY_LIMIT } from './public-input.ts';

const tags = ['prevention'];

/** The checker's input rules (413 for a long text, control characters 400), and the origin's. */
function assertReportInput(body: unknown): void {
  assertPublicTextInput(body);
  const origin = (body as { origin?: unknown } | null)?.origin;
  if (typeof origin === 'string' && /\p{Cc}/u.test(origin)) {
    throw validationFailed([
      { path: 'body.origin', message: 'Control characters are not allowed' },
    ]);
  }
}

/** Reports one client address may send per window: a person reports an advert or two. */
export const JOB_REPORT_RATE_LIMIT = { max: 10, timeWindowMs: 10 * 60_000 } as const;

/**
 * The public "Report this advert": no login (the auth plugin reads no cookie or token under
 * `/api/public/`), no cookie set, rate-limited per client address in memory by an HMAC of the
 * address. Nothing about the person is stored: see `submitReport`.
 */
const publicReportRoutes: FastifyPluginAsyncZod = async (app) => {
  await publicScope(app, 'Too many reports.');
  app.post(
    '/api/public/job-reports',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      config: {
        rateLimit: {
          max: JOB_REPORT_RATE_LIMIT.max,
          timeWindow: JOB_REPORT_RATE_LIMIT.timeWindowMs,
        },
      },
      preValidation: async (request) => assertReportInput(request.body),
      schema: {
        summary: 'Report a job advert anonymously (public; stores the advert, nothing about you)',
        tags,
        body: JobReportInputSchema,
        response: { 202: JobReportReceivedSchema, ...problems(400, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      await submitReport(request.ctx, request.body);
      return reply.code(202).send({ received: true });
    },
  );
};

/** Reviewing reported adverts, their shared indicators and trends (outreach teams). */
const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/prevention/reports',
    {
      schema: {
        summary:
          'Reported adverts of the caller’s organisation’s countries, newest first (audited)',
        tags,
        querystring: AdvertReportListQuerySchema,
        response: { 200: AdvertReportPageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listReports(request.ctx, request.query),
  );

  app.get(
    '/api/prevention/reports/:id',
    {
      schema: {
        summary: 'A reported advert with its indicators and how many other reports share each',
        tags,
        params: AdvertReportParamsSchema,
        response: { 200: AdvertReportSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getReport(request.ctx, request.params.id),
  );

  app.patch(
    '/api/prevention/reports/:id',
    {
      schema: {
        summary: 'Record a review of a reported advert: its status and a note',
        tags,
        params: AdvertReportParamsSchema,
        body: AdvertReportReviewSchema,
        response: { 200: AdvertReportSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => reviewReport(request.ctx, request.params.id, request.body),
  );

  app.get(
    '/api/prevention/indicators',
    {
      schema: {
        summary: 'Phones, links and handles found in several visible reports (audited)',
        tags,
        querystring: IndicatorGroupsQuerySchema,
        response: { 200: IndicatorGroupListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => ({ items: await listGroups(request.ctx, request.query) }),
  );

  app.get(
    '/api/prevention/trends',
    {
      schema: {
        summary: 'Visible reports per month by channel, destination or job title (audited)',
        tags,
        querystring: TrendQuerySchema,
        response: { 200: TrendSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => reportTrends(request.ctx, request.query),
  );
};

/** Which organisations review which countries' reports (platform admins in person). */
const assignmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/prevention/assignments',
    {
      schema: {
        summary: 'Organisations assigned to review the reported adverts of each country',
        tags,
        response: { 200: AssignmentViewSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listAssignments(request.ctx),
  );

  app.put(
    '/api/prevention/assignments',
    {
      schema: {
        summary: 'Replace every assignment of organisations to countries (platform admin)',
        tags,
        body: AssignmentListSchema,
        response: { 200: AssignmentViewSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => replaceAssignments(request.ctx, request.body),
  );
};

/** Every route of reported adverts. */
export const advertReportRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(publicReportRoutes);
  await app.register(reviewRoutes);
  await app.register(assignmentRoutes);
};
