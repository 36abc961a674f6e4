import { api, setCsrfToken } from '@web/lib/api';
import type {
  Login,
  Me,
  PasswordChange,
  Preferences,
  PreferencesUpdate,
  Reauth,
  TotpSetup,
} from './auth.schema';

function remember(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

/** `GET /api/me`; keeps the CSRF token. @throws ApiError `unauthenticated` (401) without a session. */
export async function getMe(signal?: AbortSignal): Promise<Me> {
  return remember(await api.get<Me>('/api/me', { signal }));
}

/**
 * `POST /api/auth/login`; keeps the CSRF token.
 * @throws ApiError `invalid_credentials`, `totp_required`, `totp_invalid` (401),
 *   `too_many_attempts` (429, with `retryAfterSeconds`), `validation_failed` (400).
 */
export async function login(input: Login): Promise<Me> {
  return remember(await api.post<Me>('/api/auth/login', input));
}

/** `POST /api/auth/logout`. The token is forgotten even if the call fails. */
export async function logout(): Promise<void> {
  try {
    await api.post<undefined>('/api/auth/logout');
  } finally {
    setCsrfToken(null);
  }
}

/**
 * `POST /api/auth/logout-all`: ends every session of this user, this one included, and revokes
 * their API tokens.
 */
export async function logoutAll(): Promise<void> {
  await api.post<undefined>('/api/auth/logout-all');
  setCsrfToken(null);
}

/**
 * `POST /api/auth/reauth`: proves the password (and a 2FA code) again, so that security changes
 * are allowed for the next few minutes.
 * @throws ApiError `invalid_credentials`, `totp_required`, `totp_invalid` (401),
 *   `too_many_attempts` (429), `session_required` (403).
 */
export function reauthenticate(input: Reauth): Promise<{ reauthenticatedUntil: string }> {
  return api.post<{ reauthenticatedUntil: string }>('/api/auth/reauth', input);
}

/**
 * `POST /api/auth/totp/setup`: a new secret and its QR code (SVG text).
 * @throws ApiError `reauthentication_required` (403) when the last re-authentication is stale.
 */
export function setupTotp(): Promise<TotpSetup> {
  return api.post<TotpSetup>('/api/auth/totp/setup');
}

/** `POST /api/auth/totp/confirm`. @throws ApiError `totp_invalid`, `reauthentication_required`. */
export function confirmTotp(code: string): Promise<{ recoveryCodes: string[] }> {
  return api.post<{ recoveryCodes: string[] }>('/api/auth/totp/confirm', { code });
}

/**
 * `POST /api/auth/totp/disable`.
 * @throws ApiError `totp_required_by_organisation` (409), `reauthentication_required` (403).
 */
export async function disableTotp(): Promise<void> {
  await api.post<undefined>('/api/auth/totp/disable', {});
}

/**
 * `POST /api/auth/recovery-codes`: new recovery codes, replacing the old ones; shown once.
 * @throws ApiError `totp_not_enabled` (409), `reauthentication_required` (403).
 */
export function createRecoveryCodes(): Promise<{ recoveryCodes: string[] }> {
  return api.post<{ recoveryCodes: string[] }>('/api/auth/recovery-codes', {});
}

/**
 * `POST /api/me/password`: ends the user's other sessions and revokes their API tokens; this
 * session stays.
 * @throws ApiError `invalid_credentials` (401), `weak_password` (400), `too_many_attempts` (429).
 */
export async function changePassword(input: PasswordChange): Promise<void> {
  await api.post<undefined>('/api/me/password', input);
}

/**
 * `PATCH /api/me/preferences`: changes only the keys sent; resolves with all of them.
 * @throws ApiError `validation_failed` (400), `forbidden` (403).
 */
export function savePreferences(patch: PreferencesUpdate): Promise<Preferences> {
  return api.patch<Preferences>('/api/me/preferences', patch);
}
