import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS, EmptySchema } from '@/lib/problem.schema.ts';
import { listQuizzes, outreachDashboard } from './outreach-dashboard.service.ts';
import {
  MaterialCreateSchema,
  MaterialListQuerySchema,
  MaterialPageSchema,
  MaterialSchema,
  MaterialUpdateSchema,
} from './outreach-materials.schema.ts';
import {
  createMaterial,
  deleteMaterial,
  getMaterial,
  listMaterials,
  updateMaterial,
} from './outreach-materials.service.ts';
import {
  DashboardQuerySchema,
  DashboardSchema,
  QuizListSchema,
  QuizQuerySchema,
} from './outreach-quizzes.schema.ts';
import { recordResults, removeResults } from './outreach-results.service.ts';
import {
  FacilitatorListSchema,
  ResultInputSchema,
  ResultParamsSchema,
  SessionCreateSchema,
  SessionListQuerySchema,
  SessionPageSchema,
  SessionSchema,
  SessionUpdateSchema,
} from './outreach-sessions.schema.ts';
import {
  createSession,
  deleteSession,
  getSession,
  listFacilitators,
  listSessions,
  updateSession,
} from './outreach-sessions.service.ts';
import { OutreachIdParamsSchema } from './outreach.schema.ts';

const tags = ['outreach'];

/** Sessions in schools, universities and communities, and their quiz results. */
const sessionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/outreach/sessions',
    {
      schema: {
        summary: 'Outreach sessions of the organisation (upcoming, past or all), with filters',
        tags,
        querystring: SessionListQuerySchema,
        response: { 200: SessionPageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listSessions(request.ctx, request.query),
  );

  app.post(
    '/api/outreach/sessions',
    {
      schema: {
        summary: 'Record an outreach session (facilitated by the caller unless another is named)',
        tags,
        body: SessionCreateSchema,
        response: { 201: SessionSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createSession(request.ctx, request.body)),
  );

  app.get(
    '/api/outreach/sessions/:id',
    {
      schema: {
        summary: 'One outreach session with its materials and pre/post results',
        tags,
        params: OutreachIdParamsSchema,
        response: { 200: SessionSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getSession(request.ctx, request.params.id),
  );

  app.patch(
    '/api/outreach/sessions/:id',
    {
      schema: {
        summary: 'Change an outreach session, or cancel it (`cancelled: true`)',
        tags,
        params: OutreachIdParamsSchema,
        body: SessionUpdateSchema,
        response: { 200: SessionSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updateSession(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/outreach/sessions/:id',
    {
      schema: {
        summary: 'Delete an outreach session and its results',
        tags,
        params: OutreachIdParamsSchema,
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await deleteSession(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/outreach/sessions/:id/results/:phase',
    {
      schema: {
        summary: 'Record the tallied quiz forms of a session before (pre) or after (post)',
        description:
          'Counts per question (how many forms had it right) out of `respondents` forms; no ' +
          'single response is stored. Replaces what the phase had.',
        tags,
        params: ResultParamsSchema,
        body: ResultInputSchema,
        response: { 200: SessionSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => recordResults(request.ctx, request.params, request.body),
  );

  app.delete(
    '/api/outreach/sessions/:id/results/:phase',
    {
      schema: {
        summary: 'Take out the quiz results of one phase of a session',
        tags,
        params: ResultParamsSchema,
        response: { 200: SessionSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => removeResults(request.ctx, request.params),
  );

  app.get(
    '/api/outreach/facilitators',
    {
      schema: {
        summary: 'The members who may facilitate a session (outreach staff, supervisors, admins)',
        tags,
        response: { 200: FacilitatorListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listFacilitators(request.ctx),
  );
};

/** The materials library. */
const materialRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/outreach/materials',
    {
      schema: {
        summary: 'Teaching materials of the organisation (links), by language, topic and kind',
        tags,
        querystring: MaterialListQuerySchema,
        response: { 200: MaterialPageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listMaterials(request.ctx, request.query),
  );

  app.post(
    '/api/outreach/materials',
    {
      schema: {
        summary: 'Add a teaching material (an https link) to the library',
        tags,
        body: MaterialCreateSchema,
        response: { 201: MaterialSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createMaterial(request.ctx, request.body)),
  );

  app.get(
    '/api/outreach/materials/:id',
    {
      schema: {
        summary: 'One teaching material',
        tags,
        params: OutreachIdParamsSchema,
        response: { 200: MaterialSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getMaterial(request.ctx, request.params.id),
  );

  app.patch(
    '/api/outreach/materials/:id',
    {
      schema: {
        summary: 'Change a teaching material',
        tags,
        params: OutreachIdParamsSchema,
        body: MaterialUpdateSchema,
        response: { 200: MaterialSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updateMaterial(request.ctx, request.params.id, request.body),
  );

  app.delete(
    '/api/outreach/materials/:id',
    {
      schema: {
        summary: 'Take a material out of the library (sessions no longer list it)',
        tags,
        params: OutreachIdParamsSchema,
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await deleteMaterial(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

/** Quizzes as data and the dashboard. */
const insightRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/outreach/quizzes',
    {
      schema: {
        summary: 'The built-in quizzes in a language (`?lang=`, English by default), with answers',
        tags,
        querystring: QuizQuerySchema,
        response: { 200: QuizListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listQuizzes(request.ctx, request.query),
  );

  app.get(
    '/api/outreach/dashboard',
    {
      schema: {
        summary: 'Reach per month (by setting, age band) and knowledge change (pre vs post)',
        description: '`from` and `to` are session dates (default: the last 12 months).',
        tags,
        querystring: DashboardQuerySchema,
        response: { 200: DashboardSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => outreachDashboard(request.ctx, request.query),
  );
};

/** Every outreach route. */
export const outreachRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(sessionRoutes);
  await app.register(materialRoutes);
  await app.register(insightRoutes);
};
