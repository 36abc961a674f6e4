import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CaseIdParamsSchema } from '@/domain/cases/index.ts';
import { AUTHED_PROBLEMS } from '@/lib/problem.schema.ts';
import {
  ConsentCheckQuerySchema,
  ConsentCreateSchema,
  ConsentListSchema,
  ConsentParamsSchema,
  ConsentViewSchema,
  RecipientListSchema,
  ShareDecisionSchema,
} from './consent.schema.ts';
import { listRecipients } from './consent-recipients.service.ts';
import { canShare, listConsents, recordConsent, withdrawConsent } from './consent.service.ts';

/** Consent records of a case, and the consent check. */
export const consentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/consent/recipients',
    {
      schema: {
        summary: 'Organisations a consent for referral or cross-border sharing may name',
        tags: ['consent'],
        response: { 200: RecipientListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listRecipients(request.ctx),
  );

  app.get(
    '/api/cases/:caseId/consents',
    {
      schema: {
        summary: 'Current consents of a case and their full version history (audited)',
        tags: ['consent'],
        params: CaseIdParamsSchema,
        response: { 200: ConsentListSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => listConsents(request.ctx, request.params.caseId),
  );

  app.post(
    '/api/cases/:caseId/consents',
    {
      schema: {
        summary: 'Record a consent or refusal (a new consent chain, version 1)',
        tags: ['consent'],
        params: CaseIdParamsSchema,
        body: ConsentCreateSchema,
        response: { 201: ConsentViewSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordConsent(request.ctx, request.params.caseId, request.body)),
  );

  app.post(
    '/api/cases/:caseId/consents/:consentId/withdraw',
    {
      schema: {
        summary: 'Withdraw a consent (adds a withdrawn version; effective at once)',
        tags: ['consent'],
        params: ConsentParamsSchema,
        response: { 201: ConsentViewSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await withdrawConsent(request.ctx, request.params.caseId, request.params.consentId)),
  );

  app.get(
    '/api/cases/:caseId/consents/check',
    {
      schema: {
        summary: 'Whether data of the given categories may be shared for a purpose now',
        tags: ['consent'],
        params: CaseIdParamsSchema,
        querystring: ConsentCheckQuerySchema,
        response: { 200: ShareDecisionSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) =>
      canShare(request.ctx, {
        caseId: request.params.caseId,
        recipientOrganisationId: request.query.recipientOrganisationId ?? null,
        purpose: request.query.purpose,
        categories: request.query.categories,
      }),
  );
};
