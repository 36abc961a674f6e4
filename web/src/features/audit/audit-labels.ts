import type { TFunction, i18n as I18n } from 'i18next';
import type { AuditEvent } from './audit.schema';

/**
 * Action codes the server records (src/domain/*), each with a label under `audit.actions` in
 * every message file. A code missing here still shows, as "Other action" with its code under the
 * details; audit-labels.test.ts checks that every code has its English and Thai label.
 */
// prettier-ignore
export const ACTION_CODES = [
  'auth.login', 'auth.login_failed', 'auth.login_throttled', 'auth.logout', 'auth.logout_all',
  'auth.password_changed', 'auth.password_change_failed', 'auth.password_change_throttled',
  'auth.reauth', 'auth.reauth_failed', 'auth.reauth_throttled', 'auth.recovery_codes_created',
  'auth.totp_enabled', 'auth.totp_replaced', 'auth.totp_disabled', 'auth.totp_confirm_failed',
  'auth.totp_confirm_throttled', 'user.create', 'user.add_existing', 'user.update',
  'user.role_change', 'user.reset_password', 'user.reset_2fa', 'user.platform_admin',
  'user.preferences_update', 'token.create', 'token.revoke', 'organisation.create',
  'organisation.update', 'keys.rotate', 'keys.rewrap', 'keys.encrypt_plaintext',
  'keys.audit_key_create', 'backup.create', 'backup.restore', 'audit.verify', 'case.create',
  'case.read', 'case.update', 'case.assign', 'case.search', 'case.duplicate_check',
  'case.assessment.read', 'case.need.update', 'case.needs.update', 'case.plan_item.create',
  'case.plan_item.update', 'case.event.create', 'case.events.read', 'case.followups.schedule',
  'case.task.create', 'case.task.update', 'case.tasks.read', 'case.tasks.list',
  'case.task_assignees.read', 'case.note.create', 'case.notes.read', 'case.attachment.upload',
  'case.attachment.download', 'case.attachments.read', 'consent.record', 'consent.withdraw',
  'consent.read', 'consent.check', 'draft.save', 'draft.read', 'draft.delete', 'draft.use',
  'home.read', 'screening.create', 'screening.update', 'screening.read', 'screenings.read',
  'screening.approve', 'screening.report', 'screening_instrument.create', 'nrm_referral.create',
  'nrm_referrals.read', 'nrm_referral.decide', 'nrm_due.read', 'nrm_settings.update',
  'nrm_step.update', 'nrm_holiday.update', 'nrm_holiday.delete',
] as const;

/** i18next treats dots as nesting, so a code's key has them as underscores. */
export function actionKey(code: string): string {
  return `audit.actions.${code.replace(/\./g, '_')}`;
}

/** The label of an action code in the UI language, or null when this version has none. */
export function actionLabel(code: string, t: TFunction, i18n: I18n): string | null {
  const key = actionKey(code);
  return i18n.exists(key) ? String(t(key as 'audit.otherAction')) : null;
}

const ENTITY_TYPES = new Set([
  'case',
  'user',
  'api_token',
  'organisation',
  'encryption_key',
  'draft',
]);

/** "Case 2026-00012", "Member Ana Lim", or only the kind of record; never an id. */
export function entityText(event: AuditEvent, t: TFunction): string | null {
  if (!event.entityType) {
    return null;
  }
  const kind = ENTITY_TYPES.has(event.entityType) ? event.entityType : 'other';
  const type = String(t(`audit.entities.${kind}` as 'audit.entities.other'));
  return event.entityLabel ? t('audit.entityLabel', { type, label: event.entityLabel }) : type;
}
