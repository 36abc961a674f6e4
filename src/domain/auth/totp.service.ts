import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { sha256Hex } from '@/lib/crypto.ts';
import { fieldAad } from '@/lib/encrypted-fields.ts';
import { AppError } from '@/lib/errors.ts';
import { requireAccess } from '@/policy/require-access.ts';
import {
  advanceTotpStep,
  consumeRecoveryCode,
  findPrincipal,
  replaceRecoveryCodes,
  setUserTotp,
  type Principal,
} from './auth.repository.ts';
import type { TotpSetup } from './auth.schema.ts';
import { verifyPassword } from './passwords.ts';

/** TOTP (RFC 6238, via otplib): 30 s steps, 6 digits, ±1 step of clock drift. */
const ISSUER = 'Homeward';
const TOLERANCE_SECONDS = 30;
const RECOVERY_CODE_COUNT = 10;

const secretAad = (userId: string) => fieldAad('users', 'totp_secret_enc', userId);
const pendingAad = (userId: string) => fieldAad('users', 'totp_pending_enc', userId);

export type SecondFactor = 'none' | 'missing' | 'invalid' | 'totp' | 'recovery_code';

/** Checks the second factor of a login for a user who has enrolled (else `none`). */
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
    return (await acceptCode(ctx, p.user.id, secret, input.totp)) ? 'totp' : 'invalid';
  }
  if (input.recoveryCode) {
    const used = await consumeRecoveryCode(
      ctx.db,
      p.user.id,
      sha256Hex(normaliseRecoveryCode(input.recoveryCode)),
      ctx.now(),
    );
    return used ? 'recovery_code' : 'invalid';
  }
  return 'missing';
}

async function acceptCode(
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

/** Starts enrolment: a new secret (kept encrypted as pending), its otpauth URI and a QR code. */
export async function setupTotp(ctx: Ctx): Promise<TotpSetup> {
  const actor = await requireAccess(ctx, 'me.update');
  const userId = actor.userId!;
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer: ISSUER, label: actor.label ?? userId, secret });
  await setUserTotp(ctx.db, userId, {
    totpPendingEnc: ctx.cipher.encrypt(secret, pendingAad(userId)),
  });
  const qrSvg = await QRCode.toString(otpauthUri, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 2,
  });
  return { secret, otpauthUri, qrSvg };
}

/** Completes enrolment with a code from the app; returns fresh recovery codes (shown once). */
export async function confirmTotp(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
  const actor = await requireAccess(ctx, 'me.update');
  const userId = actor.userId!;
  const principal = await findPrincipal(ctx.db, userId, actor.organisationId);
  const pending = principal?.user.totpPendingEnc;
  if (!pending) {
    throw new AppError('totp_not_pending', 'Start the set-up again.');
  }
  const secret = ctx.cipher.decrypt(pending, pendingAad(userId));
  if (!(await acceptCode(ctx, userId, secret, code))) {
    throw new AppError('totp_invalid', 'The code did not match. Check the time on your phone.');
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, makeRecoveryCode);
  await ctx.db.transaction(async (tx) => {
    await setUserTotp(tx, userId, {
      totpSecretEnc: ctx.cipher.encrypt(secret, secretAad(userId)),
      totpPendingEnc: null,
    });
    await replaceRecoveryCodes(
      tx,
      userId,
      codes.map((c) => sha256Hex(normaliseRecoveryCode(c))),
    );
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'auth.totp_enabled',
      entityType: 'user',
      entityId: userId,
    });
  });
  return { recoveryCodes: codes };
}

/** Turns 2FA off for the caller (password required); refused when the organisation requires it. */
export async function disableTotp(ctx: Ctx, password: string): Promise<void> {
  const actor = await requireAccess(ctx, 'me.update');
  const principal = await findPrincipal(ctx.db, actor.userId!, actor.organisationId);
  if (!principal || !(await verifyPassword(principal.user.passwordHash, password))) {
    throw new AppError('invalid_credentials', 'The password is wrong.');
  }
  if (principal.organisation.requireTotp) {
    throw new AppError('totp_required_by_organisation');
  }
  await clearTotp(ctx, principal.user.id, actor.organisationId, 'auth.totp_disabled');
}

/** Removes a user's TOTP secret and recovery codes (self-service or admin reset). */
export async function clearTotp(
  ctx: Pick<Ctx, 'db' | 'actor' | 'meta' | 'now'>,
  userId: string,
  organisationId: string,
  action: 'auth.totp_disabled' | 'user.reset_2fa',
): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await setUserTotp(tx, userId, {
      totpSecretEnc: null,
      totpPendingEnc: null,
      totpLastStep: null,
    });
    await replaceRecoveryCodes(tx, userId, []);
    await recordAudit(tx, ctx, { organisationId, action, entityType: 'user', entityId: userId });
  });
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function makeRecoveryCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}
