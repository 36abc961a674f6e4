import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { requirePlatformAdmin } from '@/policy/require-access.ts';
import { findPrincipalByEmail } from './auth.repository.ts';
import { setPlatformAdminFlag } from './users.repository.ts';

/** Installation-operator look-ups and changes (CLI). */
export async function findUserForOperator(
  ctx: Ctx,
  email: string,
): Promise<{ userId: string; organisationId: string; email: string }> {
  requirePlatformAdmin(ctx);
  const principal = await findPrincipalByEmail(ctx.db, email.trim().toLowerCase());
  if (!principal) {
    throw new AppError('user_not_found', `No active user with email ${email}`);
  }
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
