import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS, EmptySchema } from '@/lib/problem.schema.ts';
import {
  DRAFT_MAX_BYTES,
  DraftParamsSchema,
  DraftPutSchema,
  DraftSchema,
} from './drafts.schema.ts';
import { deleteDraft, getDraft, saveDraft } from './drafts.service.ts';

/** Room for the JSON envelope and escaping around a body of DRAFT_MAX_BYTES. */
const DRAFT_BODY_LIMIT = 2 * DRAFT_MAX_BYTES;

/** Unsaved form input kept as the person types: per user and form, encrypted, expiring. */
export const draftsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/drafts/:formKey',
    {
      schema: {
        summary: 'Your own draft of a form (browser sessions only; audited)',
        tags: ['drafts'],
        params: DraftParamsSchema,
        response: { 200: DraftSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getDraft(request.ctx, request.params.formKey),
  );

  app.put(
    '/api/drafts/:formKey',
    {
      bodyLimit: DRAFT_BODY_LIMIT,
      schema: {
        summary: 'Save your draft of a form (send the version you last saw)',
        tags: ['drafts'],
        params: DraftParamsSchema,
        body: DraftPutSchema,
        response: { 200: DraftSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => saveDraft(request.ctx, request.params.formKey, request.body),
  );

  app.delete(
    '/api/drafts/:formKey',
    {
      schema: {
        summary: 'Delete your draft of a form (after saving or discarding it)',
        tags: ['drafts'],
        params: DraftParamsSchema,
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await deleteDraft(request.ctx, request.params.formKey);
      return reply.code(204).send(null);
    },
  );
};
