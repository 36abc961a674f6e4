import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import {
  OrganisationCreateSchema,
  OrganisationListSchema,
  OrganisationSchema,
  OrganisationUpdateSchema,
} from './organisations.schema.ts';
import {
  createOrganisation,
  getOwnOrganisation,
  listOrganisations,
  updateOwnOrganisation,
} from './organisations.service.ts';

/** The caller's organisation, and installation-wide organisation management. */
export const organisationsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/organisation',
    {
      schema: {
        summary: 'Your organisation',
        tags: ['organisations'],
        response: { 200: OrganisationSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getOwnOrganisation(request.ctx),
  );

  app.patch(
    '/api/organisation',
    {
      schema: {
        summary: 'Rename your organisation or require two-factor authentication (admins)',
        tags: ['organisations'],
        body: OrganisationUpdateSchema,
        response: { 200: OrganisationSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updateOwnOrganisation(request.ctx, request.body),
  );

  app.get(
    '/api/organisations',
    {
      schema: {
        summary: 'All organisations of this installation (platform admins)',
        tags: ['organisations'],
        response: { 200: OrganisationListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => ({ items: await listOrganisations(request.ctx) }),
  );

  app.post(
    '/api/organisations',
    {
      schema: {
        summary: 'Create an organisation (platform admins)',
        tags: ['organisations'],
        body: OrganisationCreateSchema,
        response: { 201: OrganisationSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createOrganisation(request.ctx, request.body)),
  );
};
