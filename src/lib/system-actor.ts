import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '@/db/client.ts';
import { PERMISSIONS } from '@/policy/permissions.ts';
import type { Actor, Ctx } from './context.ts';
import type { FieldCipher } from './crypto.ts';

/** The actor of CLI commands run by the operator of the installation. */
export function systemActor(organisationId: string | null): Actor {
  return {
    kind: 'system',
    userId: null,
    label: 'cli',
    organisationId,
    role: 'admin',
    platformAdmin: true,
    permissions: new Set(PERMISSIONS),
    sessionId: null,
    tokenId: null,
    totpEnrolmentRequired: false,
    mustChangePassword: false,
    reauthenticatedAt: null,
  };
}

const silentLog = {
  level: 'silent',
  fatal: () => undefined,
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  trace: () => undefined,
  silent: () => undefined,
  child: () => silentLog,
} as unknown as FastifyBaseLogger;

/** A service context for the CLI (and test factories), acting as the installation operator. */
export function systemCtx(
  deps: { db: Db; cipher: FieldCipher },
  organisationId: string | null = null,
): Ctx {
  return {
    db: deps.db,
    cipher: deps.cipher,
    actor: systemActor(organisationId),
    log: silentLog,
    now: () => new Date(),
    meta: { ip: null, requestId: null, userAgent: 'homeward-cli' },
  };
}
