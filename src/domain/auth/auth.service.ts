import type { Db } from '@/db/client.ts';
import { recordAudit } from '@/domain/audit/index.ts';
import type { Actor, Ctx } from '@/lib/context.ts';
import { randomToken, sha256Hex } from '@/lib/crypto.ts';
import { AppError } from '@/lib/errors.ts';
import { reauthenticatedUntil, requireAccess } from '@/policy/require-access.ts';
import {
  deleteSession,
  deleteUserSessions,
  findPrincipal,
  findPrincipalByEmail,
  findSessionWithPrincipal,
  insertSession,
  touchSession,
  type ActingPrincipal,
  type Principal,
} from './auth.repository.ts';
import type { Login, Me } from './auth.schema.ts';
import { checkSecrets } from './credential-checks.ts';
import { storedPreferences } from './preferences.service.ts';
import { actingAs, actorFromPrincipal } from './principal.ts';
import { revokeUserTokenRows } from './tokens.repository.ts';

/**
 * The principal each request's actor was resolved from, so GET /api/me does not load it twice.
 * Keyed by the per-request actor object; entries go away with the request.
 */
const resolvedPrincipals = new WeakMap<Actor, ActingPrincipal>();

/** Name of the HttpOnly, SameSite=Strict session cookie. */
export const SESSION_COOKIE = 'hw_session';

/** Sessions end after this long without a request… */
export const SESSION_IDLE_MS = 30 * 60_000;
/** …and after this long in any case. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60_000;
const TOUCH_EVERY_MS = 60_000;

export interface LoginResult {
  me: Me;
  sessionToken: string;
  expiresAt: Date;
}

/**
 * Logs in with email, password and (when enrolled) a TOTP or recovery code. Unknown emails and
 * wrong passwords get the same `invalid_credentials` answer and cost the same time. Every attempt
 * first takes a throttle slot per account and per address (`too_many_attempts`, Retry-After), so
 * a burst of simultaneous guesses is evaluated at most the allowed number of times.
 */
export async function login(ctx: Ctx, input: Login): Promise<LoginResult> {
  const email = input.email.trim().toLowerCase();
  const auditCtx = { ...ctx, actor: { ...ctx.actor, label: email } };
  const principal = await findPrincipalByEmail(ctx.db, email);
  const { usedRecoveryCode } = await checkSecrets(ctx, auditCtx, {
    subject: { email, principal },
    secrets: input,
    secondFactor: true,
    actions: { failed: 'auth.login_failed', throttled: 'auth.login_throttled' },
  });
  return startSession(ctx, principal!, usedRecoveryCode);
}

async function startSession(
  ctx: Ctx,
  principal: Principal,
  usedRecoveryCode: boolean,
): Promise<LoginResult> {
  const now = ctx.now();
  const acting = actingAs(principal);
  const sessionToken = randomToken(32);
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  const session = await ctx.db.transaction(async (tx) => {
    const s = await insertSession(tx, {
      tokenHash: sha256Hex(sessionToken),
      userId: principal.user.id,
      organisationId: principal.organisation.id,
      csrfToken: randomToken(24),
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent?.slice(0, 300) ?? null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
      // Logging in proves the password and 2FA: it counts as a fresh re-authentication.
      reauthenticatedAt: now,
    });
    const actor = actorFromPrincipal(acting, { sessionId: s.id, reauthenticatedAt: now });
    await recordAudit(
      tx,
      { ...ctx, actor },
      {
        organisationId: principal.organisation.id,
        action: 'auth.login',
        entityType: 'user',
        entityId: principal.user.id,
        details: usedRecoveryCode ? { recoveryCode: true } : {},
      },
    );
    return s;
  });
  const actor = actorFromPrincipal(acting, { sessionId: session.id, reauthenticatedAt: now });
  return { me: toMe(ctx, acting, actor, session.csrfToken), sessionToken, expiresAt };
}

/** Ends the caller's session (no-op without one). */
export async function logout(ctx: Ctx): Promise<void> {
  const { actor } = ctx;
  if (actor.kind !== 'user' || !actor.sessionId) {
    return;
  }
  await ctx.db.transaction(async (tx) => {
    await deleteSession(tx, actor.sessionId!);
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'auth.logout',
      entityType: 'user',
      entityId: actor.userId,
    });
  });
}

/**
 * Ends every session of the caller, on every device, and revokes their API tokens (a stolen
 * token must not outlive "log out everywhere"). Needs a person: API tokens get `session_required`.
 */
export async function logoutEverywhere(ctx: Ctx): Promise<void> {
  const actor = await requireAccess(ctx, 'me.security');
  const userId = actor.userId!;
  await ctx.db.transaction(async (tx) => {
    const count = await deleteUserSessions(tx, userId);
    const tokens = await revokeUserTokenRows(tx, userId, ctx.now());
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'auth.logout_all',
      entityType: 'user',
      entityId: userId,
      details: { sessions: count, tokensRevoked: tokens },
    });
  });
}

/** The caller's profile, organisation, role and permissions. */
export async function getMe(ctx: Ctx, csrfToken: string | null): Promise<Me> {
  const actor = await requireAccess(ctx, 'me.read');
  let principal = resolvedPrincipals.get(ctx.actor);
  if (!principal) {
    const found = await findPrincipal(ctx.db, actor.userId!, actor.organisationId);
    if (!found) {
      throw new AppError('unauthenticated');
    }
    principal = actingAs(found);
  }
  return toMe(ctx, principal, actor, csrfToken ?? '');
}

function toMe(ctx: Ctx, p: ActingPrincipal, actor: Actor, csrfToken: string): Me {
  return {
    user: {
      id: p.user.id,
      email: p.user.email,
      displayName: p.user.displayName,
      totpEnabled: p.user.totpEnabled,
      platformAdmin: p.user.platformAdmin,
      mustChangePassword: p.user.mustChangePassword,
    },
    organisation: p.organisation,
    role: p.membership.role,
    permissions: [...actor.permissions],
    csrfToken,
    totpEnrolmentRequired: actor.totpEnrolmentRequired,
    reauthenticatedUntil: reauthenticatedUntil(ctx, actor)?.toISOString() ?? null,
    preferences: storedPreferences(p.user.preferences),
  };
}

/**
 * The actor behind a session cookie, or null when the session is unknown, idle for too long,
 * past its absolute lifetime, or its membership was disabled.
 */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const found = await findSessionWithPrincipal(db, sha256Hex(token));
  if (!found) {
    return null;
  }
  const { session } = found;
  const idle = now.getTime() - session.lastSeenAt.getTime() > SESSION_IDLE_MS;
  const principal = idle || session.expiresAt <= now ? null : found.principal;
  if (!principal) {
    await deleteSession(db, session.id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await touchSession(db, session.id, now);
  }
  const actor = actorFromPrincipal(principal, {
    sessionId: session.id,
    reauthenticatedAt: session.reauthenticatedAt,
  });
  resolvedPrincipals.set(actor, principal);
  return { actor, csrfToken: session.csrfToken };
}
