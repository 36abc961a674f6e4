import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '@/lib/errors.ts';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import {
  ATTACHMENT_TYPES,
  AttachmentBodySchema,
  AttachmentListSchema,
  AttachmentParamsSchema,
  AttachmentSchema,
  AttachmentUploadQuerySchema,
  MAX_ATTACHMENT_BYTES,
} from './case-attachments.schema.ts';
import {
  downloadAttachment,
  listAttachments,
  uploadAttachment,
} from './case-attachments.service.ts';
import { CaseIdParamsSchema } from './case-views.schema.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Folder of the encrypted attachment files. */
    attachmentsDir: string;
  }
}

/** RFC 8187 `filename*` value: UTF-8, percent-encoded (also `'()*`, which RFC 3986 allows). */
function contentDisposition(fileName: string): string {
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename*=UTF-8''${encoded}`;
}

/** Case attachments, encrypted on disk. */
export const caseAttachmentsRoutes: FastifyPluginAsyncZod = async (app) => {
  // Scoped to this plugin: uploads arrive as the raw body and are handed over as a stream.
  if (app.hasContentTypeParser('text/plain')) {
    app.removeContentTypeParser('text/plain');
  }
  app.addContentTypeParser([...ATTACHMENT_TYPES], (request, payload, done) => {
    if (Number(request.headers['content-length']) > MAX_ATTACHMENT_BYTES) {
      done(new AppError('attachment_too_large', 'Attachments can be at most 10 MiB.'), undefined);
      return;
    }
    done(null, payload);
  });

  app.post(
    '/api/cases/:caseId/attachments',
    {
      bodyLimit: MAX_ATTACHMENT_BYTES,
      // A refused upload may leave body bytes unread: close the connection rather than drain.
      onError: async (_request, reply) => {
        void reply.header('connection', 'close');
      },
      schema: {
        summary:
          'Upload a file (raw body; PDF, JPEG, PNG, WebP or UTF-8 text, content checked; ≤ 10 MiB)',
        tags: ['attachments'],
        params: CaseIdParamsSchema,
        querystring: AttachmentUploadQuerySchema,
        body: AttachmentBodySchema,
        response: { 201: AttachmentSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      const created = await uploadAttachment(request.ctx, {
        caseId: request.params.caseId,
        dir: app.attachmentsDir,
        fileName: request.query.fileName,
        contentType: request.headers['content-type'],
        body: request.body,
      });
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/cases/:caseId/attachments',
    {
      schema: {
        summary: 'Files attached to a case (audited)',
        tags: ['attachments'],
        params: CaseIdParamsSchema,
        response: { 200: AttachmentListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listAttachments(request.ctx, request.params.caseId),
  );

  app.get(
    '/api/cases/:caseId/attachments/:attachmentId',
    {
      schema: {
        summary: 'Download a file, decrypted (audited)',
        tags: ['attachments'],
        params: AttachmentParamsSchema,
        response: { 200: AttachmentBodySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      const { attachment, stream } = await downloadAttachment(
        request.ctx,
        app.attachmentsDir,
        request.params,
      );
      return reply
        .header('content-type', attachment.contentType)
        .header('content-length', attachment.sizeBytes)
        .header('content-disposition', contentDisposition(attachment.fileName))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(stream);
    },
  );
};
