import { api } from '@web/lib/api';
import type { Page } from '@web/lib/use-cursor-list';
import type { PasswordReset, User, UserCreate, UserCreated, UserUpdate } from './users.schema';

/** `GET /api/users` (permission `user.manage`). */
export function listUsers(
  params: { cursor: string | null; limit?: number },
  signal?: AbortSignal,
): Promise<Page<User>> {
  return api.get<Page<User>>('/api/users', {
    query: { cursor: params.cursor, limit: params.limit ?? 50 },
    signal,
  });
}

/** `POST /api/users`. @throws ApiError `email_taken` (409), `weak_password`, `validation_failed`. */
export function createUser(input: UserCreate): Promise<UserCreated> {
  return api.post<UserCreated>('/api/users', input);
}

/** `PATCH /api/users/:userId`. @throws ApiError `last_admin` (409). */
export function updateUser(userId: string, input: UserUpdate): Promise<User> {
  return api.patch<User>(`/api/users/${encodeURIComponent(userId)}`, input);
}

/**
 * `POST /api/users/:userId/reset-2fa` (permission `user.admin`): the user must enrol again at next
 * login. @throws ApiError `forbidden` or `account_shared` (403) as for `resetUserPassword`.
 */
export async function resetUserTotp(userId: string): Promise<void> {
  await api.post<undefined>(`/api/users/${encodeURIComponent(userId)}/reset-2fa`);
}

/**
 * `POST /api/users/:userId/reset-password` (permission `user.admin`): a temporary password, shown
 * once; the member must choose a new one at next login, and their sessions and API tokens end.
 * @throws ApiError `forbidden` or `account_shared` (403) when the member also belongs to another
 *   organisation and the caller is not a platform admin.
 */
export function resetUserPassword(userId: string): Promise<PasswordReset> {
  return api.post<PasswordReset>(`/api/users/${encodeURIComponent(userId)}/reset-password`);
}
