import { recordAudit } from '@/domain/audit/index.ts';
import { createOrganisation } from '@/domain/auth/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { requireAccess } from '@/policy/require-access.ts';
import type {
  DirectoryOrganisation,
  ExternalOrganisationCreate,
  ExternalOrganisationUpdate,
  Verification,
} from './directory-organisations.schema.ts';
import {
  findOrganisationRow,
  listOrganisationRows,
  upsertProfile,
  type OrganisationWithProfile,
} from './directory.repository.ts';

/**
 * Organisations in the directory: verification by a platform admin (unverified ones are marked
 * wherever they are shown), and external organisations a platform admin lists — rows of
 * `organisations` like any other (so consents and referrals name them by the same id) with a
 * profile marking them external, and no accounts on this installation.
 */

function toDirectoryOrganisation(r: OrganisationWithProfile): DirectoryOrganisation {
  return {
    id: r.id,
    name: r.name,
    country: r.country,
    type: r.type,
    verified: (r.profile?.verifiedAt ?? null) !== null,
    verifiedAt: r.profile?.verifiedAt?.toISOString() ?? null,
    external: r.profile?.external ?? false,
    installationId: r.profile?.installationId ?? null,
    website: r.profile?.website ?? null,
    serviceCount: r.serviceCount,
  };
}

async function loadOrganisation(ctx: Ctx, id: string): Promise<DirectoryOrganisation> {
  const row = await findOrganisationRow(ctx.db, id);
  if (!row) {
    throw new AppError('directory_organisation_not_found');
  }
  return toDirectoryOrganisation(row);
}

/** Every organisation of the directory, verified or not, local or external (`directory.read`). */
export async function listDirectoryOrganisations(ctx: Ctx): Promise<DirectoryOrganisation[]> {
  await requireAccess(ctx, 'directory.read');
  return (await listOrganisationRows(ctx.db)).map(toDirectoryOrganisation);
}

/**
 * Marks an organisation verified or not (`directory.verify`: a platform admin in person),
 * audited in that organisation. Throws `directory_organisation_not_found`.
 */
export async function setVerification(
  ctx: Ctx,
  id: string,
  input: Verification,
): Promise<DirectoryOrganisation> {
  const actor = await requireAccess(ctx, 'directory.verify');
  await loadOrganisation(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await upsertProfile(tx, id, {
      verifiedAt: input.verified ? ctx.now() : null,
      verifiedBy: input.verified ? actor.userId : null,
    });
    await recordAudit(tx, ctx, {
      organisationId: id,
      action: input.verified ? 'directory_organisation.verify' : 'directory_organisation.unverify',
      entityType: 'organisation',
      entityId: id,
      details: {},
    });
  });
  return loadOrganisation(ctx, id);
}

/**
 * Lists an organisation that is not on this installation (`directory.verify`): an
 * `organisations` row and its external profile, in one transaction. Throws `organisation_exists`
 * (the name is taken), `validation_failed` (unknown country).
 */
export async function createExternalOrganisation(
  ctx: Ctx,
  input: ExternalOrganisationCreate,
): Promise<DirectoryOrganisation> {
  await requireAccess(ctx, 'directory.verify');
  const { installationId, website, ...org } = input;
  const id = await ctx.db.transaction(async (tx) => {
    const created = await createOrganisation({ ...ctx, db: tx }, org);
    await upsertProfile(tx, created.id, { external: true, installationId, website });
    await recordAudit(tx, ctx, {
      organisationId: created.id,
      action: 'directory_organisation.list_external',
      entityType: 'organisation',
      entityId: created.id,
      details: { installationId },
    });
    return created.id;
  });
  return loadOrganisation(ctx, id);
}

/**
 * Changes an external organisation's installation id or website (`directory.verify`). Throws
 * `directory_organisation_not_found` for an organisation of this installation or an unknown id.
 */
export async function updateExternalOrganisation(
  ctx: Ctx,
  id: string,
  patch: ExternalOrganisationUpdate,
): Promise<DirectoryOrganisation> {
  await requireAccess(ctx, 'directory.verify');
  const current = await loadOrganisation(ctx, id);
  if (!current.external) {
    throw new AppError('directory_organisation_not_found');
  }
  await ctx.db.transaction(async (tx) => {
    await upsertProfile(tx, id, patch);
    await recordAudit(tx, ctx, {
      organisationId: id,
      action: 'directory_organisation.update',
      entityType: 'organisation',
      entityId: id,
      details: { fields: Object.keys(patch) },
    });
  });
  return loadOrganisation(ctx, id);
}

/** Whether `organisationId` is external (for referrals: purpose `cross_border_sharing`). */
export async function isExternalOrganisation(ctx: Ctx, organisationId: string): Promise<boolean> {
  const row = await findOrganisationRow(ctx.db, organisationId);
  return row?.profile?.external ?? false;
}
