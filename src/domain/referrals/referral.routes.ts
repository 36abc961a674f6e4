import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseIdParamsSchema } from '@/domain/cases/index.ts';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import {
  acceptReferral,
  completeReferral,
  declineReferral,
  revokeReferral,
  startReferral,
} from './referral-respond.service.ts';
import { sendReferral } from './referral-send.service.ts';
import {
  AcceptSchema,
  CaseReferralListSchema,
  CompleteSchema,
  DeclineSchema,
  ReferralCreateSchema,
  ReferralListQuerySchema,
  ReferralPageSchema,
  ReferralParamsSchema,
  ReferralSchema,
  RevokeSchema,
} from './referral.schema.ts';
import {
  createReferral,
  getReferral,
  listCaseReferrals,
  listReferrals,
} from './referral.service.ts';

const tags = ['referrals'];
const ok = { 200: ReferralSchema, ...AUTHED_PROBLEMS };

/** Referrals between organisations: drafts, the steps of both sides, inbox and outbox. */
export const referralRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/referrals',
    {
      schema: {
        summary: 'Start a referral of a case to another organisation (a draft)',
        description:
          'Allowed without consent; `consentCheck` says what a consent must still cover.',
        tags,
        body: ReferralCreateSchema,
        response: { 201: ReferralSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await createReferral(request.ctx, request.body)),
  );

  app.get(
    '/api/referrals',
    {
      schema: {
        summary: 'The inbox (referred to us) or outbox (referred by us), newest first',
        tags,
        querystring: ReferralListQuerySchema,
        response: { 200: ReferralPageSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listReferrals(request.ctx, request.query),
  );

  app.get(
    '/api/referrals/:id',
    {
      schema: {
        summary: 'One referral; the recipient reads the frozen packet while readable (audited)',
        tags,
        params: ReferralParamsSchema,
        response: ok,
      },
    },
    async (request) => getReferral(request.ctx, request.params.id),
  );

  app.get(
    '/api/cases/:caseId/referrals',
    {
      schema: {
        summary: 'The referrals of a case: sent from it, or the one it was accepted from',
        tags,
        params: CaseIdParamsSchema,
        response: { 200: CaseReferralListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => ({ items: await listCaseReferrals(request.ctx, request.params.caseId) }),
  );

  await app.register(stepRoutes);
};

/** POST /api/referrals/:id/<step>: one handler per step of the state machine. */
const stepRoutes: FastifyPluginAsyncZod = async (app) => {
  const params = ReferralParamsSchema;

  app.post(
    '/api/referrals/:id/send',
    {
      schema: {
        summary: 'Send a draft: consent checked again, packet frozen and sealed (sender)',
        description: '403 `consent_required` with `errors[]` per category not covered.',
        tags,
        params,
        response: ok,
      },
    },
    async (request) => sendReferral(request.ctx, request.params.id),
  );

  app.post(
    '/api/referrals/:id/accept',
    {
      schema: {
        summary: 'Accept: register a case from the packet, or link `linkCaseId` (recipient)',
        tags,
        params,
        body: AcceptSchema.nullish(),
        response: ok,
      },
    },
    async (request) => acceptReferral(request.ctx, request.params.id, request.body ?? {}),
  );

  app.post(
    '/api/referrals/:id/decline',
    {
      schema: {
        summary: 'Decline with a reason; the packet is destroyed (recipient)',
        tags,
        params,
        body: DeclineSchema,
        response: ok,
      },
    },
    async (request) => declineReferral(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/referrals/:id/start',
    {
      schema: { summary: 'The service started (recipient)', tags, params, response: ok },
    },
    async (request) => startReferral(request.ctx, request.params.id),
  );

  app.post(
    '/api/referrals/:id/complete',
    {
      schema: {
        summary: 'Complete: received, or not reached with a reason (recipient)',
        tags,
        params,
        body: CompleteSchema,
        response: ok,
      },
    },
    async (request) => completeReferral(request.ctx, request.params.id, request.body),
  );

  app.post(
    '/api/referrals/:id/revoke',
    {
      schema: {
        summary: 'Revoke before completion; the packet is destroyed (sender)',
        tags,
        params,
        body: RevokeSchema.nullish(),
        response: ok,
      },
    },
    async (request) => revokeReferral(request.ctx, request.params.id, request.body ?? {}),
  );
};
