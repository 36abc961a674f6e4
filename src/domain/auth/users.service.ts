import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { isUuid } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, type PageQuery } from '@/lib/pagination.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { deleteUserSessions } from './auth.repository.ts';
import { assertPasswordPolicy, generatePassword, hashPassword } from './passwords.ts';
import { accountLockedUntil } from './throttle.ts';
import { clearTotp } from './totp.service.ts';
import {
  countOtherActiveAdmins,
  emailExists,
  findMember,
  insertMember,
  listMembers,
  updateMembership,
  updateUserProfile,
  type MemberRow,
} from './users.repository.ts';
import type { User, UserCreate, UserCreated, UserPage, UserUpdate } from './users.schema.ts';

async function toUser(ctx: Ctx, m: MemberRow): Promise<User> {
  const locked = await accountLockedUntil(ctx.db, m.email, ctx.now());
  return {
    ...m,
    lockedUntil: locked?.toISOString() ?? null,
    createdAt: m.createdAt.toISOString(),
  };
}

/** Members of the caller's organisation (`user.read`). */
export async function listUsers(ctx: Ctx, page: PageQuery): Promise<UserPage> {
  const actor = await requireAccess(ctx, 'user.read');
  const after = decodeCursor(page.cursor);
  const rows = await listMembers(
    ctx.db,
    actor.organisationId,
    after && isUuid(after) ? after : null,
    page.limit,
  );
  const items = await Promise.all(rows.slice(0, page.limit).map((r) => toUser(ctx, r)));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > page.limit && last ? encodeCursor(last.id) : null };
}

/**
 * Adds a user to the caller's organisation (`user.manage`). Without a password a strong one is
 * generated and returned once. Throws `email_taken`, `weak_password`.
 */
export async function createUser(ctx: Ctx, input: UserCreate): Promise<UserCreated> {
  const actor = await requireAccess(ctx, 'user.manage');
  const temporaryPassword = input.password ? null : generatePassword();
  const password = input.password ?? temporaryPassword!;
  assertPasswordPolicy(password, input.email);
  if (await emailExists(ctx.db, input.email)) {
    throw new AppError('email_taken');
  }
  const passwordHash = await hashPassword(password);
  const userId = await ctx.db.transaction(async (tx) => {
    const id = await insertMember(tx, {
      ...input,
      organisationId: actor.organisationId,
      passwordHash,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      details: { role: input.role },
    });
    return id;
  });
  const member = await findMember(ctx.db, actor.organisationId, userId);
  return { user: await toUser(ctx, member!), temporaryPassword };
}

/**
 * Changes a member's role, name or disabled state (`user.manage`). Disabling ends their sessions.
 * Throws `user_not_found` (also for another organisation's user) and `last_admin`.
 */
export async function updateUser(ctx: Ctx, userId: string, patch: UserUpdate): Promise<User> {
  const actor = await requireAccess(ctx, 'user.manage', [{ type: 'user', id: userId }]);
  const current = (await findMember(ctx.db, actor.organisationId, userId))!;
  const losesAdmin =
    current.role === 'admin' &&
    !current.disabled &&
    ((patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
  if (losesAdmin && (await countOtherActiveAdmins(ctx.db, actor.organisationId, userId)) === 0) {
    throw new AppError('last_admin');
  }
  await ctx.db.transaction(async (tx) => {
    if (patch.role !== undefined || patch.disabled !== undefined) {
      await updateMembership(tx, actor.organisationId, userId, {
        ...(patch.role !== undefined && { role: patch.role }),
        ...(patch.disabled !== undefined && { disabled: patch.disabled }),
      });
    }
    if (patch.displayName !== undefined) {
      await updateUserProfile(tx, userId, { displayName: patch.displayName });
    }
    if (patch.disabled === true) {
      await deleteUserSessions(tx, userId);
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action:
        patch.role !== undefined && patch.role !== current.role
          ? 'user.role_change'
          : 'user.update',
      entityType: 'user',
      entityId: userId,
      details: { fields: Object.keys(patch), from: current.role, to: patch.role ?? current.role },
    });
  });
  return toUser(ctx, (await findMember(ctx.db, actor.organisationId, userId))!);
}

/** Removes a member's 2FA so they can enrol again (`user.manage`); ends their sessions. */
export async function resetUserTotp(ctx: Ctx, userId: string): Promise<void> {
  const actor = await requireAccess(ctx, 'user.manage', [{ type: 'user', id: userId }]);
  await clearTotp(ctx, userId, actor.organisationId, 'user.reset_2fa');
  await deleteUserSessions(ctx.db, userId);
}
