import { recordAudit } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { Actor, Ctx } from '@/lib/context.ts';
import { randomToken, sha256Hex } from '@/lib/crypto.ts';
import { newId } from '@/lib/ids.ts';
import { tokenScopePermissions } from '@/policy/permissions.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { findPrincipal } from './auth.repository.ts';
import { actingAs, actorFromPrincipal } from './principal.ts';
import type { ApiToken, ApiTokenCreate } from './tokens.schema.ts';
import {
  findTokenByHash,
  insertToken,
  listUserTokens,
  revokeTokenRow,
  touchToken,
  type TokenRow,
} from './tokens.repository.ts';

const TOKEN_PREFIX = 'hwt_';

function toApiToken(r: TokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    scopes: r.scopes,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  };
}

/**
 * Creates an API token for the caller. The secret is returned once; only its SHA-256 is stored.
 * The token can do at most what the caller's role allows, limited further by its scopes.
 * Throws `api_tokens_disabled` when the caller's organisation does not allow API tokens.
 */
export async function createApiToken(
  ctx: Ctx,
  input: ApiTokenCreate,
): Promise<{ token: string; item: ApiToken }> {
  const actor = await requireAccess(ctx, 'token.manage');
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const now = ctx.now();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertToken(tx, {
      id: newId(),
      organisationId: actor.organisationId,
      userId: actor.userId!,
      name: input.name,
      tokenHash: sha256Hex(token),
      scopes: [...new Set(input.scopes)],
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInDays * 86_400_000),
      lastUsedAt: null,
      revokedAt: null,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'token.create',
      entityType: 'api_token',
      entityId: created.id,
      details: { scopes: created.scopes, expiresAt: created.expiresAt.toISOString() },
    });
    return created;
  });
  return { token, item: toApiToken(row) };
}

/** The caller's own tokens (secrets are never shown again). */
export async function listApiTokens(ctx: Ctx): Promise<{ items: ApiToken[] }> {
  const actor = await requireAccess(ctx, 'token.manage');
  const rows = await listUserTokens(ctx.db, actor.organisationId, actor.userId!);
  return { items: rows.map(toApiToken) };
}

/** Revokes one of the caller's tokens. Another user's token id is `token_not_found`. */
export async function revokeApiToken(ctx: Ctx, tokenId: string): Promise<void> {
  const actor = await requireAccess(ctx, 'token.manage', [{ type: 'token', id: tokenId }]);
  await ctx.db.transaction(async (tx) => {
    await revokeTokenRow(tx, actor.organisationId, tokenId, ctx.now());
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'token.revoke',
      entityType: 'api_token',
      entityId: tokenId,
    });
  });
}

/** The actor behind a bearer token, or null if it is unknown, revoked or expired. */
export async function resolveApiToken(db: Db, token: string, now: Date): Promise<Actor | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) {
    return null;
  }
  const row = await findTokenByHash(db, sha256Hex(token));
  if (!row || row.revokedAt || row.expiresAt <= now) {
    return null;
  }
  const principal = await findPrincipal(db, row.userId, row.organisationId);
  // When the organisation requires 2FA, a token works only once its owner has enrolled: a
  // token must not be a way around the rule.
  const enrolmentMissing =
    principal?.organisation.requireTotp === true && principal.user.totpSecretEnc === null;
  // An organisation that switched API tokens off has none that work (its tokens are also
  // revoked when it does; this holds even for a token created in the same instant).
  if (!principal || enrolmentMissing || !principal.organisation.allowApiTokens) {
    return null;
  }
  await touchToken(db, row.id, now);
  // Session-only permissions (tokens, 2FA, passwords, admins, security settings) are in no
  // scope: a token can never hold them.
  const allowed = tokenScopePermissions(row.scopes);
  return {
    ...actorFromPrincipal(actingAs(principal), { tokenId: row.id, allowed }),
    totpEnrolmentRequired: false,
  };
}
