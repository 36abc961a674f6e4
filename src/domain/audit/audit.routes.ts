import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '@/db/client.ts';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import { CHECKPOINT_EVERY_MS, writeAuditCheckpoint } from './audit-checkpoint.ts';
import { auditCheckpointFile } from './audit-keys.ts';
import { AuditVerifyReportSchema } from './audit-verify.schema.ts';
import { verifyAudit } from './audit-verify.service.ts';
import { AuditPageSchema, AuditQuerySchema } from './audit.schema.ts';
import { listAudit } from './audit.service.ts';

/**
 * Writes the audit checkpoint file and, when it moved, logs its seq and MAC (nothing else), so
 * the log holds a copy too. Never throws: a failure is logged without its message.
 */
async function checkpoint(db: Db, file: string, log: FastifyBaseLogger): Promise<void> {
  try {
    const result = await writeAuditCheckpoint(db, file);
    if (result.outcome === 'written') {
      const { seq, mac } = result.checkpoint;
      log.info({ auditCheckpoint: { seq, mac } }, 'audit checkpoint');
    } else if (result.outcome === 'refused') {
      log.error(
        { reason: result.reason },
        'audit checkpoint not written: run homeward audit verify',
      );
    }
  } catch (err) {
    log.error({ err }, 'audit checkpoint failed');
  }
}

/** The audit log of the caller's organisation and the integrity check (admins). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/audit',
    {
      schema: {
        summary: "Your organisation's audit log, newest first",
        tags: ['audit'],
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listAudit(request.ctx, request.query),
  );

  app.get(
    '/api/audit/verify',
    {
      schema: {
        summary: "Check the installation's audit log for tampering (chain, seals, checkpoint)",
        tags: ['audit'],
        response: { 200: AuditVerifyReportSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => verifyAudit(request.ctx),
  );

  // The checkpoint outside the database follows the chain while the server runs.
  const db = app.database.db;
  const file = auditCheckpointFile(db);
  if (file) {
    let timer: NodeJS.Timeout | undefined;
    app.addHook('onReady', async () => {
      await checkpoint(db, file, app.log);
      timer = setInterval(() => void checkpoint(db, file, app.log), CHECKPOINT_EVERY_MS);
      timer.unref();
    });
    app.addHook('onClose', async () => {
      clearInterval(timer);
      await checkpoint(db, file, app.log);
    });
  }
};
