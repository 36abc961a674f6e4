import type { Database } from '@/db/client.ts';
import type { Actor, Ctx } from '@/lib/context.ts';
import type { FieldCipher } from '@/lib/crypto.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    cipher: FieldCipher;
    clock: () => Date;
  }
  interface FastifyRequest {
    actor: Actor;
    /** Set when the request is authenticated by a session cookie. */
    csrfToken: string | null;
    /** The service context of this request. */
    ctx: Ctx;
  }
}
