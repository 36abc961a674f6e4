import { createHmac, randomBytes } from 'node:crypto';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '@/lib/errors.ts';

/**
 * A random key per process: the rate limiter's keys can be compared within this process, but
 * an address cannot be recovered or tested against them once the process has ended, and the
 * key is never written anywhere.
 */
const PROCESS_KEY = randomBytes(32);

/**
 * The key public routes are rate-limited by: an HMAC-SHA-256 of the client address (IPv6 to its
 * /64, as @fastify/rate-limit does), so the limiter's memory holds no address. `ip` is Fastify's
 * `request.ip`, which honours the app's `trustProxy` setting (see client-address.test.ts).
 */
export function anonymousClientKey(ip: string): string {
  return createHmac('sha256', PROCESS_KEY).update(normalizeIP(ip)).digest('base64url');
}

/**
 * What every plugin of routes under `/api/public/` sets up in its own scope: a per-address rate
 * limit kept in memory under {@link anonymousClientKey} (each route sets its `max` and
 * `timeWindow` in `config.rateLimit`; a refusal is 429 `too_many_attempts` with Retry-After and
 * `tooMany` as its first sentence), and no Set-Cookie on any answer. The session side needs
 * nothing here: the auth plugin reads no cookie or token under `/api/public/` (`isPublicApi`).
 */
export async function publicScope(app: FastifyInstance, tooMany: string): Promise<void> {
  await app.register(rateLimit, {
    global: false,
    keyGenerator: (request) => anonymousClientKey(request.ip),
    errorResponseBuilder: (_request, context) =>
      new AppError('too_many_attempts', `${tooMany} Try again in ${context.after}.`, {
        headers: { 'retry-after': String(Math.max(1, Math.ceil(context.ttl / 1000))) },
      }),
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.removeHeader('set-cookie');
  });
}
