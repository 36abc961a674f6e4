import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS, EmptySchema } from '@/lib/problem.schema.ts';
import {
  DRAFT_MAX_BYTES,
  DraftParamsSchema,
  DraftPutSchema,
  DraftSchema,
} from './drafts.schema.ts';
import { deleteDraft, getDraft, purgeExpiredDrafts, saveDraft } from './drafts.service.ts';

/** Room for the JSON envelope and escaping around a body of DRAFT_MAX_BYTES. */
const DRAFT_BODY_LIMIT = 2 * DRAFT_MAX_BYTES;

/** How often the running server deletes expired drafts (also once when it starts). */
export const DRAFT_PURGE_EVERY_MS = 60 * 60_000;

/**
 * Unsaved form input kept as the person types: per user and form, encrypted, expiring. Expired
 * drafts are deleted at every drafts request and, so that none outlives its expiry by more
 * than an hour when nobody uses drafts, when the server starts and every hour while it runs.
 */
export const draftsRoutes: FastifyPluginAsyncZod = async (app) => {
  let timer: ReturnType<typeof setInterval> | undefined;
  const purge = async () => {
    try {
      const deleted = await purgeExpiredDrafts(app.database.db, app.clock());
      if (deleted > 0) {
        app.log.info({ deleted }, 'expired drafts deleted');
      }
    } catch (err: unknown) {
      app.log.warn({ err }, 'expired drafts could not be deleted; retried within the hour');
    }
  };
  app.addHook('onReady', async () => {
    await purge();
    timer = setInterval(() => void purge(), DRAFT_PURGE_EVERY_MS);
    timer.unref();
  });
  app.addHook('onClose', async () => clearInterval(timer));

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
