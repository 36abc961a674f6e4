import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS, EmptySchema } from '@/lib/problem.schema.ts';
import {
  ApiTokenCreatedSchema,
  ApiTokenCreateSchema,
  ApiTokenListSchema,
  TokenIdParamsSchema,
} from './tokens.schema.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './tokens.service.ts';

/** The caller's API tokens for machine clients. */
export const tokensRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/tokens',
    {
      schema: {
        summary: 'Your API tokens',
        tags: ['tokens'],
        response: { 200: ApiTokenListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listApiTokens(request.ctx),
  );

  app.post(
    '/api/tokens',
    {
      schema: {
        summary: 'Create an API token (the secret is shown once)',
        tags: ['tokens'],
        body: ApiTokenCreateSchema,
        response: { 201: ApiTokenCreatedSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createApiToken(request.ctx, request.body)),
  );

  app.delete(
    '/api/tokens/:tokenId',
    {
      schema: {
        summary: 'Revoke one of your API tokens',
        tags: ['tokens'],
        params: TokenIdParamsSchema,
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await revokeApiToken(request.ctx, request.params.tokenId);
      return reply.code(204).send(null);
    },
  );
};
