import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CaseIdParamsSchema } from '@/domain/cases/index.ts';
import { AUTHED_PROBLEMS, problems } from '@/lib/problem.schema.ts';
import { InstrumentSchema } from './instrument.schema.ts';
import {
  createInstrument,
  getInstrument,
  getInstrumentDocument,
  listInstrumentVersions,
  listInstruments,
} from './screening-instruments.service.ts';
import { getScreening, listCaseScreenings } from './screening-reads.service.ts';
import {
  InstrumentIdParamsSchema,
  InstrumentListQuerySchema,
  InstrumentListSchema,
  InstrumentParamsSchema,
  InstrumentViewSchema,
  ScreeningCreateSchema,
  ScreeningListSchema,
  ScreeningParamsSchema,
  ScreeningSchema,
  ScreeningSummarySchema,
  ScreeningUpdateSchema,
} from './screening-views.schema.ts';
import { approveScreening } from './screening-approve.service.ts';
import { createScreening, updateScreening } from './screenings.service.ts';
import { ReportBodySchema, ReportQuerySchema } from './report/report.schema.ts';
import { screeningReport } from './report/report.service.ts';

const IfMatchSchema = z.object({ 'if-match': z.string().max(40).optional() }).loose();

/** `If-Match: "3"` or `If-Match: 3` → 3. */
function parseIfMatch(value: string | undefined): number | undefined {
  const n = value ? Number.parseInt(value.replace(/^W\//, '').replace(/"/g, ''), 10) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

const tags = ['screening'];

/** Screening instruments, and the trafficking-indicator screenings of a case. */
export const screeningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/screening/instruments',
    {
      schema: {
        summary: 'The latest version of every instrument (built-in and the organisation’s own)',
        description: 'Texts in `lang` (default en); English where a text is not translated.',
        tags,
        querystring: InstrumentListQuerySchema,
        response: { 200: InstrumentListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listInstruments(request.ctx, request.query),
  );

  app.get(
    '/api/screening/instruments/:instrumentId/versions/:version',
    {
      schema: {
        summary: 'One version of an instrument (an interview or report of an older version)',
        tags,
        params: InstrumentParamsSchema,
        querystring: InstrumentListQuerySchema,
        response: { 200: InstrumentViewSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getInstrument(request.ctx, request.params, request.query),
  );

  app.get(
    '/api/screening/instruments/:instrumentId/versions',
    {
      schema: {
        summary: 'Every version of an instrument the organisation may use, oldest first',
        tags,
        params: InstrumentIdParamsSchema,
        querystring: InstrumentListQuerySchema,
        response: { 200: InstrumentListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) =>
      listInstrumentVersions(request.ctx, request.params.instrumentId, request.query),
  );

  app.get(
    '/api/screening/instruments/:instrumentId/versions/:version/document',
    {
      schema: {
        summary: 'One version of an instrument, whole, as published (every language and source)',
        description: 'The body a new version starts from (POST /api/screening/instruments).',
        tags,
        params: InstrumentParamsSchema,
        response: { 200: InstrumentSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getInstrumentDocument(request.ctx, request.params),
  );

  app.post(
    '/api/screening/instruments',
    {
      schema: {
        summary: 'Publish an instrument version (own: org admin; built-in id: platform admin)',
        tags,
        body: InstrumentSchema,
        response: { 201: InstrumentViewSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createInstrument(request.ctx, request.body)),
  );

  app.post(
    '/api/cases/:caseId/screenings',
    {
      schema: {
        summary: 'Record a screening (scored and stored unless in progress; audited)',
        tags,
        params: CaseIdParamsSchema,
        body: ScreeningCreateSchema,
        response: { 201: ScreeningSummarySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createScreening(request.ctx, request.params.caseId, request.body)),
  );

  app.get(
    '/api/cases/:caseId/screenings',
    {
      schema: {
        summary: 'The screenings of a case with their stored results (audited)',
        tags,
        params: CaseIdParamsSchema,
        response: { 200: ScreeningListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listCaseScreenings(request.ctx, request.params.caseId),
  );

  app.get(
    '/api/cases/:caseId/screenings/:screeningId',
    {
      schema: {
        summary: 'One screening with its answers (evidence notes need sensitive access; audited)',
        tags,
        params: ScreeningParamsSchema,
        response: { 200: ScreeningSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      const found = await getScreening(
        request.ctx,
        request.params.caseId,
        request.params.screeningId,
      );
      return reply.header('etag', `"${found.version}"`).send(found);
    },
  );

  app.patch(
    '/api/cases/:caseId/screenings/:screeningId',
    {
      schema: {
        summary: 'Edit a screening in progress, complete it, or edit the statement until approval',
        tags,
        params: ScreeningParamsSchema,
        headers: IfMatchSchema,
        body: ScreeningUpdateSchema,
        response: { 200: ScreeningSummarySchema, ...AUTHED_PROBLEMS, ...problems(428) },
      },
    },
    async (request, reply) => {
      const updated = await updateScreening(
        request.ctx,
        { ...request.params, ifMatch: parseIfMatch(request.headers['if-match']) },
        request.body,
      );
      return reply.header('etag', `"${updated.version}"`).send(updated);
    },
  );

  app.post(
    '/api/cases/:caseId/screenings/:screeningId/approve',
    {
      schema: {
        summary: 'Approve a complete screening (supervisors, admins; the statement is final)',
        tags,
        params: ScreeningParamsSchema,
        response: { 200: ScreeningSummarySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) =>
      approveScreening(request.ctx, request.params.caseId, request.params.screeningId),
  );

  app.get(
    '/api/cases/:caseId/screenings/:screeningId/report.pdf',
    {
      schema: {
        summary: 'The non-punishment evidence report (PDF; DRAFT until approved; audited)',
        description:
          'A complete screening not yet approved gives the internal DRAFT (no authority, no consent: it does not leave the organisation). An approved one gives the final report for `authorityName` + `authorityKind`, only under the person’s consent for legal proceedings naming that authority and covering `assessment` (identity shown only when covered too); without them 400 or 403 `consent_required`. Under the child rules a guardian or best-interest record is required.',
        tags,
        params: ScreeningParamsSchema,
        querystring: ReportQuerySchema,
        produces: ['application/pdf'],
        response: { 200: ReportBodySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      const report = await screeningReport(request.ctx, request.params, request.query);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${report.fileName}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(report.pdf);
    },
  );
};
