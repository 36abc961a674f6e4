import { randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '@/lib/errors.ts';

// Password hashing with argon2id (@node-rs/argon2 defaults: m=19456 KiB, t=2, p=1, the OWASP
// recommendation) and the password policy: at least 12 characters, not a common password.

/** The common passwords the policy refuses (zxcvbn's list), lower-cased. */
const COMMON = new Set(dictionary.passwords.map((p) => p.toLowerCase()));

/** The shortest password the policy accepts. */
export const MIN_PASSWORD_LENGTH = 12;

/** Hash of a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against a stored hash; false for a malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** A hash of a random password: makes unknown-email logins cost the same time as real ones. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(generatePassword());
  return dummyHash;
}

/** Throws `weak_password` with a field issue when the password breaks the policy. */
export function assertPasswordPolicy(password: string, email?: string, path = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) {
    throw new AppError('weak_password', problem, {
      errors: [{ path, message: problem }],
    });
  }
}

function passwordProblem(password: string, email?: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password.length > 256) {
    return 'Use at most 256 characters.';
  }
  const lower = password.toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) {
    return 'This password is too common. Choose another one.';
  }
  const local = email?.toLowerCase().split('@')[0] ?? '';
  if (local.length >= 4 && lower.includes(local)) {
    return 'Do not use your email address in the password.';
  }
  return null;
}

const ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random 20-character password (about 117 bits), grouped for reading aloud. */
export function generatePassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
