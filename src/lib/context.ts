import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '@/db/client.ts';
import type { Permission } from '@/policy/permissions.ts';
import type { Role } from '@/policy/roles.ts';
import type { FieldCipher } from './crypto.ts';

/** Who is acting: a logged-in user, an API token, the CLI, or nobody. */
export interface Actor {
  kind: 'anonymous' | 'user' | 'token' | 'system';
  userId: string | null;
  /** Email or 'cli'; used as the audit label. */
  label: string | null;
  organisationId: string | null;
  role: Role | null;
  platformAdmin: boolean;
  permissions: ReadonlySet<Permission>;
  sessionId: string | null;
  tokenId: string | null;
  /** The organisation requires 2FA and this user has not enrolled yet. */
  totpEnrolmentRequired: boolean;
  /** An admin reset the password: the user must choose a new one before anything else. */
  mustChangePassword: boolean;
  /** When this browser session last proved the password (and 2FA); null for tokens and the CLI. */
  reauthenticatedAt: Date | null;
}

/** Where a request came from, for audit and throttling. Never survivor data. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
  userAgent: string | null;
}

/** Everything a service needs; built per request (or per CLI command). */
export interface Ctx {
  db: Db;
  actor: Actor;
  cipher: FieldCipher;
  log: FastifyBaseLogger;
  now: () => Date;
  meta: RequestMeta;
}

export const ANONYMOUS: Actor = {
  kind: 'anonymous',
  userId: null,
  label: null,
  organisationId: null,
  role: null,
  platformAdmin: false,
  permissions: new Set(),
  sessionId: null,
  tokenId: null,
  totpEnrolmentRequired: false,
  mustChangePassword: false,
  reauthenticatedAt: null,
};
