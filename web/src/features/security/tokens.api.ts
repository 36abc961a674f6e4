import { api } from '@web/lib/api';
import type { ApiToken, ApiTokenCreate, TokenCreated } from './security.schema';

/** `GET /api/tokens`: the user's API tokens. */
export function listTokens(signal?: AbortSignal): Promise<{ items: ApiToken[] }> {
  return api.get<{ items: ApiToken[] }>('/api/tokens', { signal });
}

/** `POST /api/tokens`. The returned `token` is never shown again. */
export function createToken(input: ApiTokenCreate): Promise<TokenCreated> {
  return api.post<TokenCreated>('/api/tokens', input);
}

/** `DELETE /api/tokens/:tokenId`. @throws ApiError `token_not_found`. */
export async function revokeToken(tokenId: string): Promise<void> {
  await api.delete<undefined>(`/api/tokens/${encodeURIComponent(tokenId)}`);
}
