import type { Actor, Ctx } from '@/lib/context.ts';
import { AppError, type ErrorCode } from '@/lib/errors.ts';
import { isUuid } from '@/lib/ids.ts';
import { caseVisibleTo, hasOtherMemberships, isMember, ownsToken } from './access.repository.ts';
import { PERMISSION_CLASS, type Permission } from './permissions.ts';
import { switchedOffByOrganisation } from './roles.ts';

/** An actor known to act inside one organisation. */
export type OrgActor = Actor & { organisationId: string };

/** A resource the permission is exercised on; checked to belong to the actor's organisation. */
export type Resource =
  { type: 'user'; id: string } | { type: 'token'; id: string } | { type: 'case'; id: string };

/** What a user who must still enrol in 2FA may do. */
const ALLOWED_BEFORE_ENROLMENT: ReadonlySet<Permission> = new Set([
  'me.read',
  'me.update',
  'me.security',
]);
/** What a user whose password an admin reset may do before choosing a new one. */
const ALLOWED_BEFORE_PASSWORD_CHANGE: ReadonlySet<Permission> = new Set(['me.read', 'me.security']);

/** How long a password (and 2FA) re-authentication, or the login itself, stays fresh. */
export const REAUTH_WINDOW_MS = 5 * 60_000;

const NOT_FOUND: Record<Resource['type'], ErrorCode> = {
  user: 'user_not_found',
  token: 'token_not_found',
  case: 'case_not_found',
};

/**
 * The single gate in front of every use case. Throws `unauthenticated` without an actor,
 * `password_change_required` after an admin's password reset, `totp_enrolment_required` before
 * mandatory 2FA enrolment, `forbidden` without the permission,
 * and the resource's not-found code when a resource is not in the actor's organisation (another
 * organisation's id is answered exactly like an unknown id).
 *
 * @example const actor = await requireAccess(ctx, 'user.manage', [{ type: 'user', id }]);
 */
export async function requireAccess(
  ctx: Ctx,
  permission: Permission,
  resources: readonly Resource[] = [],
): Promise<OrgActor> {
  const { actor } = ctx;
  if (actor.kind === 'anonymous' || actor.organisationId === null) {
    throw new AppError('unauthenticated');
  }
  if (actor.kind === 'token' && PERMISSION_CLASS[permission] === 'session-only') {
    throw new AppError('session_required');
  }
  if (actor.mustChangePassword && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(permission)) {
    throw new AppError('password_change_required');
  }
  if (actor.totpEnrolmentRequired && !ALLOWED_BEFORE_ENROLMENT.has(permission)) {
    throw new AppError('totp_enrolment_required');
  }
  if (!actor.permissions.has(permission)) {
    throw new AppError(
      switchedOffByOrganisation(actor.role, permission) ? 'api_tokens_disabled' : 'forbidden',
    );
  }
  const orgActor = actor as OrgActor;
  for (const resource of resources) {
    if (!(await belongsToActor(ctx, orgActor, resource))) {
      throw new AppError(NOT_FOUND[resource.type]);
    }
  }
  return orgActor;
}

async function belongsToActor(ctx: Ctx, actor: OrgActor, resource: Resource): Promise<boolean> {
  if (!isUuid(resource.id)) {
    return false;
  }
  switch (resource.type) {
    case 'user':
      return isMember(ctx.db, actor.organisationId, resource.id);
    case 'case':
      return canSeeCase(ctx.db, actor, resource.id);
    case 'token':
      return (
        actor.userId !== null && ownsToken(ctx.db, actor.organisationId, actor.userId, resource.id)
      );
  }
}

/**
 * Security changes (2FA set-up, replacement and removal, new recovery codes) need a person in a
 * browser session who proved their password (and 2FA code) within REAUTH_WINDOW_MS: a stolen
 * session or an API token alone cannot replace the owner's authenticator. Throws
 * `session_required` for tokens and the CLI, `reauthentication_required` when it is stale.
 */
export function requireRecentAuthentication(ctx: Ctx, actor: OrgActor): void {
  if (actor.kind !== 'user' || actor.sessionId === null) {
    throw new AppError('session_required');
  }
  const at = actor.reauthenticatedAt;
  if (!at || ctx.now().getTime() - at.getTime() > REAUTH_WINDOW_MS) {
    throw new AppError('reauthentication_required');
  }
}

/**
 * Accounts are installation-wide (one password and one 2FA across all memberships): an
 * organisation's admin may reset the password or 2FA only of users whose only membership is
 * that organisation, or an admin of organisation B could take over a member's login to A.
 * Anyone else is reset by a platform admin. Throws `forbidden`.
 */
export async function requireAccountControl(
  ctx: Ctx,
  actor: OrgActor,
  userId: string,
): Promise<void> {
  if (
    !isPlatformAdmin(actor) &&
    (await hasOtherMemberships(ctx.db, actor.organisationId, userId))
  ) {
    throw new AppError(
      'forbidden',
      'This account also belongs to another organisation: ask a platform admin to reset it.',
    );
  }
}

/**
 * May the caller change the security settings of `userId`'s account (remove their 2FA)? The user
 * themselves (`me.security`), or an admin of their organisation (`user.admin`) who controls the
 * account (see `requireAccountControl`; the CLI operator always does). Throws `forbidden`, and
 * `user_not_found` for a user who is not a member of the caller's organisation.
 */
export async function requireAccountSecurityControl(ctx: Ctx, userId: string): Promise<OrgActor> {
  if (ctx.actor.userId !== null && ctx.actor.userId === userId) {
    return requireAccess(ctx, 'me.security');
  }
  const actor = await requireAccess(ctx, 'user.admin', [{ type: 'user', id: userId }]);
  await requireAccountControl(ctx, actor, userId);
  return actor;
}

/** Until when the actor's last re-authentication stays fresh, or null when it is stale. */
export function reauthenticatedUntil(ctx: Ctx, actor: Actor): Date | null {
  const at = actor.kind === 'user' ? actor.reauthenticatedAt : null;
  const until = at ? new Date(at.getTime() + REAUTH_WINDOW_MS) : null;
  return until && until > ctx.now() ? until : null;
}

/** True for a platform admin acting in person (or the CLI operator). */
export function isPlatformAdmin(actor: Actor): boolean {
  return (
    actor.kind === 'system' || (actor.platformAdmin && actor.permissions.has('platform.manage'))
  );
}

/** Installation-wide operations (creating organisations) need a platform admin or the CLI. */
export function requirePlatformAdmin(ctx: Ctx): void {
  const { actor } = ctx;
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated');
  }
  // Mandatory 2FA enrolment applies to installation-wide powers too.
  if (actor.kind === 'token') {
    throw new AppError('session_required');
  }
  if (actor.mustChangePassword) {
    throw new AppError('password_change_required');
  }
  if (actor.totpEnrolmentRequired) {
    throw new AppError('totp_enrolment_required');
  }
  if (!isPlatformAdmin(actor)) {
    throw new AppError('forbidden');
  }
}

/**
 * A case is visible to actors with `case.read_all` when it belongs to their organisation, and to
 * everyone else only when they are assigned to it.
 */
function canSeeCase(db: Ctx['db'], actor: OrgActor, caseId: string): Promise<boolean> {
  const onlyAssignedTo = canReadAllCases(actor) ? null : actor.userId;
  if (!canReadAllCases(actor) && actor.userId === null) {
    return Promise.resolve(false);
  }
  return caseVisibleTo(db, actor.organisationId, caseId, onlyAssignedTo);
}

/**
 * Whether `actor` oversees every case of their organisation (`case.read_all`: supervisors,
 * admins, viewers), rather than only the cases assigned to them.
 */
export function canReadAllCases(actor: Pick<Actor, 'permissions'>): boolean {
  return actor.permissions.has('case.read_all');
}

/**
 * Whether `actor` may choose who a case is assigned to (`case.assign`: supervisors and admins).
 * Everyone else registers cases assigned to themselves and cannot change a case's assignees.
 */
export function canAssignCases(actor: Pick<Actor, 'permissions'>): boolean {
  return actor.permissions.has('case.assign');
}

/** The user id a case query must be restricted to (assigned cases only), or null for all. */
export function assignedOnlyFilter(actor: OrgActor): string | null {
  return canReadAllCases(actor) ? null : (actor.userId ?? '00000000-0000-0000-0000-000000000000');
}
