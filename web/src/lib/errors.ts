import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { isApiError, type FieldIssue } from './api';

/** Field name → message, for showing errors under inputs. */
export type FieldErrors = Partial<Record<string, string>>;

const KNOWN_CODES = [
  'network_error',
  'validation_failed',
  'malformed_json',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'invalid_credentials',
  'totp_required',
  'totp_invalid',
  'totp_enrolment_required',
  'totp_not_pending',
  'totp_required_by_organisation',
  'totp_not_enabled',
  'reauthentication_required',
  'session_required',
  'password_change_required',
  'account_shared',
  'csrf_failed',
  'forbidden',
  'not_found',
  'user_not_found',
  'organisation_not_found',
  'token_not_found',
  'email_taken',
  'organisation_exists',
  'last_admin',
  'weak_password',
  'conflict',
  'case_not_found',
  'case_number_taken',
  'version_conflict',
  'consent_required',
  'attachment_too_large',
  'attachment_type_not_allowed',
  'internal_error',
] as const;
type KnownCode = (typeof KNOWN_CODES)[number];

function isKnownCode(code: string): code is KnownCode {
  return (KNOWN_CODES as readonly string[]).includes(code);
}

/**
 * What happened and what to do, in the user's language, for any error thrown by an API call.
 * `too_many_attempts` names the wait in minutes when the server sent `Retry-After`.
 */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!isApiError(error)) {
    return t('errors.unknown');
  }
  if (error.code === 'too_many_attempts') {
    if (error.retryAfterSeconds === null) {
      return t('errors.too_many_attempts_later');
    }
    return t('errors.too_many_attempts', {
      count: Math.max(1, Math.ceil(error.retryAfterSeconds / 60)),
    });
  }
  if (isKnownCode(error.code)) {
    return t(`errors.${error.code}`);
  }
  return error.status >= 500 ? t('errors.internal_error') : t('errors.unknown');
}

/** The last segment of an issue path (`body.email`, `/email` and `email` all give `email`). */
function fieldName(path: string | number | symbol | undefined): string {
  const text = String(path ?? '');
  return text.split(/[./]/).filter(Boolean).at(-1) ?? '';
}

/** Server validation issues (`errors[]`) as field messages; the server's English text is not shown. */
export function serverFieldErrors(issues: FieldIssue[], t: TFunction): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of issues) {
    result[fieldName(issue.path)] ??= t('validation.server');
  }
  return result;
}

/** Fields holding a six-digit authenticator code, whose pattern error says so. */
const CODE_FIELDS = new Set(['totp', 'code']);

function issueMessage(issue: z.core.$ZodIssue, field: string, t: TFunction): string {
  if (issue.code === 'too_small') {
    return Number(issue.minimum) <= 1 && issue.origin === 'string'
      ? t('validation.required')
      : t('validation.tooShort', { count: Number(issue.minimum) });
  }
  if (issue.code === 'too_big') {
    return t('validation.tooLong', { count: Number(issue.maximum) });
  }
  if (issue.code === 'invalid_format') {
    if (issue.format === 'email') {
      return t('validation.email');
    }
    return CODE_FIELDS.has(field) ? t('validation.code') : t('validation.invalid');
  }
  if (issue.code === 'custom' && issue.message === 'dateOrder') {
    return t('validation.dateOrder');
  }
  return t('validation.invalid');
}

/** Zod issues from a form check as field messages (first issue per field wins). */
export function zodFieldErrors(error: z.ZodError, t: TFunction): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = fieldName(issue.path[0]);
    result[field] ??= issueMessage(issue, field, t);
  }
  return result;
}
