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
  'api_tokens_disabled',
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
  'screening_locked',
  'screening_not_complete',
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

/**
 * What is wrong with a field, as a kind the messages are written for. Each kind has a general
 * message (`validation.<kind>`) and may have one for a field (`validation.fields.<field>.<kind>`,
 * e.g. "Enter your email address"), so every message says what to do.
 */
export type IssueKind =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'tooSmall'
  | 'tooBig'
  | 'tooMany'
  | 'chooseOne'
  | 'choose'
  | 'email'
  | 'code'
  | 'number'
  | 'wholeNumber'
  | 'invalidDate'
  | 'futureDate'
  | 'pastDate'
  | 'dateOrder'
  | 'format';

/** Custom Zod issues whose message names a kind (`z.refine(…, { message: 'futureDate' })`). */
const CUSTOM_KINDS = new Set<string>(['dateOrder', 'futureDate', 'pastDate', 'invalidDate']);

/** The message for `kind` on `field`: the field's own one when there is, else the general one. */
export function fieldMessage(
  field: string,
  kind: IssueKind,
  t: TFunction,
  params: Record<string, unknown> = {},
): string {
  // Keys built at run time, with i18next's fallback list: the field's message, else the kind's.
  const lookUp = t as unknown as (keys: string[], options: Record<string, unknown>) => string;
  return lookUp([`validation.fields.${field}.${kind}`, `validation.${kind}`], params);
}

function sizeKind(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): IssueKind {
  const small = issue.code === 'too_small';
  const limit = Number(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'string':
      return small ? (limit <= 1 ? 'required' : 'tooShort') : 'tooLong';
    case 'array':
    case 'set':
      return small ? (limit <= 1 ? 'chooseOne' : 'tooShort') : 'tooMany';
    case 'date':
      return small ? 'pastDate' : 'futureDate';
    case 'number':
    case 'int':
    case 'bigint':
    case 'file':
      return small ? 'tooSmall' : 'tooBig';
  }
  return small ? 'tooSmall' : 'tooBig';
}

function typeKind(issue: z.core.$ZodIssueInvalidType): IssueKind {
  if (issue.input === undefined || issue.input === null || issue.input === '') {
    return 'required';
  }
  if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') {
    return 'number';
  }
  return issue.expected === 'date' ? 'invalidDate' : 'format';
}

const DATE_FORMATS = new Set(['date', 'datetime', 'time', 'duration']);

function formatKind(issue: z.core.$ZodIssueInvalidStringFormat, field: string): IssueKind {
  if (issue.format === 'email') {
    return 'email';
  }
  if (DATE_FORMATS.has(issue.format)) {
    return 'invalidDate';
  }
  return CODE_FIELDS.has(field) ? 'code' : 'format';
}

/** The kind of a Zod issue, with the numbers its message needs. */
export function issueKind(
  issue: z.core.$ZodIssue,
  field: string,
): { kind: IssueKind; params: Record<string, unknown> } {
  switch (issue.code) {
    case 'too_small':
      return { kind: sizeKind(issue), params: { count: Number(issue.minimum) } };
    case 'too_big':
      return { kind: sizeKind(issue), params: { count: Number(issue.maximum) } };
    case 'invalid_type':
      return { kind: typeKind(issue), params: {} };
    case 'invalid_format':
      return { kind: formatKind(issue, field), params: {} };
    case 'invalid_value':
      return { kind: 'choose', params: {} };
    case 'not_multiple_of':
      return { kind: 'wholeNumber', params: {} };
    case 'custom':
      return {
        kind: CUSTOM_KINDS.has(issue.message) ? (issue.message as IssueKind) : 'format',
        params: {},
      };
    case 'invalid_element':
    case 'invalid_key':
    case 'invalid_union':
    case 'unrecognized_keys':
      return { kind: 'format', params: {} };
  }
}

/** Fields holding a six-digit authenticator code, whose pattern error says so. */
const CODE_FIELDS = new Set(['totp', 'code']);

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/**
 * Zod issues from a form check as field messages (first issue per field wins). With the checked
 * `values`, a field left empty is reported as required, whatever rule it failed first (an empty
 * email is "Enter the email address", not "Enter an email address like …").
 */
export function zodFieldErrors(
  error: z.ZodError,
  t: TFunction,
  values?: Readonly<Record<string, unknown>>,
): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of error.issues) {
    const field = fieldName(issue.path[0]);
    const found = issueKind(issue, field);
    const empty = values !== undefined && field in values && isEmpty(values[field]);
    const { kind, params } =
      empty && found.kind !== 'chooseOne' ? { kind: 'required' as const, params: {} } : found;
    result[field] ??= fieldMessage(field, kind, t, params);
  }
  return result;
}

/**
 * Server validation issues (`errors[]`) as field messages. The server's English text is not
 * shown: when the form's own check (`recheck`, the same schema) explains the field, that message
 * is used; otherwise the field's "format" message says what to correct.
 */
export function serverFieldErrors(
  issues: FieldIssue[],
  t: TFunction,
  recheck: FieldErrors = {},
): FieldErrors {
  const result: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldName(issue.path);
    result[field] ??= recheck[field] ?? fieldMessage(field, 'format', t);
  }
  return result;
}

/**
 * Field errors after the user changed `values`: each field whose value changed since the errors
 * were shown is checked again with `check` (the form's own check) and its error goes as soon as
 * it is correct — or changes to the new problem. Other fields keep their errors.
 */
export function revalidate(
  errors: FieldErrors,
  changed: readonly string[],
  current: FieldErrors,
): FieldErrors {
  let next: FieldErrors | null = null;
  for (const field of changed) {
    if (errors[field] !== undefined && errors[field] !== current[field]) {
      next ??= { ...errors };
      if (current[field] === undefined) {
        delete next[field];
      } else {
        next[field] = current[field];
      }
    }
  }
  return next ?? errors;
}
