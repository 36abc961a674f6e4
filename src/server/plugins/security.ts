import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { safeEqual } from '@/lib/crypto.ts';
import { AppError } from '@/lib/errors.ts';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Mantine sets CSS variables through inline style attributes and one <style> element.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Security headers on every response, and CSRF checks on cookie-authenticated writes. */
export const securityPlugin = fp(
  async (app: FastifyInstance, opts: { publicOrigin?: string | undefined }) => {
    app.addHook('onSend', async (request, reply) => {
      reply.header('content-security-policy', CSP);
      reply.header('x-content-type-options', 'nosniff');
      reply.header('referrer-policy', 'no-referrer');
      reply.header('x-frame-options', 'DENY');
      reply.header('cross-origin-opener-policy', 'same-origin');
      reply.header('cross-origin-resource-policy', 'same-origin');
      reply.header(
        'permissions-policy',
        'camera=(), microphone=(), geolocation=(), interest-cohort=()',
      );
      if (request.protocol === 'https') {
        reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
      }
      if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control')) {
        reply.header('cache-control', 'no-store');
      }
    });

    // Runs after authentication (onRequest) and before the body is validated.
    app.addHook('preValidation', async (request) => {
      if (!UNSAFE.has(request.method) || !request.url.startsWith('/api/')) {
        return;
      }
      assertSameOrigin(request, opts.publicOrigin);
      if (request.csrfToken !== null) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !safeEqual(sent, request.csrfToken)) {
          throw new AppError('csrf_failed', 'Send the X-CSRF-Token header from /api/me.');
        }
      }
    });
  },
);

/**
 * Browsers send Origin and Sec-Fetch-Site on writes; a value naming another site is refused.
 * Clients that send neither (curl, API tokens) are not browsers and carry no ambient cookie risk
 * beyond the CSRF token check above.
 */
function assertSameOrigin(request: FastifyRequest, publicOrigin: string | undefined): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new AppError('csrf_failed', 'Cross-site requests are not accepted.');
  }
  const origin = request.headers.origin;
  if (origin === undefined) {
    return;
  }
  const allowed = new Set([`${request.protocol}://${request.host}`]);
  if (publicOrigin) {
    allowed.add(publicOrigin.replace(/\/$/, ''));
  }
  if (!allowed.has(origin)) {
    throw new AppError('csrf_failed', 'The request came from another site.');
  }
}
