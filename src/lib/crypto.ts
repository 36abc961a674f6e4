import {
  createCipheriv,
  createDecipheriv,
  createHash,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Field encryption: AES-256-GCM from Node's `crypto`.
 *
 * Envelope scheme: a master key (from HOMEWARD_MASTER_KEY / HOMEWARD_KEY_FILE, never in the
 * database) wraps data-encryption keys (DEKs) stored in `encryption_keys`. Fields are encrypted
 * with the active DEK and carry its id, so `homeward keys rotate` can re-encrypt them under a new
 * DEK. Each ciphertext is bound to its place (`aad`, e.g. `users.totp_secret:<userId>`) so it
 * cannot be copied into another row.
 *
 * Format: `hw1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
const PREFIX = 'hw1';
const KEY_BYTES = 32;
const IV_BYTES = 12;

/** Raised when a ciphertext cannot be decrypted (wrong key, tampering, unknown key id). */
export class DecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecryptionError';
  }
}

/** Encrypts and decrypts fields with a keyring of data keys. */
export interface FieldCipher {
  readonly activeKeyId: string;
  encrypt(plaintext: string, aad: string): string;
  decrypt(ciphertext: string, aad: string): string;
  /** Id of the data key a ciphertext was made with. */
  keyIdOf(ciphertext: string): string;
}

/** Makes a cipher over `keys` (id → 32-byte key), encrypting with `activeKeyId`. */
export function createFieldCipher(keys: Map<string, Buffer>, activeKeyId: string): FieldCipher {
  const active = keys.get(activeKeyId);
  if (!active) {
    throw new Error(`Active data key ${activeKeyId} is not in the keyring`);
  }
  return {
    activeKeyId,
    encrypt: (plaintext, aad) => seal(active, activeKeyId, Buffer.from(plaintext, 'utf8'), aad),
    decrypt: (ciphertext, aad) => {
      const keyId = parseSealed(ciphertext).keyId;
      const key = keys.get(keyId);
      if (!key) {
        throw new DecryptionError(`Data key ${keyId} is not available`);
      }
      return open(key, ciphertext, aad).toString('utf8');
    },
    keyIdOf: (ciphertext) => parseSealed(ciphertext).keyId,
  };
}

/** Encrypts `data` with `key`, tagging the result with `keyId` and binding it to `aad`. */
export function seal(key: Buffer, keyId: string, data: Buffer, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(`${keyId}|${aad}`, 'utf8'));
  const body = Buffer.concat([cipher.update(data), cipher.final()]);
  const parts = [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url'));
  return [PREFIX, keyId, ...parts].join('.');
}

/** Decrypts a value made by `seal`; throws `DecryptionError` on any mismatch. */
export function open(key: Buffer, sealed: string, aad: string): Buffer {
  const { keyId, iv, tag, body } = parseSealed(sealed);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv);
    decipher.setAAD(Buffer.from(`${keyId}|${aad}`, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new DecryptionError('Decryption failed: wrong key or the value was altered');
  }
}

function parseSealed(sealed: string): { keyId: string; iv: Buffer; tag: Buffer; body: Buffer } {
  const parts = sealed.split('.');
  const [prefix, keyId, iv, tag, body] = parts;
  if (parts.length !== 5 || prefix !== PREFIX || !keyId || !iv || !tag || body === undefined) {
    throw new DecryptionError('Not a Homeward ciphertext');
  }
  const ivBuf = Buffer.from(iv, 'base64url');
  const tagBuf = Buffer.from(tag, 'base64url');
  if (ivBuf.length !== IV_BYTES || tagBuf.length !== 16) {
    throw new DecryptionError('Malformed ciphertext');
  }
  return { keyId, iv: ivBuf, tag: tagBuf, body: Buffer.from(body, 'base64url') };
}

/** A fresh random 256-bit key. */
export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Parses a master key given as base64 (44 chars) or hex (64 chars); throws if not 32 bytes. */
export function parseMasterKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new Error(
      'The master key must be 32 random bytes, written as base64 or hex ' +
        '(make one with `openssl rand -base64 32`).',
    );
  }
  return key;
}

/** Short public fingerprint of a master key, to detect a wrong key before decrypting anything. */
export function masterKeyId(masterKey: Buffer): string {
  return createHash('sha256')
    .update('homeward-master-key-id')
    .update(masterKey)
    .digest('hex')
    .slice(0, 16);
}

/** SHA-256 hex of a high-entropy secret (session and API tokens, recovery codes). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** A random URL-safe secret of `bytes` bytes. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
