import { describe, expect, it } from 'vitest';
import {
  createFieldCipher,
  DecryptionError,
  generateKey,
  masterKeyId,
  open,
  parseMasterKey,
  safeEqual,
  seal,
} from './crypto.ts';

const AAD = 'users.totp_secret:0190';

function cipherWith(...ids: string[]) {
  const keys = new Map(ids.map((id) => [id, generateKey()]));
  return { keys, cipher: createFieldCipher(keys, ids.at(-1)!) };
}

/** Replaces the `part`-th dot-separated part of a ciphertext. */
function withPart(sealed: string, part: number, f: (s: string) => string): string {
  const parts = sealed.split('.');
  parts[part] = f(parts[part]!);
  return parts.join('.');
}

const flipFirst = (b64: string) => (b64[0] === 'A' ? 'B' : 'A') + b64.slice(1);

describe('field cipher', () => {
  it('round-trips text, including non-Latin scripts', () => {
    const { cipher } = cipherWith('k1');
    for (const text of ['JBSWY3DPEHPK3PXP', '', 'ที่อยู่ ชั้น 3 · Đà Nẵng · 🏠']) {
      expect(cipher.decrypt(cipher.encrypt(text, AAD), AAD)).toBe(text);
    }
  });

  it('never repeats a ciphertext and never contains the plaintext', () => {
    const { cipher } = cipherWith('k1');
    const a = cipher.encrypt('secret-value', AAD);
    const b = cipher.encrypt('secret-value', AAD);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^hw1\.k1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(a).not.toContain('secret');
    expect(Buffer.from(a.split('.')[4]!, 'base64url').toString()).not.toContain('secret');
  });

  it('refuses a ciphertext moved to another place (wrong AAD)', () => {
    const { cipher } = cipherWith('k1');
    const sealed = cipher.encrypt('secret', AAD);
    expect(() => cipher.decrypt(sealed, 'users.totp_secret:other-user')).toThrow(DecryptionError);
    expect(() => cipher.decrypt(sealed, 'users.totp_pending:0190')).toThrow(DecryptionError);
  });

  it('refuses a ciphertext altered anywhere', () => {
    const { cipher } = cipherWith('k1');
    const sealed = cipher.encrypt('a longer secret value', AAD);
    for (const part of [2, 3, 4]) {
      expect(() => cipher.decrypt(withPart(sealed, part, flipFirst), AAD), `part ${part}`).toThrow(
        DecryptionError,
      );
    }
    expect(() => cipher.decrypt(sealed.slice(0, -2), AAD)).toThrow(DecryptionError);
    for (const junk of ['', 'plain text', 'hw2.k1.a.b.c', 'hw1.k1.AAAA.BBBB.CCCC', `${sealed}.x`]) {
      expect(() => cipher.decrypt(junk, AAD), junk).toThrow(DecryptionError);
    }
  });

  it('carries the key id, and a key id switched to another key fails', () => {
    const { keys, cipher } = cipherWith('old', 'new');
    const sealed = cipher.encrypt('secret', AAD);
    expect(cipher.activeKeyId).toBe('new');
    expect(cipher.keyIdOf(sealed)).toBe('new');
    expect(() =>
      cipher.decrypt(
        withPart(sealed, 1, () => 'old'),
        AAD,
      ),
    ).toThrow(DecryptionError);
    expect(() =>
      cipher.decrypt(
        withPart(sealed, 1, () => 'gone'),
        AAD,
      ),
    ).toThrow(/not available/);
    // Values sealed with a retired key still open while the key is in the keyring.
    const older = createFieldCipher(keys, 'old').encrypt('from before', AAD);
    expect(cipher.keyIdOf(older)).toBe('old');
    expect(cipher.decrypt(older, AAD)).toBe('from before');
  });

  it('does not open with another key', () => {
    const sealed = seal(generateKey(), 'k', Buffer.from('x'), AAD);
    expect(() => open(generateKey(), sealed, AAD)).toThrow(DecryptionError);
  });

  it('refuses an active key id that is not in the keyring', () => {
    expect(() => createFieldCipher(new Map([['a', generateKey()]]), 'b')).toThrow();
  });
});

describe('master key', () => {
  it('accepts 32 bytes as base64 or hex and nothing else', () => {
    const key = generateKey();
    expect(parseMasterKey(`${key.toString('base64')}\n`).equals(key)).toBe(true);
    expect(parseMasterKey(key.toString('hex')).equals(key)).toBe(true);
    for (const bad of [
      '',
      'short',
      generateKey().subarray(0, 16).toString('base64'),
      'z'.repeat(64),
    ]) {
      expect(() => parseMasterKey(bad), bad).toThrow(/32 random bytes/);
    }
  });

  it('has a fingerprint that tells keys apart without revealing them', () => {
    const key = generateKey();
    expect(masterKeyId(key)).toBe(masterKeyId(Buffer.from(key)));
    expect(masterKeyId(key)).not.toBe(masterKeyId(generateKey()));
    expect(masterKeyId(key)).not.toContain(key.toString('hex').slice(0, 16));
  });
});

describe('safeEqual', () => {
  it('compares exactly', () => {
    expect(safeEqual('abc', 'abc')).toBe(true);
    expect(safeEqual('abc', 'abd')).toBe(false);
    expect(safeEqual('abc', 'abcd')).toBe(false);
    expect(safeEqual('', '')).toBe(true);
  });
});
