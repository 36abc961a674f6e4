// Installation-operator look-ups and changes (CLI).
import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { findOrFail } from '@/lib/errors.ts';
import { requirePlatformAdmin } from '@/policy/require-access.ts';
import { findPrincipalByEmail } from './auth.repository.ts';
import { assertPasswordPolicy, generatePassword } from './passwords.ts';
import { clearAccountFailures } from './throttle.ts';
import { setPlatformAdminFlag } from './users.repository.ts';
import { setTemporaryPassword } from './users.service.ts';

/**
 * The active user with `email` and the organisation they act in, for an installation operator
 * (a platform admin or the CLI: anyone else gets what `requirePlatformAdmin` throws). Throws
 * `user_not_found` when there is no such active user.
 */
export async function findUserForOperator(
  ctx: Ctx,
  email: string,
): Promise<{ userId: string; organisationId: string; email: string }> {
  requirePlatformAdmin(ctx);
  const principal = await findOrFail(
    findPrincipalByEmail(ctx.db, email.trim().toLowerCase()),
    'user_not_found',
    `No active user with email ${email}`,
  );
  return {
    userId: principal.user.id,
    organisationId: principal.organisation.id,
    email: principal.user.email,
  };
}

/** Grants or removes installation-wide platform admin rights. */
export async function setPlatformAdmin(ctx: Ctx, userId: string, value: boolean): Promise<void> {
  requirePlatformAdmin(ctx);
  await ctx.db.transaction(async (tx) => {
    await setPlatformAdminFlag(tx, userId, value);
    await recordAudit(tx, ctx, {
      organisationId: null,
      action: 'user.platform_admin',
      entityType: 'user',
      entityId: userId,
      details: { value },
    });
  });
}

/**
 * Sets a user's password for the operator (CLI). Without `password` a strong one is generated
 * and the user must change it at the next login; a password the operator chose (read from
 * standard input) is kept as it is. Their sessions end and their API tokens are revoked.
 * Returns the generated password, or null. Throws `user_not_found`, `weak_password`.
 */
export async function resetPasswordForOperator(
  ctx: Ctx,
  email: string,
  password?: string,
): Promise<{ email: string; generated: string | null }> {
  const found = await findUserForOperator(ctx, email);
  if (password !== undefined) {
    assertPasswordPolicy(password, found.email);
  }
  const chosen = password ?? generatePassword();
  await setTemporaryPassword(
    ctx,
    { userId: found.userId, organisationId: found.organisationId },
    { password: chosen, mustChange: password === undefined },
  );
  await clearAccountFailures(ctx.db, found.email);
  return { email: found.email, generated: password === undefined ? chosen : null };
}
