import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { resolveApiToken, resolveSession, SESSION_COOKIE } from '@/domain/auth/index.ts';
import { ANONYMOUS, type Actor, type Ctx } from '@/lib/context.ts';
import { needsWriteReceipt, writeReceipt } from '@/policy/write-receipt.ts';

/**
 * Works out who is calling: an `Authorization: Bearer` API token (no cookie, no CSRF token
 * needed) or the session cookie. Builds `request.ctx` for the services.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request) => {
    request.actor = ANONYMOUS;
  });
  app.decorateRequest('ctx', {
    getter(this: FastifyRequest) {
      return requestCtx(app, this);
    },
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') || isPublicApi(request.url)) {
      return;
    }
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      const actor = await resolveApiToken(app.database.db, header.slice(7).trim(), app.clock());
      request.actor = actor ?? ANONYMOUS;
      return;
    }
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) {
      const resolved = await resolveSession(app.database.db, cookie, app.clock());
      if (resolved) {
        request.actor = resolved.actor;
        request.csrfToken = resolved.csrfToken;
      }
    }
  });

  app.addHook('onSend', receiptOnly);
});

/**
 * Anonymous by construction: under `/api/public/` (the job-offer checker, advert reports) no
 * session cookie or token is read, so the caller stays ANONYMOUS, there is no session lookup and
 * no CSRF token is asked for (security.ts checks it only for a resolved session).
 */
export function isPublicApi(url: string): boolean {
  return url.startsWith('/api/public/');
}

/** A token that may write case data but not read it gets a receipt, never the record. */
async function receiptOnly(
  request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
): Promise<unknown> {
  if (
    reply.statusCode >= 300 ||
    typeof payload !== 'string' ||
    !needsWriteReceipt(request.actor, request.method, request.url)
  ) {
    return payload;
  }
  let body: unknown;
  try {
    body = JSON.parse(payload);
  } catch {
    body = null;
  }
  return JSON.stringify(writeReceipt(body));
}

function requestCtx(app: FastifyInstance, request: FastifyRequest): Ctx {
  return {
    db: app.database.db,
    actor: request.actor,
    cipher: app.cipher,
    log: request.log,
    now: app.clock,
    meta: {
      ip: request.ip ?? null,
      requestId: String(request.id),
      userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
    },
  };
}
