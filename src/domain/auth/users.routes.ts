import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PageQuerySchema } from '@/lib/page-query.schema.ts';
import { AUTHED_PROBLEMS, EmptySchema } from '@/lib/problem.schema.ts';
import {
  PasswordResetSchema,
  UserCreatedSchema,
  UserCreateSchema,
  UserIdParamsSchema,
  UserPageSchema,
  UserSchema,
  UserUpdateSchema,
} from './users.schema.ts';
import {
  createUser,
  listUsers,
  resetUserPassword,
  resetUserTotp,
  updateUser,
} from './users.service.ts';

/** User and role management inside the caller's organisation. */
export const usersRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/users',
    {
      schema: {
        summary: 'List the members of your organisation',
        tags: ['users'],
        querystring: PageQuerySchema.strict(),
        response: { 200: UserPageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listUsers(request.ctx, request.query),
  );

  app.post(
    '/api/users',
    {
      schema: {
        summary: 'Add a user to your organisation (a password is generated when none is given)',
        tags: ['users'],
        body: UserCreateSchema,
        response: { 201: UserCreatedSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(request.ctx, request.body)),
  );

  app.patch(
    '/api/users/:userId',
    {
      schema: {
        summary: "Change a member's role, name or disabled state",
        tags: ['users'],
        params: UserIdParamsSchema,
        body: UserUpdateSchema,
        response: { 200: UserSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updateUser(request.ctx, request.params.userId, request.body),
  );

  app.post(
    '/api/users/:userId/reset-password',
    {
      schema: {
        summary: 'Give a member a temporary password (shown once) they must change at next login',
        tags: ['users'],
        params: UserIdParamsSchema,
        response: { 200: PasswordResetSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => resetUserPassword(request.ctx, request.params.userId),
  );

  app.post(
    '/api/users/:userId/reset-2fa',
    {
      schema: {
        summary: "Remove a member's two-factor authentication so they can enrol again",
        tags: ['users'],
        params: UserIdParamsSchema,
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await resetUserTotp(request.ctx, request.params.userId);
      return reply.code(204).send(null);
    },
  );
};
