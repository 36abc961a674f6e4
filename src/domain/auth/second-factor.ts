import { randomInt } from 'node:crypto';
import { verify } from 'otplib';
import type { Ctx } from '@/lib/context.ts';
import { sha256Hex } from '@/lib/crypto.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { advanceTotpStep, consumeRecoveryCode, type Principal } from './auth.repository.ts';

/** TOTP (RFC 6238, via otplib): 30 s steps, 6 digits, ±1 step of clock drift. */
const TOLERANCE_SECONDS = 30;
/** How many single-use recovery codes a user gets at enrolment and on each renewal. */
export const RECOVERY_CODE_COUNT = 10;

export const secretAad = (userId: string) => FIELDS.totpSecret.aad(userId);
export const pendingAad = (userId: string) => FIELDS.totpPending.aad(userId);

export type SecondFactor = 'none' | 'missing' | 'invalid' | 'totp' | 'recovery_code';

/**
 * Checks the second factor for a user who has enrolled (else `none`). Call it only after a
 * throttle slot was reserved (see credential-checks.ts). A recovery code is used up.
 */
export async function verifySecondFactor(
  ctx: Ctx,
  p: Principal,
  input: { totp?: string | undefined; recoveryCode?: string | undefined },
): Promise<SecondFactor> {
  if (p.user.totpSecretEnc === null) {
    return 'none';
  }
  if (input.totp) {
    const secret = ctx.cipher.decrypt(p.user.totpSecretEnc, secretAad(p.user.id));
    return (await acceptTotpCode(ctx, p.user.id, secret, input.totp)) ? 'totp' : 'invalid';
  }
  if (input.recoveryCode) {
    const used = await consumeRecoveryCode(
      ctx.db,
      p.user.id,
      hashRecoveryCode(input.recoveryCode),
      ctx.now(),
    );
    return used ? 'recovery_code' : 'invalid';
  }
  return 'missing';
}

/** True when `code` is valid for `secret` now and newer than the last accepted one (single use). */
export async function acceptTotpCode(
  ctx: Ctx,
  userId: string,
  secret: string,
  code: string,
): Promise<boolean> {
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(ctx.now().getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
  });
  // A code is single-use: the step must be newer than the last accepted one.
  return (
    result.valid && 'timeStep' in result && (await advanceTotpStep(ctx.db, userId, result.timeStep))
  );
}

/** A `code` field that may hold a 6-digit TOTP code or a recovery code, split for the check. */
export function splitCode(code: string | undefined): { totp?: string; recoveryCode?: string } {
  if (!code) {
    return {};
  }
  const trimmed = code.trim();
  return /^\d{6}$/.test(trimmed) ? { totp: trimmed } : { recoveryCode: trimmed };
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A new recovery code, `xxxx-xxxx-xxxx`. */
export function makeRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

/** The stored form of a recovery code (case, spaces and dashes do not matter). */
export function hashRecoveryCode(code: string): string {
  return sha256Hex(code.toLowerCase().replace(/[^a-z0-9]/g, ''));
}
