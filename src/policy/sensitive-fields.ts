import type { Actor } from '@/lib/context.ts';
import type { FieldCipher } from '@/lib/crypto.ts';

/**
 * Whether `actor` may receive the fields kept encrypted at rest as sensitive: a case's
 * `sensitive` block, note bodies, need goals, task titles, journey event notes and outcomes,
 * plan actions, consent guardian and best-interest text, attachments. Holders of
 * `case.read_sensitive` may (caseworkers, supervisors, admins; tokens with the `sensitive`
 * scope); viewers may not. For those who may not, the fields are returned as null and are not
 * decrypted at all.
 */
export function canReadSensitive(actor: Pick<Actor, 'permissions'>): boolean {
  return actor.permissions.has('case.read_sensitive');
}

/**
 * The cipher to open sensitive fields with for `actor`, or null when they may not see them:
 * mappers given null return those fields as null without decrypting anything.
 *
 * @example const text = sensitiveCipher(actor, ctx.cipher)?.decrypt(row.titleEnc, aad) ?? null;
 */
export function sensitiveCipher(
  actor: Pick<Actor, 'permissions'>,
  cipher: FieldCipher,
): FieldCipher | null {
  return canReadSensitive(actor) ? cipher : null;
}
