import type { Actor, Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { isExternalOrganisation } from './access.repository.ts';

/**
 * Directory decisions finer than a permission: who maintains an entry and who reads a
 * service's staff-only address. The permission itself is still checked with `requireAccess`.
 */

/** Whether the actor curates the directory (a platform admin in person: `directory.verify`). */
export function curatesDirectory(actor: Pick<Actor, 'kind' | 'permissions'>): boolean {
  return actor.kind !== 'token' && actor.permissions.has('directory.verify');
}

/** The entry as far as the address rule needs it. */
export interface AddressedEntry {
  kind: string;
  organisationId: string;
  external: boolean;
}

/**
 * May `actor` read the entry's address? Never anonymously (public answers have no address field
 * at all). A shelter's address only by its own organisation's members (or, for an external
 * shelter, the platform admins who maintain it): traffickers look for people who escaped, so
 * other organisations refer to a shelter through its contact, never to its door. Any other
 * service's address (a legal-aid office) by every signed-in member.
 */
export function mayReadAddress(
  actor: Pick<Actor, 'kind' | 'permissions' | 'organisationId'>,
  entry: AddressedEntry,
): boolean {
  if (actor.kind === 'anonymous' || actor.organisationId === null) {
    return false;
  }
  if (entry.kind !== 'shelter') {
    return true;
  }
  return (
    entry.organisationId === actor.organisationId || (entry.external && curatesDirectory(actor))
  );
}

/**
 * An external organisation (listed by a platform admin, not on this installation) has no
 * accounts here: adding a member to one, even by the operator, is `forbidden`.
 */
export async function requireLocalOrganisation(ctx: Ctx, organisationId: string): Promise<void> {
  if (await isExternalOrganisation(ctx.db, organisationId)) {
    throw new AppError(
      'forbidden',
      'This organisation is listed in the directory but is not on this installation: it has no accounts here.',
    );
  }
}
