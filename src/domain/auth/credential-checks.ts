import { recordAuditNow, type AuditCtx } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import type { Principal } from './auth.repository.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import {
  attemptKeys,
  attemptNotCounted,
  attemptSucceeded,
  reserveAttempt,
  type Attempt,
} from './throttle.ts';
import { verifySecondFactor } from './second-factor.ts';

/** Audit actions of one kind of secret check: the failure and the refusal by the throttle. */
export interface CheckActions {
  failed: string;
  throttled: string;
}

/** Who the check is about, for the throttle keys and the audit entries. */
interface Subject {
  email: string;
  principal: Principal | null;
}

/**
 * Reserves a throttle slot for one secret check of `subject` before anything is verified, and
 * audits a refusal. Throws `too_many_attempts` (429, Retry-After).
 */
export async function reserveCheck(
  ctx: Ctx,
  auditCtx: AuditCtx,
  subject: Subject,
  actions: CheckActions,
): Promise<Attempt> {
  try {
    return await reserveAttempt(ctx.db, attemptKeys(subject.email, ctx.meta.ip), ctx.now());
  } catch (err) {
    await recordAuditNow(ctx.db, auditCtx, {
      organisationId: subject.principal?.organisation.id ?? null,
      action: actions.throttled,
      entityType: subject.principal ? 'user' : null,
      entityId: subject.principal?.user.id ?? null,
      outcome: 'denied',
    });
    throw err;
  }
}

/** Audits a failed secret check (the attempt keeps its throttle slot). */
export async function checkFailed(
  ctx: Ctx,
  auditCtx: AuditCtx,
  subject: Subject,
  failure: { action: string; reason: string },
): Promise<void> {
  await recordAuditNow(ctx.db, auditCtx, {
    organisationId: subject.principal?.organisation.id ?? null,
    action: failure.action,
    entityType: subject.principal ? 'user' : null,
    entityId: subject.principal?.user.id ?? null,
    outcome: 'failure',
    details: { reason: failure.reason },
  });
}

/** The secrets offered: a password and, for users with 2FA, a TOTP or a recovery code. */
export interface Secrets {
  password: string;
  totp?: string | undefined;
  recoveryCode?: string | undefined;
}

/**
 * Checks a password (and, when `secondFactor` and the user has enrolled, the TOTP or recovery
 * code) through the throttle: the slot is reserved first, a failure keeps it and is audited, a
 * success gives it back. Unknown users cost the same time as wrong passwords. Throws
 * `too_many_attempts`, `invalid_credentials`, `totp_required`, `totp_invalid`.
 */
export async function checkSecrets(
  ctx: Ctx,
  auditCtx: AuditCtx,
  check: { subject: Subject; secrets: Secrets; secondFactor: boolean; actions: CheckActions },
): Promise<{ usedRecoveryCode: boolean }> {
  const { subject, secrets, actions } = check;
  const attempt = await reserveCheck(ctx, auditCtx, subject, actions);
  const { principal } = subject;
  const passwordOk = await verifyPassword(
    principal?.user.passwordHash ?? (await dummyPasswordHash()),
    secrets.password,
  );
  if (!principal || !passwordOk) {
    const reason = principal ? 'wrong_password' : 'unknown_email';
    await checkFailed(ctx, auditCtx, subject, { action: actions.failed, reason });
    throw new AppError('invalid_credentials');
  }
  const second = check.secondFactor ? await verifySecondFactor(ctx, principal, secrets) : 'none';
  if (second === 'missing') {
    // Not a guess: the client asks for the code next (two-step login form).
    await attemptNotCounted(ctx.db, attempt);
    throw new AppError('totp_required');
  }
  if (second === 'invalid') {
    await checkFailed(ctx, auditCtx, subject, {
      action: actions.failed,
      reason: 'wrong_second_factor',
    });
    throw new AppError('totp_invalid');
  }
  await attemptSucceeded(ctx.db, attempt);
  return { usedRecoveryCode: second === 'recovery_code' };
}
