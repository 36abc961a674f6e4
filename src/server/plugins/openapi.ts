import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { sendProblem } from './errors.ts';

/**
 * OpenAPI 3.1 generated from the routes' Zod schemas, at /api/openapi.json and /api/docs (the
 * explorer, its assets and /api/docs/json). Unless `publicDocs` (HOMEWARD_PUBLIC_API_DOCS), they
 * are answered like unknown URLs (404) to anonymous callers, and served to signed-in ones.
 */
export const openapiPlugin = fp(async (app: FastifyInstance, opts: OpenapiOptions) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Homeward API',
        version: opts.version,
        description:
          'Case management and cross-border referral for organisations supporting survivors of ' +
          'human trafficking. Authenticate with the session cookie (browser; send X-CSRF-Token on ' +
          'writes) or `Authorization: Bearer <API token>`. Errors are application/problem+json.',
        license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' },
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'hw_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  // A child context, so that its hook guards the documentation's routes and no others.
  await app.register(docsRoutes(!!opts.publicDocs));
});

export interface OpenapiOptions {
  version: string;
  /** Serve the documentation to anonymous callers too (default: signed-in callers only). */
  publicDocs?: boolean | undefined;
}

/** The explorer and the spec; unless `open`, anonymous callers get the 404 of an unknown URL. */
function docsRoutes(open: boolean) {
  return async (docs: FastifyInstance) => {
    if (!open) {
      docs.addHook('onRequest', async (request, reply) => {
        if (request.actor.kind === 'anonymous') {
          return sendProblem(reply, 'not_found', {
            detail: `No route ${request.method} ${request.url.split('?')[0]}`,
          });
        }
        return undefined;
      });
    }
    await docs.register(swaggerUi, {
      routePrefix: '/api/docs',
      staticCSP: false,
      uiConfig: { deepLinking: false },
    });
    docs.get('/api/openapi.json', { schema: { hide: true } }, async () => docs.swagger());
  };
}
