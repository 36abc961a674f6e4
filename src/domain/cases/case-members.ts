import type { Ctx } from '@/lib/context.ts';
import { validationFailed } from '@/lib/errors.ts';
import type { OrgActor } from '@/policy/require-access.ts';
import { membersAmong } from './cases.repository.ts';

/**
 * Throws `validation_failed` (at `path`) unless every id is an enabled admin, supervisor or
 * caseworker of the actor's organisation: the people who can hold cases, tasks and plan items.
 */
export async function assertAssignable(
  ctx: Ctx,
  actor: OrgActor,
  userIds: string | readonly string[],
  path: string,
): Promise<void> {
  const ids = typeof userIds === 'string' ? [userIds] : [...userIds];
  const valid = await membersAmong(ctx.db, actor.organisationId, ids);
  const invalid = ids.filter((id) => !valid.includes(id));
  if (invalid.length > 0) {
    const message = `Not an assignable member of your organisation: ${invalid.join(', ')}`;
    throw validationFailed([{ path, message }], 'Choose a caseworker, supervisor or admin');
  }
}
