import type { Db } from '@/db/client.ts';
import { sha256Hex } from '@/lib/crypto.ts';
import { AppError } from '@/lib/errors.ts';
import {
  clearThrottle,
  getThrottle,
  returnThrottleSlot,
  takeThrottleSlot,
} from './auth.repository.ts';

/**
 * Throttling of every password and code check (login, its 2FA step, re-authentication, password
 * change, 2FA confirmation). Attempts are counted per account (keyed by a hash of the email, so
 * unknown emails behave exactly like known ones) and per client address. An attempt takes its
 * slot atomically BEFORE the password hash or code is checked, so a burst of simultaneous
 * requests is evaluated at most `max` times per window and the rest get 429 with Retry-After.
 * The attempt that takes the last slot locks the key for `lockMs`.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  maxPerAccount: 5,
  maxPerAddress: 20,
} as const;

export function accountKey(email: string): string {
  return `acct:${sha256Hex(email.toLowerCase())}`;
}

export function addressKey(ip: string | null): string | null {
  return ip ? `ip:${ip}` : null;
}

/** The slots one attempt holds, to give back or keep once the outcome is known. */
export interface Attempt {
  keys: { key: string; max: number }[];
}

/** The throttle keys of an attempt on the account `email` from `ip`. */
export function attemptKeys(email: string, ip: string | null): Attempt['keys'] {
  const address = addressKey(ip);
  return [
    { key: accountKey(email), max: THROTTLE.maxPerAccount },
    ...(address ? [{ key: address, max: THROTTLE.maxPerAddress }] : []),
  ];
}

/**
 * Reserves one attempt on every key. Throws `too_many_attempts` (with Retry-After) when any key
 * has no slot left; the caller must then not check the secret at all.
 */
export async function reserveAttempt(db: Db, keys: Attempt['keys'], now: Date): Promise<Attempt> {
  let refusedUntil = 0;
  for (const { key, max } of keys) {
    const slot = await takeThrottleSlot(db, { key, max, now, ...THROTTLE });
    if (slot.attempts > max) {
      refusedUntil = Math.max(
        refusedUntil,
        slot.lockedUntil?.getTime() ?? now.getTime() + THROTTLE.lockMs,
      );
    }
  }
  if (refusedUntil > 0) {
    const seconds = Math.max(1, Math.ceil((refusedUntil - now.getTime()) / 1000));
    throw new AppError(
      'too_many_attempts',
      `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,
      { headers: { 'retry-after': String(seconds) } },
    );
  }
  return { keys };
}

/**
 * The attempt succeeded: the account's count starts again, and the address gets its slot back
 * (an office behind one address is not locked out by its own successful logins).
 */
export async function attemptSucceeded(db: Db, attempt: Attempt): Promise<void> {
  for (const { key, max } of attempt.keys) {
    await (key.startsWith('acct:') ? clearThrottle(db, key) : returnThrottleSlot(db, key, max));
  }
}

/** The attempt was not a guess (e.g. the 2FA code was still to be asked for): give slots back. */
export async function attemptNotCounted(db: Db, attempt: Attempt): Promise<void> {
  for (const { key, max } of attempt.keys) {
    await returnThrottleSlot(db, key, max);
  }
}

/** Forgets the failures of an account after an admin unlock or password reset. */
export function clearAccountFailures(db: Db, email: string): Promise<void> {
  return clearThrottle(db, accountKey(email));
}

/** When the account is locked, the time it unlocks; else null. */
export async function accountLockedUntil(db: Db, email: string, now: Date): Promise<Date | null> {
  const row = await getThrottle(db, accountKey(email));
  return row?.lockedUntil && row.lockedUntil > now && row.failures >= THROTTLE.maxPerAccount
    ? row.lockedUntil
    : null;
}
