/**
 * Domain errors. Services throw `AppError` with a code from the closed `ErrorCode` union; the
 * server's error handler renders them as RFC 9457 problem+json using `ERROR_STATUS`. Adding a code
 * without a status does not compile.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'malformed_json'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unauthenticated'
  | 'invalid_credentials'
  | 'totp_required'
  | 'totp_invalid'
  | 'totp_enrolment_required'
  | 'totp_not_pending'
  | 'totp_required_by_organisation'
  | 'too_many_attempts'
  | 'session_required'
  | 'reauthentication_required'
  | 'password_change_required'
  | 'totp_not_enabled'
  | 'csrf_failed'
  | 'forbidden'
  | 'api_tokens_disabled'
  | 'not_found'
  | 'user_not_found'
  | 'organisation_not_found'
  | 'token_not_found'
  | 'email_taken'
  | 'organisation_exists'
  | 'last_admin'
  | 'weak_password'
  | 'conflict'
  | 'database_unavailable'
  | 'case_not_found'
  | 'case_number_taken'
  | 'version_conflict'
  | 'version_required'
  | 'consent_required'
  | 'consent_not_found'
  | 'outreach_session_not_found'
  | 'outreach_material_not_found'
  | 'task_not_found'
  | 'attachment_not_found'
  | 'attachment_too_large'
  | 'attachment_type_not_allowed'
  | 'plan_item_not_found'
  | 'draft_not_found'
  | 'screening_not_found'
  | 'screening_locked'
  | 'screening_not_complete'
  | 'nrm_referral_not_found'
  | 'nrm_figure_verified'
  | 'advert_report_not_found'
  | 'directory_service_not_found'
  | 'directory_organisation_not_found'
  | 'referral_not_found'
  | 'referral_state_invalid'
  | 'return_plan_not_found'
  | 'internal_error';

/** HTTP status for every error code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  validation_failed: 400,
  malformed_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  totp_invalid: 401,
  totp_enrolment_required: 403,
  totp_not_pending: 409,
  totp_required_by_organisation: 409,
  too_many_attempts: 429,
  session_required: 403,
  reauthentication_required: 403,
  password_change_required: 403,
  totp_not_enabled: 409,
  csrf_failed: 403,
  forbidden: 403,
  api_tokens_disabled: 403,
  not_found: 404,
  user_not_found: 404,
  organisation_not_found: 404,
  token_not_found: 404,
  email_taken: 409,
  organisation_exists: 409,
  last_admin: 409,
  weak_password: 400,
  conflict: 409,
  database_unavailable: 503,
  case_not_found: 404,
  case_number_taken: 409,
  version_conflict: 409,
  version_required: 428,
  consent_required: 403,
  consent_not_found: 404,
  outreach_session_not_found: 404,
  outreach_material_not_found: 404,
  task_not_found: 404,
  attachment_not_found: 404,
  attachment_too_large: 413,
  attachment_type_not_allowed: 415,
  plan_item_not_found: 404,
  draft_not_found: 404,
  screening_not_found: 404,
  screening_locked: 409,
  screening_not_complete: 409,
  nrm_referral_not_found: 404,
  nrm_figure_verified: 409,
  advert_report_not_found: 404,
  directory_service_not_found: 404,
  directory_organisation_not_found: 404,
  referral_not_found: 404,
  referral_state_invalid: 409,
  return_plan_not_found: 404,
  internal_error: 500,
};

/** Short human titles, stable per code (the `detail` carries the specifics). */
export const ERROR_TITLE: Record<ErrorCode, string> = {
  validation_failed: 'The request is not valid',
  malformed_json: 'The request body is not valid JSON',
  payload_too_large: 'The request body is too large',
  unsupported_media_type: 'Unsupported content type',
  unauthenticated: 'You are not logged in',
  invalid_credentials: 'Email or password is wrong',
  totp_required: 'An authentication code is required',
  totp_invalid: 'The authentication code is wrong',
  totp_enrolment_required: 'Two-factor authentication must be set up first',
  totp_not_pending: 'No two-factor set-up is in progress',
  totp_required_by_organisation: 'Your organisation requires two-factor authentication',
  too_many_attempts: 'Too many attempts',
  session_required: 'This needs a signed-in person, not an API token',
  reauthentication_required: 'Confirm your password first',
  password_change_required: 'Choose a new password first',
  totp_not_enabled: 'Two-factor authentication is not set up',
  csrf_failed: 'The request failed a cross-site request check',
  forbidden: 'You do not have permission to do this',
  api_tokens_disabled: 'Your organisation does not allow API tokens',
  not_found: 'Not found',
  user_not_found: 'User not found',
  organisation_not_found: 'Organisation not found',
  token_not_found: 'API token not found',
  email_taken: 'This email address is already in use',
  organisation_exists: 'An organisation with this name already exists',
  last_admin: 'The organisation must keep at least one active admin',
  weak_password: 'The password is too weak',
  conflict: 'The request conflicts with the current state',
  database_unavailable: 'The database is not reachable',
  case_not_found: 'Case not found',
  case_number_taken: 'This case number is already used in your organisation',
  version_conflict: 'Someone else changed this record since you opened it',
  version_required: 'Send the version you edited (or an If-Match header)',
  consent_required: 'The person has not consented to this',
  consent_not_found: 'Consent record not found',
  outreach_session_not_found: 'Outreach session not found',
  outreach_material_not_found: 'Teaching material not found',
  task_not_found: 'Task not found',
  attachment_not_found: 'Attachment not found',
  attachment_too_large: 'The file is too large',
  attachment_type_not_allowed: 'This type of file is not accepted',
  plan_item_not_found: 'Plan item not found',
  draft_not_found: 'No draft is kept for this form',
  screening_not_found: 'Screening not found',
  screening_locked: 'This screening can no longer be changed this way',
  screening_not_complete: 'The screening is not complete, or is approved already',
  nrm_referral_not_found: 'NRM referral not found',
  nrm_figure_verified: 'A verified figure is read in its source and cannot be edited',
  advert_report_not_found: 'Reported advert not found',
  directory_service_not_found: 'Service not found in the directory',
  directory_organisation_not_found: 'Organisation not found in the directory',
  referral_not_found: 'Referral not found',
  referral_state_invalid: "This step is not possible in the referral's current state",
  return_plan_not_found: 'Return plan not found',
  internal_error: 'Something went wrong on the server',
};

/** One validation issue, addressed by its path in the input. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** An expected failure of a use case. Never carries survivor data in `detail`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly detail: string | undefined;
  readonly errors: FieldIssue[] | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    code: ErrorCode,
    detail?: string,
    extra: { errors?: FieldIssue[]; headers?: Record<string, string> } = {},
  ) {
    super(detail ?? ERROR_TITLE[code]);
    this.name = 'AppError';
    this.code = code;
    this.detail = detail;
    this.errors = extra.errors;
    this.headers = extra.headers;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

/**
 * The `validation_failed` error (400) listing every invalid field with its path; the detail
 * counts them unless `detail` says more. Every service and plugin builds it here.
 * @example if (issues.length > 0) throw validationFailed(issues);
 */
export function validationFailed(
  errors: FieldIssue[],
  detail = `${errors.length} field(s) are not valid`,
): AppError {
  return new AppError('validation_failed', detail, { errors });
}

/**
 * What `lookup` found, or throws `AppError(code)` when it found nothing: the one "not found"
 * check of the services. Another organisation's row is looked up with the caller's
 * organisation, so it is not found either.
 * @example const task = await findOrFail(findTask(db, orgId, caseId, id), 'task_not_found');
 */
export async function findOrFail<T>(
  lookup: Promise<T | null | undefined> | T | null | undefined,
  code: ErrorCode,
  detail?: string,
): Promise<T> {
  const found = await lookup;
  if (found === null || found === undefined) {
    throw new AppError(code, detail);
  }
  return found;
}

/** True when `err` is an `AppError` with the given code. */
export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}
