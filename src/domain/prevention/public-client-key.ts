import { createHmac, randomBytes } from 'node:crypto';
import { normalizeIP } from '@fastify/rate-limit';

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
