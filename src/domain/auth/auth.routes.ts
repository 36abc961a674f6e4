import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AUTHED_PROBLEMS, EmptySchema, problems } from '@/lib/problem.schema.ts';
import {
  LoginSchema,
  MeSchema,
  PasswordChangeSchema,
  PreferencesSchema,
  PreferencesUpdateSchema,
  ReauthenticatedSchema,
  ReauthSchema,
  TotpConfirmedSchema,
  TotpConfirmSchema,
  TotpDisableSchema,
  TotpSetupSchema,
} from './auth.schema.ts';
import { getMe, login, logout, logoutEverywhere, SESSION_COOKIE } from './auth.service.ts';
import { changeOwnPassword, reauthenticate } from './credentials.service.ts';
import { updatePreferences } from './preferences.service.ts';
import { confirmTotp, createRecoveryCodes, disableTotp, setupTotp } from './totp.service.ts';

/** Login, logout, the current user, re-authentication, password change and 2FA. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/login',
    {
      schema: {
        summary: 'Log in with email, password and (when enrolled) a TOTP or recovery code',
        tags: ['auth'],
        body: LoginSchema,
        response: { 200: MeSchema, ...problems(400, 401, 403, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const result = await login(request.ctx, request.body);
      void reply.setCookie(SESSION_COOKIE, result.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        expires: result.expiresAt,
      });
      return result.me;
    },
  );

  app.post(
    '/api/auth/logout',
    {
      schema: {
        summary: 'End this session',
        tags: ['auth'],
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await logout(request.ctx);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-all',
    {
      schema: {
        summary: 'End every session of the current user, on every device',
        tags: ['auth'],
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await logoutEverywhere(request.ctx);
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me',
    {
      schema: {
        summary: 'The current user, organisation, role and permissions',
        tags: ['auth'],
        response: { 200: MeSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => getMe(request.ctx, request.csrfToken),
  );

  app.patch(
    '/api/me/preferences',
    {
      schema: {
        summary: 'Change your display preferences (hide names, calendar, language)',
        tags: ['auth'],
        body: PreferencesUpdateSchema,
        response: { 200: PreferencesSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => updatePreferences(request.ctx, request.body),
  );

  app.post(
    '/api/auth/reauth',
    {
      schema: {
        summary: 'Prove your password (and 2FA code) again before a security change',
        tags: ['auth'],
        body: ReauthSchema,
        response: { 200: ReauthenticatedSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => reauthenticate(request.ctx, request.body),
  );

  app.post(
    '/api/me/password',
    {
      schema: {
        summary: 'Change your password; your other sessions end and your API tokens are revoked',
        tags: ['auth'],
        body: PasswordChangeSchema,
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await changeOwnPassword(request.ctx, request.body);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/recovery-codes',
    {
      schema: {
        summary: 'Replace your recovery codes (after re-authentication); shown once',
        tags: ['auth'],
        response: { 200: TotpConfirmedSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => createRecoveryCodes(request.ctx),
  );

  app.post(
    '/api/auth/totp/setup',
    {
      schema: {
        summary: 'Start TOTP enrolment (after re-authentication): returns a secret and QR code',
        tags: ['auth'],
        response: { 200: TotpSetupSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => setupTotp(request.ctx),
  );

  app.post(
    '/api/auth/totp/confirm',
    {
      schema: {
        summary: 'Finish TOTP enrolment with a code; returns recovery codes once',
        tags: ['auth'],
        body: TotpConfirmSchema,
        response: { 200: TotpConfirmedSchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request) => confirmTotp(request.ctx, request.body.code),
  );

  app.post(
    '/api/auth/totp/disable',
    {
      schema: {
        summary: 'Turn TOTP off after re-authentication (not when the organisation requires it)',
        tags: ['auth'],
        body: TotpDisableSchema.optional(),
        response: { 204: EmptySchema, ...AUTHED_PROBLEMS },
      },
    },
    async (request, reply) => {
      await disableTotp(request.ctx);
      return reply.code(204).send(null);
    },
  );
};
