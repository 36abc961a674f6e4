import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AUTHED_PROBLEMS, problems } from '@/lib/problem.schema.ts';
import { findDuplicates, listCases } from './case-list.service.ts';
import {
  CaseIdParamsSchema,
  CasePageSchema,
  CaseListQuerySchema,
  CaseSchema,
  DuplicateListSchema,
  DuplicateQuerySchema,
} from './case-views.schema.ts';
import { CaseCreateSchema, CaseUpdateSchema } from './cases.schema.ts';
import { createCase, getCase, updateCase } from './cases.service.ts';

const IfMatchSchema = z.object({ 'if-match': z.string().max(40).optional() }).loose();

/** `If-Match: "3"` or `If-Match: 3` → 3. */
function parseIfMatch(value: string | undefined): number | undefined {
  const n = value ? Number.parseInt(value.replace(/^W\//, '').replace(/"/g, ''), 10) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** The survivor's record: register, list and search, open, edit. */
export const casesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/cases',
    {
      schema: {
        summary: 'Register a person and open their case',
        tags: ['cases'],
        body: CaseCreateSchema,
        response: { 201: CaseSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createCase(request.ctx, request.body)),
  );

  app.get(
    '/api/cases',
    {
      schema: {
        summary: 'List and search cases (name in any script, case number; filters)',
        tags: ['cases'],
        querystring: CaseListQuerySchema,
        response: { 200: CasePageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listCases(request.ctx, request.query),
  );

  app.get(
    '/api/cases/duplicates',
    {
      schema: {
        summary: 'Likely duplicates of a person about to be registered',
        tags: ['cases'],
        querystring: DuplicateQuerySchema,
        response: { 200: DuplicateListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => ({ items: await findDuplicates(request.ctx, request.query) }),
  );

  app.get(
    '/api/cases/:caseId',
    {
      schema: {
        summary: 'Open a case (audited)',
        tags: ['cases'],
        params: CaseIdParamsSchema,
        response: { 200: CaseSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      const found = await getCase(request.ctx, request.params.caseId);
      return reply.header('etag', `"${found.version}"`).send(found);
    },
  );

  app.patch(
    '/api/cases/:caseId',
    {
      schema: {
        summary: 'Edit a case (send the version you edited, or If-Match; stale → 409)',
        tags: ['cases'],
        params: CaseIdParamsSchema,
        headers: IfMatchSchema,
        body: CaseUpdateSchema,
        response: { 200: CaseSchema, ...AUTHED_PROBLEMS, ...problems(428) },
      },
    },
    async (request, reply) => {
      const updated = await updateCase(
        request.ctx,
        request.params.caseId,
        request.body,
        parseIfMatch(request.headers['if-match']),
      );
      return reply.header('etag', `"${updated.version}"`).send(updated);
    },
  );
};
