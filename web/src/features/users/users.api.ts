import { api } from '@web/lib/api';
import type { Page } from '@web/lib/use-cursor-list';
import type { User, UserCreate, UserCreated, UserUpdate } from './users.schema';

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

/** `POST /api/users/:userId/reset-2fa`: the user must enrol again at next login. */
export async function resetUserTotp(userId: string): Promise<void> {
  await api.post<undefined>(`/api/users/${encodeURIComponent(userId)}/reset-2fa`);
}
