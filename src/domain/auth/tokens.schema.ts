import { z } from 'zod';
import { TOKEN_SCOPES, TokenScopeSchema } from '@/policy/permissions.ts';
import { NameTextSchema } from './organisations.schema.ts';

export { TOKEN_SCOPES, TokenScopeSchema };
export type { TokenScope } from '@/policy/permissions.ts';

export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  scopes: z.array(TokenScopeSchema),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

export const ApiTokenCreateSchema = z
  .object({
    name: NameTextSchema,
    scopes: z.array(TokenScopeSchema).min(1).max(TOKEN_SCOPES.length).default(['read']),
    expiresInDays: z.number().int().min(1).max(365).default(90),
  })
  .strict();
export type ApiTokenCreate = z.infer<typeof ApiTokenCreateSchema>;

export const ApiTokenCreatedSchema = z.object({ token: z.string(), item: ApiTokenSchema });
export const ApiTokenListSchema = z.object({ items: z.array(ApiTokenSchema) });
export const TokenIdParamsSchema = z.object({ tokenId: z.string().max(64) }).strict();
