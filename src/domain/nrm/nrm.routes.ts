import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseIdParamsSchema } from '@/domain/cases/index.ts';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import { updateReferral } from './nrm-decisions.service.ts';
import { getNrmSettings, listDue, updateNrmSettings } from './nrm-due.service.ts';
import { editHoliday, listJurisdictions, updateStep } from './nrm-jurisdictions.service.ts';
import { createReferral, listReferrals } from './nrm-referrals.service.ts';
import {
  HolidayParamsSchema,
  HolidayPutSchema,
  JurisdictionListSchema,
  JurisdictionSchema,
  StepParamsSchema,
  StepUpdateSchema,
} from './nrm.schema.ts';
import {
  DueListSchema,
  DueQuerySchema,
  NrmSettingsSchema,
  NrmSettingsUpdateSchema,
  ReferralCreateSchema,
  ReferralListSchema,
  ReferralParamsSchema,
  ReferralSchema,
  ReferralUpdateSchema,
} from './nrm-views.schema.ts';

const tags = ['nrm'];

/** Referrals of a case to a national referral mechanism, and their deadlines. */
const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/cases/:caseId/nrm-referrals',
    {
      schema: {
        summary: 'Record a referral to a national referral mechanism, with its computed deadlines',
        tags,
        params: CaseIdParamsSchema,
        body: ReferralCreateSchema,
        response: { 201: ReferralSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createReferral(request.ctx, request.params.caseId, request.body)),
  );

  app.get(
    '/api/cases/:caseId/nrm-referrals',
    {
      schema: {
        summary: 'The NRM referrals of a case with their steps and decisions (audited)',
        tags,
        params: CaseIdParamsSchema,
        response: { 200: ReferralListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => ({ items: await listReferrals(request.ctx, request.params.caseId) }),
  );

  app.patch(
    '/api/cases/:caseId/nrm-referrals/:id',
    {
      schema: {
        summary:
          'Record a decision on a referral (also a journey event identification/nrm_decision)',
        tags,
        params: ReferralParamsSchema,
        body: ReferralUpdateSchema,
        response: { 200: ReferralSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updateReferral(request.ctx, request.params, request.body),
  );

  app.get(
    '/api/nrm-referrals',
    {
      schema: {
        summary: 'NRM deadlines overdue or due soon on the caller’s cases (audited)',
        description: '`due=overdue`, `due=upcoming` (within the organisation’s horizon), or both.',
        tags,
        querystring: DueQuerySchema,
        response: { 200: DueListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listDue(request.ctx, request.query),
  );
};

/** Installation-wide jurisdiction data and the organisation's settings. */
const dataRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/nrm/settings',
    {
      schema: {
        summary: 'The organisation’s NRM settings (the "upcoming" horizon in days)',
        tags,
        response: { 200: NrmSettingsSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getNrmSettings(request.ctx),
  );

  app.patch(
    '/api/nrm/settings',
    {
      schema: {
        summary: 'Change the organisation’s NRM settings (admins)',
        tags,
        body: NrmSettingsUpdateSchema,
        response: { 200: NrmSettingsSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updateNrmSettings(request.ctx, request.body),
  );

  app.get(
    '/api/nrm/jurisdictions',
    {
      schema: {
        summary: 'NRM jurisdictions: steps, figures (verified or not, with sources), holidays',
        tags,
        response: { 200: JurisdictionListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listJurisdictions(request.ctx),
  );

  app.patch(
    '/api/nrm/jurisdictions/:code/steps/:step',
    {
      schema: {
        summary: 'Edit an unverified figure (platform admins; verified ones are refused)',
        tags,
        params: StepParamsSchema,
        body: StepUpdateSchema,
        response: { 200: JurisdictionSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updateStep(request.ctx, request.params, request.body),
  );

  app.put(
    '/api/nrm/jurisdictions/:code/holidays/:date',
    {
      schema: {
        summary: 'Add or rename a public holiday (platform admins; verified ones are refused)',
        tags,
        params: HolidayParamsSchema,
        body: HolidayPutSchema,
        response: { 200: JurisdictionSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => editHoliday(request.ctx, request.params, request.body),
  );

  app.delete(
    '/api/nrm/jurisdictions/:code/holidays/:date',
    {
      schema: {
        summary: 'Take out an unverified public holiday (platform admins)',
        tags,
        params: HolidayParamsSchema,
        response: { 200: JurisdictionSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => editHoliday(request.ctx, request.params, { remove: true }),
  );
};

/** Every NRM route. */
export const nrmRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(referralRoutes);
  await app.register(dataRoutes);
};
