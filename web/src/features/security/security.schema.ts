/** The API-token contract, shared with the server (see auth.schema.ts). */
export {
  ApiTokenCreateSchema,
  TokenScopeSchema,
  type ApiToken,
  type ApiTokenCreate,
  type TokenScope,
} from '@/domain/auth/tokens.schema.ts';
import type { ApiToken } from '@/domain/auth/tokens.schema.ts';

/** The label of each scope, in the order the create form offers them. */
export const SCOPE_LABELS = {
  read: 'security.tokens.scopeRead',
  write: 'security.tokens.scopeWrite',
  sensitive: 'security.tokens.scopeSensitive',
} as const;

/** Lifetimes offered when creating a token, in days. */
export const TOKEN_LIFETIMES = [7, 30, 90, 365] as const;

/** Answer of `POST /api/tokens`: the secret appears here once. */
export interface TokenCreated {
  token: string;
  item: ApiToken;
}
