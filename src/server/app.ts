import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { auditRoutes } from '@/domain/audit/index.ts';
import {
  caseAssessmentRoutes,
  caseAttachmentsRoutes,
  caseEventsRoutes,
  caseHomeRoutes,
  caseNotesRoutes,
  casesRoutes,
  caseTasksRoutes,
} from '@/domain/cases/index.ts';
import { consentRoutes } from '@/domain/consent/index.ts';
import { directoryRoutes } from '@/domain/directory/index.ts';
import { draftsRoutes } from '@/domain/drafts/index.ts';
import { nrmRoutes } from '@/domain/nrm/index.ts';
import { referralRoutes } from '@/domain/referrals/index.ts';
import { advertReportRoutes } from '@/domain/prevention/advert-reports.routes.ts';
import { outreachRoutes } from '@/domain/prevention/outreach.routes.ts';
import { jobCheckRoutes } from '@/domain/prevention/job-check.routes.ts';
import { screeningRoutes } from '@/domain/screening/index.ts';
import { authRoutes, organisationsRoutes, tokensRoutes, usersRoutes } from '@/domain/auth/index.ts';
import type { Database } from '@/db/client.ts';
import type { TrustProxy } from '@/lib/config.ts';
import type { FieldCipher } from '@/lib/crypto.ts';
import { healthRoutes } from './health.routes.ts';
import { authPlugin } from './plugins/auth.ts';
import { LOG_HOOKS, loggableError } from './loggable-error.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { openapiPlugin } from './plugins/openapi.ts';
import { securityPlugin } from './plugins/security.ts';
import { textInputPlugin } from './plugins/text-input.ts';
import { webPlugin } from './plugins/web.ts';
import './types.ts';

/** Largest accepted request body (JSON). Attachments will get their own limit. */
export const BODY_LIMIT = 1024 * 1024;

export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

export interface AppOptions {
  database: Database;
  cipher: FieldCipher;
  /** Pino options, `false` to silence (tests). */
  logger?: FastifyServerOptions['logger'];
  clock?: () => Date;
  /** Proxies whose X-Forwarded-* headers are believed; default none (see `TrustProxy`). */
  trustProxy?: TrustProxy;
  publicOrigin?: string | undefined;
  /** Serve /api/docs and /api/openapi.json to anonymous callers (HOMEWARD_PUBLIC_API_DOCS). */
  publicApiDocs?: boolean;
  /** Built web UI; default web/dist. */
  webDir?: string;
  /** Encrypted attachment files; default `<HOMEWARD_DATA_DIR or ./.homeward>/attachments`. */
  attachmentsDir?: string;
}

/**
 * Log serializers that never write secrets or survivor data: no headers, no bodies, URLs
 * without their query string (search terms can be names), and errors without their message or
 * properties (a database error carries the query's values; see `loggableError`).
 */
const serializers = {
  req: (req: { method: string; url: string; id: string }) => ({
    method: req.method,
    path: req.url.split('?')[0],
    id: req.id,
  }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
  // Fastify's type expects pino's shape ({ type, message, stack }); the message is left out on
  // purpose, and the stack is its frames only.
  err: (err: unknown) =>
    loggableError(err) as unknown as { type: string; message: string; stack: string },
};

/**
 * Fastify's `trustProxy` for a `TrustProxy` setting. A hop count becomes a function: Fastify
 * ignores a bare number (it cannot check the peer), but an operator who listens only where the
 * proxy can connect (README "TLS behind a reverse proxy") may trust the last `hops` entries.
 */
function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') {
    return trust > 0 && ((_address: string, hop: number) => hop < trust);
  }
  return trust;
}

/** The caller's pino options (none: silent) with the serializers and hooks above. */
function loggerOptions(logger: AppOptions['logger']): FastifyServerOptions['logger'] {
  if (logger === undefined || logger === false) {
    return false;
  }
  return { ...(logger === true ? {} : logger), serializers, hooks: LOG_HOOKS };
}

/** The API's routes, one plugin per module (and sub-resource). */
async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(healthRoutes(VERSION));
  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(organisationsRoutes);
  await app.register(tokensRoutes);
  await app.register(auditRoutes);
  await app.register(casesRoutes);
  await app.register(caseEventsRoutes);
  await app.register(consentRoutes);
  await app.register(caseTasksRoutes);
  await app.register(caseHomeRoutes);
  await app.register(caseAssessmentRoutes);
  await app.register(caseNotesRoutes);
  await app.register(caseAttachmentsRoutes);
  await app.register(draftsRoutes);
  await app.register(screeningRoutes);
  await app.register(nrmRoutes);
  await app.register(directoryRoutes);
  await app.register(referralRoutes);
  await app.register(advertReportRoutes);
  await app.register(outreachRoutes);
  await app.register(jobCheckRoutes);
}

/** Builds the Fastify app without listening (tests use `app.inject`). */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(opts.logger),
    bodyLimit: BODY_LIMIT,
    trustProxy: fastifyTrustProxy(opts.trustProxy ?? false),
    // Only a reference for logs and problem reports: a random UUID is enough, and Node's
    // buffered randomUUID costs a fraction of a time-ordered v7 on every request.
    genReqId: () => randomUUID(),
    routerOptions: { maxParamLength: 200 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: a text/plain body (which a cross-site form can send without a
  // CORS preflight) is refused with 415 instead of being parsed as a string.
  app.removeContentTypeParser('text/plain');
  app.decorate('database', opts.database);
  app.decorate('cipher', opts.cipher);
  app.decorate('clock', opts.clock ?? (() => new Date()));
  const dataDir = process.env.HOMEWARD_DATA_DIR ?? './.homeward';
  app.decorate('attachmentsDir', resolve(opts.attachmentsDir ?? join(dataDir, 'attachments')));

  await app.register(errorsPlugin);
  await app.register(cookie);
  await app.register(authPlugin);
  await app.register(securityPlugin, { publicOrigin: opts.publicOrigin });
  await app.register(textInputPlugin);
  await app.register(openapiPlugin, { version: VERSION, publicDocs: opts.publicApiDocs });

  await registerRoutes(app);

  await app.register(webPlugin, {
    webDir: opts.webDir ?? fileURLToPath(new URL('../../web/dist', import.meta.url)),
  });
  return app;
}
