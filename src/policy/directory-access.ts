import type { Actor } from '@/lib/context.ts';

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
