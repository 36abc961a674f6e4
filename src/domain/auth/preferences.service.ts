import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { requireAccess } from '@/policy/require-access.ts';
import {
  CalendarSchema,
  UiLanguageSchema,
  type Preferences,
  type PreferencesUpdate,
} from './auth.schema.ts';
import { mergeUserPreferences } from './users.repository.ts';

/**
 * The valid preferences in a stored `users.preferences` value. Keys the UI no longer knows, or a
 * value an older version wrote in another shape, are dropped rather than failing GET /api/me.
 */
export function storedPreferences(raw: unknown): Preferences {
  const value = (raw ?? {}) as Record<string, unknown>;
  const result: Preferences = {};
  if (typeof value.hideNames === 'boolean') {
    result.hideNames = value.hideNames;
  }
  // A key never set is the usual case: skip the parse, whose failure path builds an error.
  const calendar = value.calendar === undefined ? null : CalendarSchema.safeParse(value.calendar);
  if (calendar?.success) {
    result.calendar = calendar.data;
  }
  const language = value.language === undefined ? null : UiLanguageSchema.safeParse(value.language);
  if (language?.success) {
    result.language = language.data;
  }
  return result;
}

/**
 * Changes the caller's own display preferences (only the keys sent) and returns them all.
 * Needs `me.update`: every role; API tokens with the `write` scope. Audited with the names of the
 * changed keys (their values are not case data, but the log says who changed what).
 * @throws AppError `forbidden` without `me.update`, `unauthenticated` when the account is gone.
 */
export async function updatePreferences(ctx: Ctx, patch: PreferencesUpdate): Promise<Preferences> {
  const actor = await requireAccess(ctx, 'me.update');
  const userId = actor.userId!;
  const stored = await ctx.db.transaction(async (tx) => {
    const merged = await mergeUserPreferences(tx, userId, patch);
    if (merged === null) {
      return null;
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'user.preferences_update',
      entityType: 'user',
      entityId: userId,
      details: { fields: Object.keys(patch).sort() },
    });
    return merged;
  });
  if (stored === null) {
    throw new AppError('unauthenticated');
  }
  return storedPreferences(stored);
}
