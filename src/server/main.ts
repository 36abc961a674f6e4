import type { FastifyInstance } from 'fastify';
import type { Config } from '@/lib/config.ts';
import { removeStaleUploads } from '@/domain/cases/case-attachments.storage.ts';
import { buildApp, type AppOptions } from './app.ts';
import type { Runtime } from './bootstrap.ts';

/**
 * Serves the API and UI until SIGTERM/SIGINT, then stops accepting connections, lets requests in
 * flight finish, and closes the database. `publicApiDocs` defaults to the configuration's.
 */
export async function serve(
  config: Config,
  runtime: Runtime,
  opts: { publicApiDocs?: boolean } = {},
): Promise<FastifyInstance> {
  const app = await buildApp(appOptions(config, runtime, opts.publicApiDocs));
  let closing = false;
  const shutdown = (signal: string, exitCode = 0) => {
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
      .then(() => process.exit(exitCode))
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
  logCrashes(app, shutdown);
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  return app;
}

/** The app as the configuration (and, for the demo, the command) asks for it. */
function appOptions(config: Config, runtime: Runtime, publicApiDocs?: boolean): AppOptions {
  return {
    database: runtime.database,
    cipher: runtime.cipher,
    logger: { level: config.logLevel },
    trustProxy: config.trustProxy,
    publicOrigin: config.publicOrigin,
    publicApiDocs: publicApiDocs ?? config.publicApiDocs ?? false,
    attachmentsDir: config.attachmentsDir,
  };
}

/**
 * Node would print an unhandled error whole — a database error with its query and parameters —
 * and exit: log it through the app's logger instead (its `err` serializer keeps the type, code
 * and stack frames only), then shut down with exit code 1.
 */
function logCrashes(app: FastifyInstance, shutdown: (reason: string, exitCode: number) => void) {
  const crash = (what: string) => (err: unknown) => {
    app.log.fatal({ err }, what);
    shutdown(what, 1);
  };
  process.on('unhandledRejection', crash('unhandled promise rejection'));
  process.on('uncaughtException', crash('uncaught exception'));
}
