import type { FastifyInstance } from 'fastify';
import type { Config } from '@/lib/config.ts';
import { removeStaleUploads } from '@/domain/cases/case-attachments.storage.ts';
import { buildApp } from './app.ts';
import type { Runtime } from './bootstrap.ts';

/**
 * Serves the API and UI until SIGTERM/SIGINT, then stops accepting connections, lets requests in
 * flight finish, and closes the database.
 */
export async function serve(config: Config, runtime: Runtime): Promise<FastifyInstance> {
  const app = await buildApp({
    database: runtime.database,
    cipher: runtime.cipher,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    publicOrigin: config.publicOrigin,
    attachmentsDir: config.attachmentsDir,
  });
  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    void app
      .close()
      .then(() => runtime.database.close())
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        app.log.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  // Uploads in flight take seconds; an hour-old temp file is left over from a crash.
  const stale = await removeStaleUploads(app.attachmentsDir, 60 * 60_000);
  if (stale > 0) {
    app.log.info({ removed: stale }, 'removed unfinished uploads');
  }
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  return app;
}
