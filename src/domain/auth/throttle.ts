import type { Db } from '@/db/client.ts';
import { sha256Hex } from '@/lib/crypto.ts';
import { AppError } from '@/lib/errors.ts';
import { clearThrottle, getThrottle, saveThrottle } from './auth.repository.ts';

/**
 * Login throttling. Failures are counted per account (keyed by a hash of the email, so unknown
 * emails behave exactly like known ones) and per client address. Too many failures within the
 * window lock the key for `lockMs`; while locked, logins are refused with 429 before the password
 * is even checked.
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

/** Throws `too_many_attempts` with `Retry-After` if any key is locked at `now`. */
export async function assertNotThrottled(db: Db, keys: string[], now: Date): Promise<void> {
  let until = 0;
  for (const key of keys) {
    const row = await getThrottle(db, key);
    if (row?.lockedUntil && row.lockedUntil.getTime() > now.getTime()) {
      until = Math.max(until, row.lockedUntil.getTime());
    }
  }
  if (until > 0) {
    const seconds = Math.ceil((until - now.getTime()) / 1000);
    throw new AppError(
      'too_many_attempts',
      `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minutes.`,
      { headers: { 'retry-after': String(seconds) } },
    );
  }
}

/** Counts one failure against `key`; locks it when the limit is reached. */
export async function registerFailure(db: Db, key: string, max: number, now: Date): Promise<void> {
  const row = await getThrottle(db, key);
  const fresh = !row || now.getTime() - row.windowStartedAt.getTime() > THROTTLE.windowMs;
  const failures = fresh ? 1 : row.failures + 1;
  await saveThrottle(db, {
    key,
    failures,
    windowStartedAt: fresh ? now : row.windowStartedAt,
    lockedUntil:
      failures >= max ? new Date(now.getTime() + THROTTLE.lockMs) : (row?.lockedUntil ?? null),
  });
}

/** Forgets the failures of an account after a successful login or an admin unlock. */
export function clearAccountFailures(db: Db, email: string): Promise<void> {
  return clearThrottle(db, accountKey(email));
}

/** When the account is locked, the time it unlocks; else null. */
export async function accountLockedUntil(db: Db, email: string, now: Date): Promise<Date | null> {
  const row = await getThrottle(db, accountKey(email));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}
