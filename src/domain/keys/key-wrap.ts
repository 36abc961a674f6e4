import { open, seal } from '@/lib/crypto.ts';

/** Each wrapped key is bound to its row, so a wrapped key cannot be moved to another id. */
const wrapAad = (keyId: string) => `encryption_keys:${keyId}`;

/** Wraps `key` (AES-256-GCM) under the master key, for the `encryption_keys` row `id`. */
export function wrapKey(master: Buffer, id: string, key: Buffer): string {
  return seal(master, 'master', key, wrapAad(id));
}

/** Unwraps the key of row `id`; throws `DecryptionError` when `master` did not wrap it. */
export function unwrapKey(master: Buffer, id: string, wrapped: string): Buffer {
  return open(master, wrapped, wrapAad(id));
}
