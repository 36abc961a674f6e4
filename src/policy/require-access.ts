import type { Actor, Ctx } from '@/lib/context.ts';
import { AppError, type ErrorCode } from '@/lib/errors.ts';
import { isUuid } from '@/lib/ids.ts';
import { caseVisibleTo, isMember, ownsToken } from './access.repository.ts';
import type { Permission } from './permissions.ts';

/** An actor known to act inside one organisation. */
export type OrgActor = Actor & { organisationId: string };

/** A resource the permission is exercised on; checked to belong to the actor's organisation. */
export type Resource =
  { type: 'user'; id: string } | { type: 'token'; id: string } | { type: 'case'; id: string };

/** What a user who must still enrol in 2FA may do. */
const ALLOWED_BEFORE_ENROLMENT: ReadonlySet<Permission> = new Set(['me.read', 'me.update']);

const NOT_FOUND: Record<Resource['type'], ErrorCode> = {
  user: 'user_not_found',
  token: 'token_not_found',
  case: 'case_not_found',
};

/**
 * The single gate in front of every use case. Throws `unauthenticated` without an actor,
 * `totp_enrolment_required` before mandatory 2FA enrolment, `forbidden` without the permission,
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
  if (actor.totpEnrolmentRequired && !ALLOWED_BEFORE_ENROLMENT.has(permission)) {
    throw new AppError('totp_enrolment_required');
  }
  if (!actor.permissions.has(permission)) {
    throw new AppError('forbidden');
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

/** Installation-wide operations (creating organisations) need a platform admin or the CLI. */
export function requirePlatformAdmin(ctx: Ctx): void {
  const { actor } = ctx;
  if (actor.kind === 'anonymous') {
    throw new AppError('unauthenticated');
  }
  // Mandatory 2FA enrolment applies to installation-wide powers too.
  if (actor.totpEnrolmentRequired) {
    throw new AppError('totp_enrolment_required');
  }
  if (
    actor.kind !== 'system' &&
    !(actor.platformAdmin && actor.permissions.has('platform.manage'))
  ) {
    throw new AppError('forbidden');
  }
}

/**
 * A case is visible to actors with `case.read_all` when it belongs to their organisation, and to
 * everyone else only when they are assigned to it.
 */
function canSeeCase(db: Ctx['db'], actor: OrgActor, caseId: string): Promise<boolean> {
  const onlyAssignedTo = actor.permissions.has('case.read_all') ? null : actor.userId;
  if (!actor.permissions.has('case.read_all') && actor.userId === null) {
    return Promise.resolve(false);
  }
  return caseVisibleTo(db, actor.organisationId, caseId, onlyAssignedTo);
}

/** The user id a case query must be restricted to (assigned cases only), or null for all. */
export function assignedOnlyFilter(actor: OrgActor): string | null {
  return actor.permissions.has('case.read_all')
    ? null
    : (actor.userId ?? '00000000-0000-0000-0000-000000000000');
}
