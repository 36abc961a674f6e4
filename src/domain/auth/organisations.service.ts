import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { isCountryCode } from '@/lib/countries.ts';
import { AppError, findOrFail, validationFailed } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess, requirePlatformAdmin } from '@/policy/require-access.ts';
import {
  findOrganisation,
  findOrganisationByNameOrId,
  insertOrganisation,
  listOrganisations as listOrganisationRows,
  organisationNameTaken,
  updateOrganisation as updateOrganisationRow,
} from './organisations.repository.ts';
import type {
  Organisation,
  OrganisationCreate,
  OrganisationUpdate,
} from './organisations.schema.ts';
import { revokeOrganisationTokens } from './tokens.repository.ts';

/** Creates an organisation (platform admins and the CLI). Throws `organisation_exists`. */
export async function createOrganisation(
  ctx: Ctx,
  input: OrganisationCreate,
): Promise<Organisation> {
  requirePlatformAdmin(ctx);
  if (!isCountryCode(input.country)) {
    const message = 'Use an ISO 3166-1 alpha-3 country code, e.g. THA';
    throw validationFailed([{ path: 'country', message }], 'Unknown country code');
  }
  if (await organisationNameTaken(ctx.db, input.name)) {
    throw new AppError('organisation_exists');
  }
  return ctx.db.transaction(async (tx) => {
    const org = await insertOrganisation(tx, {
      id: newId(),
      requireTotp: false,
      allowApiTokens: true,
      ...input,
    });
    await recordAudit(tx, ctx, {
      organisationId: org.id,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: org.id,
      details: { country: org.country, type: org.type },
    });
    return org;
  });
}

/** Every organisation of the installation (platform admins). */
export async function listOrganisations(ctx: Ctx): Promise<Organisation[]> {
  requirePlatformAdmin(ctx);
  return listOrganisationRows(ctx.db);
}

/** The caller's own organisation. */
export async function getOwnOrganisation(ctx: Ctx): Promise<Organisation> {
  const actor = await requireAccess(ctx, 'organisation.read');
  return findOrFail(findOrganisation(ctx.db, actor.organisationId), 'organisation_not_found');
}

/**
 * Renames the caller's organisation or changes its settings (`organisation.manage`). Changing
 * whether it requires 2FA or allows API tokens is security administration
 * (`organisation.security`, in person: API tokens get `session_required`). Switching API tokens
 * off revokes every token of the organisation in the same transaction.
 */
export async function updateOwnOrganisation(
  ctx: Ctx,
  patch: OrganisationUpdate,
): Promise<Organisation> {
  const actor = await requireAccess(ctx, 'organisation.manage');
  if (patch.requireTotp !== undefined || patch.allowApiTokens !== undefined) {
    await requireAccess(ctx, 'organisation.security');
  }
  const current = await getOwnOrganisation(ctx);
  if (patch.name && patch.name.toLowerCase() !== current.name.toLowerCase()) {
    if (await organisationNameTaken(ctx.db, patch.name)) {
      throw new AppError('organisation_exists');
    }
  }
  return ctx.db.transaction(async (tx) => {
    const org = await updateOrganisationRow(tx, actor.organisationId, patch);
    const tokensRevoked =
      patch.allowApiTokens === false && current.allowApiTokens
        ? await revokeOrganisationTokens(tx, actor.organisationId, ctx.now())
        : undefined;
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: actor.organisationId,
      details: {
        fields: Object.keys(patch),
        ...(tokensRevoked === undefined ? {} : { tokensRevoked }),
      },
    });
    return org!;
  });
}

/** Finds an organisation by id or (case-insensitive) name, for operators. Null if none. */
export async function findOrganisationByRef(ctx: Ctx, ref: string): Promise<Organisation | null> {
  requirePlatformAdmin(ctx);
  return findOrganisationByNameOrId(ctx.db, ref);
}
