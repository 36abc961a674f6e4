import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { isUuid } from '@/lib/ids.ts';
import { type PageQuery } from '@/lib/page-query.schema.ts';
import { decodeCursor, encodeCursor, toPage } from '@/lib/pagination.ts';
import { requireLocalOrganisation } from '@/policy/directory-access.ts';
import { requireAccess, requireAccountControl, type OrgActor } from '@/policy/require-access.ts';
import { deleteUserSessions } from './auth.repository.ts';
import { assertPasswordPolicy, generatePassword, hashPassword } from './passwords.ts';
import { accountLockedUntil, clearAccountFailures } from './throttle.ts';
import { revokeUserTokenRows } from './tokens.repository.ts';
import { clearTotp } from './totp.service.ts';
import {
  countOtherActiveAdmins,
  findMember,
  findUserIdByEmail,
  insertMember,
  insertMembership,
  listMembers,
  setUserPassword,
  updateMembership,
  updateUserProfile,
  type MemberRow,
} from './users.repository.ts';
import type {
  PasswordReset,
  User,
  UserCreate,
  UserCreated,
  UserPage,
  UserUpdate,
} from './users.schema.ts';

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
  const members = toPage(rows, page.limit, (last) => encodeCursor(last.id));
  return { ...members, items: await Promise.all(members.items.map((r) => toUser(ctx, r))) };
}

/**
 * Adds a user to the caller's organisation (`user.manage`; an admin needs `user.admin`). Without a
 * password a strong one is generated and returned once; the member must replace it (or the one
 * the admin chose) at the first login. Accounts are installation-wide: when the
 * e-mail already has an account, that account is added to this organisation (it keeps its own
 * password and 2FA; `existingAccount: true`), so the answer never reveals which organisation it
 * belongs to. Throws `email_taken` (already a member here), `weak_password`.
 */
export async function createUser(ctx: Ctx, input: UserCreate): Promise<UserCreated> {
  const actor = await requireAccess(ctx, 'user.manage');
  if (input.role === 'admin') {
    await requireAccess(ctx, 'user.admin');
  }
  await requireLocalOrganisation(ctx, actor.organisationId);
  const temporaryPassword = input.password ? null : generatePassword();
  const password = input.password ?? temporaryPassword!;
  assertPasswordPolicy(password, input.email);
  const existingId = await findUserIdByEmail(ctx.db, input.email);
  if (existingId) {
    return addExistingAccount(ctx, actor.organisationId, existingId, input);
  }
  const passwordHash = await hashPassword(password);
  const userId = await ctx.db.transaction(async (tx) => {
    const id = await insertMember(tx, {
      ...input,
      organisationId: actor.organisationId,
      passwordHash,
      // The admin knows the password they set or were shown: the member chooses their own at
      // the first login. Only the operator's own choice on the CLI (--password-stdin) is kept.
      mustChangePassword: ctx.actor.kind !== 'system' || temporaryPassword !== null,
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
  return { user: await toUser(ctx, member!), temporaryPassword, existingAccount: false };
}

async function addExistingAccount(
  ctx: Ctx,
  organisationId: string,
  userId: string,
  input: UserCreate,
): Promise<UserCreated> {
  if (await findMember(ctx.db, organisationId, userId)) {
    throw new AppError('email_taken', 'This person is already a member of your organisation.');
  }
  await ctx.db.transaction(async (tx) => {
    await insertMembership(tx, { organisationId, userId, role: input.role });
    await recordAudit(tx, ctx, {
      organisationId,
      action: 'user.add_existing',
      entityType: 'user',
      entityId: userId,
      details: { role: input.role },
    });
  });
  const member = await findMember(ctx.db, organisationId, userId);
  return { user: await toUser(ctx, member!), temporaryPassword: null, existingAccount: true };
}

/**
 * Changes a member's role, name or disabled state (`user.manage`). Disabling ends their sessions.
 * Throws `user_not_found` (also for another organisation's user) and `last_admin`.
 */
export async function updateUser(ctx: Ctx, userId: string, patch: UserUpdate): Promise<User> {
  const actor = await requireAccess(ctx, 'user.manage', [{ type: 'user', id: userId }]);
  const current = (await findMember(ctx.db, actor.organisationId, userId))!;
  await assertUpdateAllowed(ctx, actor, current, patch);
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

/**
 * Making, unmaking or disabling an admin is security administration (`user.admin`, a person, not
 * a token); renaming changes the installation-wide account (same rule as a password reset); the
 * organisation keeps one active admin.
 */
async function assertUpdateAllowed(
  ctx: Ctx,
  actor: OrgActor,
  current: MemberRow,
  patch: UserUpdate,
): Promise<void> {
  const touchesAdmin =
    patch.role === 'admin' ||
    (current.role === 'admin' && (patch.role !== undefined || patch.disabled !== undefined));
  if (touchesAdmin) {
    await requireAccess(ctx, 'user.admin');
  }
  if (patch.displayName !== undefined && patch.displayName !== current.displayName) {
    await requireAccountControl(ctx, actor, current.id);
  }
  const losesAdmin =
    current.role === 'admin' &&
    !current.disabled &&
    ((patch.role !== undefined && patch.role !== 'admin') || patch.disabled === true);
  if (
    losesAdmin &&
    (await countOtherActiveAdmins(ctx.db, actor.organisationId, current.id)) === 0
  ) {
    throw new AppError('last_admin');
  }
}

/**
 * Removes a member's 2FA so they can enrol again (`user.admin`, in person); ends their sessions
 * and revokes their API tokens. Throws `forbidden` when the account also belongs to another
 * organisation and the caller is not a platform admin.
 */
export async function resetUserTotp(ctx: Ctx, userId: string): Promise<void> {
  const actor = await requireAccess(ctx, 'user.admin', [{ type: 'user', id: userId }]);
  await requireAccountControl(ctx, actor, userId);
  await clearTotp(ctx, userId, 'user.reset_2fa');
  await deleteUserSessions(ctx.db, userId);
  await revokeUserTokenRows(ctx.db, userId, ctx.now());
}

/**
 * Gives a member a new temporary password, shown once (`user.admin`, in person): they must
 * choose their own at the next login; their sessions end, their API tokens are revoked and their
 * login lock is lifted. Same organisation rule as `resetUserTotp`.
 */
export async function resetUserPassword(ctx: Ctx, userId: string): Promise<PasswordReset> {
  const actor = await requireAccess(ctx, 'user.admin', [{ type: 'user', id: userId }]);
  await requireAccountControl(ctx, actor, userId);
  const member = (await findMember(ctx.db, actor.organisationId, userId))!;
  const temporaryPassword = generatePassword();
  await setTemporaryPassword(
    ctx,
    { userId, organisationId: actor.organisationId },
    {
      password: temporaryPassword,
      mustChange: true,
    },
  );
  await clearAccountFailures(ctx.db, member.email);
  return { temporaryPassword };
}

/**
 * Sets a password chosen for a user by someone else (admin reset, operator CLI), ending their
 * sessions and revoking their tokens, in one audited transaction.
 */
export async function setTemporaryPassword(
  ctx: Ctx,
  who: { userId: string; organisationId: string | null },
  set: { password: string; mustChange: boolean },
): Promise<void> {
  const passwordHash = await hashPassword(set.password);
  await ctx.db.transaction(async (tx) => {
    await setUserPassword(tx, who.userId, passwordHash, set.mustChange);
    const sessions = await deleteUserSessions(tx, who.userId);
    const tokens = await revokeUserTokenRows(tx, who.userId, ctx.now());
    await recordAudit(tx, ctx, {
      organisationId: who.organisationId,
      action: 'user.reset_password',
      entityType: 'user',
      entityId: who.userId,
      details: { sessionsEnded: sessions, tokensRevoked: tokens, mustChange: set.mustChange },
    });
  });
}
