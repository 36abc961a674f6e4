import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { REAUTH_WINDOW_MS, requireAccess, type OrgActor } from '@/policy/require-access.ts';
import {
  deleteOtherUserSessions,
  findPrincipal,
  markSessionReauthenticated,
  type Principal,
} from './auth.repository.ts';
import type { PasswordChange, Reauth } from './auth.schema.ts';
import { checkSecrets } from './credential-checks.ts';
import { assertPasswordPolicy, hashPassword } from './passwords.ts';
import { splitCode } from './second-factor.ts';
import { revokeUserTokenRows } from './tokens.repository.ts';
import { setUserPassword } from './users.repository.ts';

/** The caller in person (a browser session), with their principal. */
async function sessionPrincipal(ctx: Ctx): Promise<{ actor: OrgActor; principal: Principal }> {
  const actor = await requireAccess(ctx, 'me.security');
  if (actor.kind !== 'user' || actor.sessionId === null) {
    throw new AppError('session_required');
  }
  const principal = await findPrincipal(ctx.db, actor.userId!, actor.organisationId);
  if (!principal) {
    throw new AppError('unauthenticated');
  }
  return { actor, principal };
}

/**
 * Proves the password again (plus a TOTP or recovery code when 2FA is on), through the same
 * throttle as login; security changes are then allowed for REAUTH_WINDOW_MS in this session.
 * Throws `session_required`, `too_many_attempts`, `invalid_credentials`, `totp_required`,
 * `totp_invalid`.
 */
export async function reauthenticate(
  ctx: Ctx,
  input: Reauth,
): Promise<{ reauthenticatedUntil: string }> {
  const { actor, principal } = await sessionPrincipal(ctx);
  await checkSecrets(ctx, ctx, {
    subject: { email: principal.user.email, principal },
    secrets: { password: input.password, ...splitCode(input.code) },
    secondFactor: true,
    actions: { failed: 'auth.reauth_failed', throttled: 'auth.reauth_throttled' },
  });
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await markSessionReauthenticated(tx, actor.sessionId!, now);
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'auth.reauth',
      entityType: 'user',
      entityId: principal.user.id,
    });
  });
  return { reauthenticatedUntil: new Date(now.getTime() + REAUTH_WINDOW_MS).toISOString() };
}

/**
 * Changes the caller's own password after checking the current one (throttled like login).
 * Every other session of the user ends and their API tokens are revoked; this session stays.
 * Clears `mustChangePassword`. Throws `session_required`, `too_many_attempts`,
 * `invalid_credentials`, `weak_password`.
 */
export async function changeOwnPassword(ctx: Ctx, input: PasswordChange): Promise<void> {
  const { actor, principal } = await sessionPrincipal(ctx);
  const userId = principal.user.id;
  assertPasswordPolicy(input.newPassword, principal.user.email, 'newPassword');
  if (input.newPassword === input.currentPassword) {
    throw new AppError('weak_password', 'Choose a password different from the current one.', {
      errors: [{ path: 'newPassword', message: 'Choose a different password' }],
    });
  }
  await checkSecrets(ctx, ctx, {
    subject: { email: principal.user.email, principal },
    secrets: { password: input.currentPassword },
    secondFactor: false,
    actions: { failed: 'auth.password_change_failed', throttled: 'auth.password_change_throttled' },
  });
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    await setUserPassword(tx, userId, passwordHash, false);
    const sessions = await deleteOtherUserSessions(tx, userId, actor.sessionId!);
    const tokens = await revokeUserTokenRows(tx, userId, ctx.now());
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'auth.password_changed',
      entityType: 'user',
      entityId: userId,
      details: { sessionsEnded: sessions, tokensRevoked: tokens },
    });
  });
}
