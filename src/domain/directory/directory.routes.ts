import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS, EmptySchema, problems } from '@/lib/problem.schema.ts';
import { publicScope } from '@/server/plugins/public-scope.ts';
import {
  DirectoryOrganisationListSchema,
  DirectoryOrganisationSchema,
  ExternalOrganisationCreateSchema,
  ExternalOrganisationUpdateSchema,
  VerificationSchema,
} from './directory-organisations.schema.ts';
import {
  createExternalOrganisation,
  listDirectoryOrganisations,
  setVerification,
  updateExternalOrganisation,
} from './directory-organisations.service.ts';
import {
  OrganisationParamsSchema,
  PublicServicePageSchema,
  PublicServiceQuerySchema,
  ServiceCreateSchema,
  ServiceInputSchema,
  ServiceParamsSchema,
  StaffServiceDetailSchema,
  StaffServicePageSchema,
  StaffServiceQuerySchema,
} from './directory.schema.ts';
import {
  createService,
  deleteService,
  getService,
  searchPublicServices,
  searchServices,
  updateService,
} from './directory.service.ts';

const tags = ['directory'];

/** Searches one client address may make per window (a person tries a few filters, an office more). */
export const PUBLIC_DIRECTORY_RATE_LIMIT = { max: 60, timeWindowMs: 60_000 } as const;

/**
 * The public find-help search: no login. Under `/api/public/` the auth plugin reads no session
 * cookie or token (no session lookup, no audit entry); this scope strips any Set-Cookie and
 * limits each client address in memory, keyed by an HMAC of the address. Nothing is stored.
 */
const publicRoutes: FastifyPluginAsyncZod = async (app) => {
  await publicScope(app, 'Too many searches.');

  app.get(
    '/api/public/directory/services',
    {
      config: {
        rateLimit: {
          max: PUBLIC_DIRECTORY_RATE_LIMIT.max,
          timeWindow: PUBLIC_DIRECTORY_RATE_LIMIT.timeWindowMs,
        },
      },
      schema: {
        summary: 'Find help: public services by country, service and language (no login)',
        description:
          'Only services their organisation marks public, without capacity or any address. ' +
          '`country` is ISO 3166-1 alpha-3 or alpha-2; `language` matches its primary subtag.',
        tags,
        querystring: PublicServiceQuerySchema,
        response: { 200: PublicServicePageSchema, ...problems(400, 429) },
      },
    },
    async (request) => searchPublicServices(request.ctx, request.query),
  );
};

/** The staff directory and each organisation's own services. */
const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/directory/services',
    {
      schema: {
        summary: 'Search the directory (every member; internal services too)',
        tags,
        querystring: StaffServiceQuerySchema,
        response: { 200: StaffServicePageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => searchServices(request.ctx, request.query),
  );

  app.get(
    '/api/directory/services/:id',
    {
      schema: {
        summary: 'One service, with its address where the caller may read it (audited then)',
        tags,
        params: ServiceParamsSchema,
        response: { 200: StaffServiceDetailSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getService(request.ctx, request.params.id),
  );

  app.post(
    '/api/directory/services',
    {
      schema: {
        summary: 'Add a service of the caller’s organisation (admins), or of an external one',
        description: '`organisationId` names an external organisation (platform admins only).',
        tags,
        body: ServiceCreateSchema,
        response: { 201: StaffServiceDetailSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createService(request.ctx, request.body)),
  );

  app.put(
    '/api/directory/services/:id',
    {
      schema: {
        summary: 'Replace a service the caller maintains',
        tags,
        params: ServiceParamsSchema,
        body: ServiceInputSchema,
        response: { 200: StaffServiceDetailSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updateService(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/directory/services/:id',
    {
      schema: {
        summary: 'Take a service the caller maintains out of the directory',
        tags,
        params: ServiceParamsSchema,
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await deleteService(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

/** Organisations: verification and external organisations (platform admins). */
const organisationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/directory/organisations',
    {
      schema: {
        summary: 'Organisations in the directory, verified or not, local or external',
        tags,
        response: { 200: DirectoryOrganisationListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => ({ items: await listDirectoryOrganisations(request.ctx) }),
  );

  app.put(
    '/api/directory/organisations/:id/verification',
    {
      schema: {
        summary: 'Mark an organisation verified or not (platform admins, in person)',
        tags,
        params: OrganisationParamsSchema,
        body: VerificationSchema,
        response: { 200: DirectoryOrganisationSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => setVerification(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/directory/external-organisations',
    {
      schema: {
        summary: 'List an organisation that is not on this installation (platform admins)',
        tags,
        body: ExternalOrganisationCreateSchema,
        response: { 201: DirectoryOrganisationSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createExternalOrganisation(request.ctx, request.body)),
  );

  app.patch(
    '/api/directory/external-organisations/:id',
    {
      schema: {
        summary: 'Change an external organisation’s installation id or website (platform admins)',
        tags,
        params: OrganisationParamsSchema,
        body: ExternalOrganisationUpdateSchema,
        response: { 200: DirectoryOrganisationSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updateExternalOrganisation(request.ctx, request.params.id, request.body),
  );
};

/** Every directory route. */
export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(publicRoutes);
  await app.register(serviceRoutes);
  await app.register(organisationRoutes);
};
