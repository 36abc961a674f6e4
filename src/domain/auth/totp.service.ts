import { generateSecret, generateURI } from 'otplib';
import QRCode from 'qrcode';
import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import {
  requireAccess,
  requireAccountSecurityControl,
  requireRecentAuthentication,
} from '@/policy/require-access.ts';
import {
  findPrincipal,
  replaceRecoveryCodes,
  setUserTotp,
  type Principal,
} from './auth.repository.ts';
import type { TotpSetup } from './auth.schema.ts';
import { checkFailed, reserveCheck } from './credential-checks.ts';
import {
  acceptTotpCode,
  hashRecoveryCode,
  makeRecoveryCode,
  pendingAad,
  RECOVERY_CODE_COUNT,
  secretAad,
} from './second-factor.ts';
import { attemptSucceeded } from './throttle.ts';

const ISSUER = 'Homeward';

/**
 * The caller, acting in person with a fresh re-authentication: every change to 2FA needs one,
 * so a stolen session or an API token cannot replace or remove the owner's authenticator.
 */
async function securityPrincipal(ctx: Ctx): Promise<Principal> {
  const actor = await requireAccess(ctx, 'me.security');
  requireRecentAuthentication(ctx, actor);
  const principal = await findPrincipal(ctx.db, actor.userId!, actor.organisationId);
  if (!principal) {
    throw new AppError('unauthenticated');
  }
  return principal;
}

/**
 * Starts enrolment (or the replacement of an authenticator): a new secret, kept encrypted as
 * pending, its otpauth URI and a QR code. Throws `reauthentication_required`.
 */
export async function setupTotp(ctx: Ctx): Promise<TotpSetup> {
  const principal = await securityPrincipal(ctx);
  const userId = principal.user.id;
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer: ISSUER, label: principal.user.email, secret });
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

/**
 * Completes enrolment with a code from the app (throttled like every code check); returns fresh
 * recovery codes, shown once. Throws `reauthentication_required`, `totp_not_pending`,
 * `totp_invalid`, `too_many_attempts`.
 */
export async function confirmTotp(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
  const principal = await securityPrincipal(ctx);
  const userId = principal.user.id;
  const pending = principal.user.totpPendingEnc;
  if (!pending) {
    throw new AppError('totp_not_pending', 'Start the set-up again.');
  }
  const subject = { email: principal.user.email, principal };
  const actions = { failed: 'auth.totp_confirm_failed', throttled: 'auth.totp_confirm_throttled' };
  const attempt = await reserveCheck(ctx, ctx, subject, actions);
  const secret = ctx.cipher.decrypt(pending, pendingAad(userId));
  if (!(await acceptTotpCode(ctx, userId, secret, code))) {
    await checkFailed(ctx, ctx, subject, { action: actions.failed, reason: 'wrong_code' });
    throw new AppError('totp_invalid', 'The code did not match. Check the time on your phone.');
  }
  await attemptSucceeded(ctx.db, attempt);
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await setUserTotp(tx, userId, {
      totpSecretEnc: ctx.cipher.encrypt(secret, secretAad(userId)),
      totpPendingEnc: null,
    });
    await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode));
    await recordAudit(tx, ctx, {
      organisationId: principal.organisation.id,
      action: principal.user.totpSecretEnc ? 'auth.totp_replaced' : 'auth.totp_enabled',
      entityType: 'user',
      entityId: userId,
    });
  });
  return { recoveryCodes: codes };
}

/**
 * Replaces the caller's recovery codes with new ones, shown once. Throws
 * `reauthentication_required`, `totp_not_enabled`.
 */
export async function createRecoveryCodes(ctx: Ctx): Promise<{ recoveryCodes: string[] }> {
  const principal = await securityPrincipal(ctx);
  if (principal.user.totpSecretEnc === null) {
    throw new AppError('totp_not_enabled');
  }
  const codes = newRecoveryCodes();
  await ctx.db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, principal.user.id, codes.map(hashRecoveryCode));
    await recordAudit(tx, ctx, {
      organisationId: principal.organisation.id,
      action: 'auth.recovery_codes_created',
      entityType: 'user',
      entityId: principal.user.id,
    });
  });
  return { recoveryCodes: codes };
}

/**
 * Turns 2FA off for the caller (after a fresh re-authentication); refused when the organisation
 * requires it. Throws `reauthentication_required`, `totp_required_by_organisation`.
 */
export async function disableTotp(ctx: Ctx): Promise<void> {
  const principal = await securityPrincipal(ctx);
  if (principal.organisation.requireTotp) {
    throw new AppError('totp_required_by_organisation');
  }
  await clearTotp(ctx, principal.user.id, 'auth.totp_disabled');
}

/**
 * Removes a user's TOTP secret and recovery codes, audited as `action` in the caller's
 * organisation: self-service (the user themselves) or an admin's reset (an admin of the user's
 * organisation who controls the account). Anyone else is refused with what
 * `requireAccountSecurityControl` throws (`forbidden`, `user_not_found`), before anything changes.
 */
export async function clearTotp(
  ctx: Ctx,
  userId: string,
  action: 'auth.totp_disabled' | 'user.reset_2fa',
): Promise<void> {
  const actor = await requireAccountSecurityControl(ctx, userId);
  await ctx.db.transaction(async (tx) => {
    await setUserTotp(tx, userId, {
      totpSecretEnc: null,
      totpPendingEnc: null,
      totpLastStep: null,
    });
    await replaceRecoveryCodes(tx, userId, []);
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action,
      entityType: 'user',
      entityId: userId,
    });
  });
}

function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, makeRecoveryCode);
}
