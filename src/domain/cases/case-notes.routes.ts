import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import { NoteCreateSchema, NoteListSchema, NoteSchema } from './case-notes.schema.ts';
import { createNote, listNotes } from './case-notes.service.ts';
import { CaseIdParamsSchema } from './case-views.schema.ts';

/** Case notes (encrypted, visibility-scoped). */
export const caseNotesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/cases/:caseId/notes',
    {
      schema: {
        summary: 'Notes of a case you may read, newest first (audited)',
        tags: ['notes'],
        params: CaseIdParamsSchema,
        response: { 200: NoteListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listNotes(request.ctx, request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/notes',
    {
      schema: {
        summary: 'Add a note to a case',
        tags: ['notes'],
        params: CaseIdParamsSchema,
        body: NoteCreateSchema,
        response: { 201: NoteSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createNote(request.ctx, request.params.caseId, request.body)),
  );
};
