import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '@/lib/pagination.ts';
import { curatesDirectory, mayReadAddress } from '@/policy/directory-access.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import {
  serviceColumns,
  toPublicService,
  toStaffService,
  toStaffServiceDetail,
} from './directory-mapper.ts';
import { checkedServiceInput, searchCountry, searchLanguage } from './directory-input.ts';
import {
  findOrganisationRow,
  findServiceRow,
  insertService,
  listServiceRows,
  removeServiceRow,
  updateServiceRow,
  type ServiceFilter,
  type ServiceWithOrg,
} from './directory.repository.ts';
import type {
  PublicServicePage,
  PublicServiceQuery,
  ServiceCreate,
  ServiceInput,
  StaffServiceDetail,
  StaffServicePage,
  StaffServiceQuery,
} from './directory.schema.ts';

/**
 * The service directory: searched by anyone (public services only, public-safe fields, nothing
 * stored) and by signed-in members (internal entries too); an organisation's admins maintain its
 * own services, platform admins those of external organisations.
 */

function filterOf(q: PublicServiceQuery, publicOnly: boolean): ServiceFilter {
  return {
    publicOnly,
    country: searchCountry(q.country),
    kind: q.service,
    language: searchLanguage(q.language),
    afterId: decodeCursor(q.cursor) ?? undefined,
    limit: q.limit,
  };
}

/**
 * Public search (no login): only services their organisation marks public, as `PublicService`
 * (never capacity or an address). Reads no session, writes nothing, not even an audit entry.
 * Throws `validation_failed` for an unknown country or a malformed language.
 */
export async function searchPublicServices(
  ctx: Ctx,
  q: PublicServiceQuery,
): Promise<PublicServicePage> {
  const rows = await listServiceRows(ctx.db, filterOf(q, true));
  const page = toPage(rows, q.limit, (r) => encodeCursor(r.service.id));
  return { items: page.items.map(toPublicService), nextCursor: page.nextCursor };
}

/** Staff search (`directory.read`): every organisation's services, internal ones too. */
export async function searchServices(ctx: Ctx, q: StaffServiceQuery): Promise<StaffServicePage> {
  const actor = await requireAccess(ctx, 'directory.read');
  const filter = {
    ...filterOf(q, false),
    availability: q.availability,
    organisationId: q.organisationId,
  };
  const rows = await listServiceRows(ctx.db, filter);
  const page = toPage(rows, q.limit, (r) => encodeCursor(r.service.id));
  return {
    items: page.items.map((r) => toStaffService(r, actor.organisationId)),
    nextCursor: page.nextCursor,
  };
}

/**
 * One service in detail (`directory.read`), with its address when the caller may read it (see
 * `mayReadAddress`); returning an address is audited as `directory_service.address_read`.
 * Throws `directory_service_not_found`.
 */
export async function getService(ctx: Ctx, id: string): Promise<StaffServiceDetail> {
  const actor = await requireAccess(ctx, 'directory.read');
  const row = await findServiceRow(ctx.db, id);
  if (!row) {
    throw new AppError('directory_service_not_found');
  }
  const withAddress =
    row.service.addressEnc !== null &&
    mayReadAddress(actor, { ...row.service, external: row.external });
  if (withAddress) {
    await recordAuditNow(ctx.db, ctx, {
      organisationId: actor.organisationId,
      action: 'directory_service.address_read',
      entityType: 'directory_service',
      entityId: id,
      details: { ownerOrganisationId: row.service.organisationId },
    });
  }
  return toStaffServiceDetail(ctx, row, actor.organisationId, withAddress);
}

/**
 * Which organisation the caller maintains services of: its own (`directory.manage`), or an
 * external one (`directory.verify`, in person). Another organisation of this installation, or an
 * unknown one, is `directory_organisation_not_found`.
 */
async function maintainedOrganisation(ctx: Ctx, organisationId?: string): Promise<OrgActor> {
  const reader = await requireAccess(ctx, 'directory.read');
  if (organisationId === undefined || organisationId === reader.organisationId) {
    return requireAccess(ctx, 'directory.manage');
  }
  const org = await findOrganisationRow(ctx.db, organisationId);
  if (!curatesDirectory(reader) || !org?.profile?.external) {
    if (!curatesDirectory(reader)) {
      await requireAccess(ctx, 'directory.manage');
    }
    throw new AppError('directory_organisation_not_found');
  }
  return requireAccess(ctx, 'directory.verify');
}

/**
 * A service the caller may change: its own organisation's (`directory.manage`), or an external
 * organisation's for a platform admin. Anything else is `directory_service_not_found`, like an
 * unknown id (after `forbidden` for a member who maintains nothing).
 */
async function maintainedService(ctx: Ctx, id: string): Promise<ServiceWithOrg> {
  const reader = await requireAccess(ctx, 'directory.read');
  const row = await findServiceRow(ctx.db, id);
  if (row && row.service.organisationId === reader.organisationId) {
    await requireAccess(ctx, 'directory.manage');
    return row;
  }
  if (row?.external && curatesDirectory(reader)) {
    await requireAccess(ctx, 'directory.verify');
    return row;
  }
  if (!curatesDirectory(reader)) {
    await requireAccess(ctx, 'directory.manage');
  }
  throw new AppError('directory_service_not_found');
}

async function auditService(
  tx: Ctx['db'],
  ctx: Ctx,
  e: { action: string; organisationId: string; id: string; input?: ServiceInput },
): Promise<void> {
  const details = e.input
    ? { kind: e.input.kind, public: e.input.public, availability: e.input.availability }
    : {};
  await recordAudit(tx, ctx, {
    organisationId: e.organisationId,
    action: e.action,
    entityType: 'directory_service',
    entityId: e.id,
    details,
  });
}

/**
 * Adds a service for the caller's organisation, or (platform admins) an external one. Throws
 * `forbidden`, `directory_organisation_not_found`, `validation_failed`; nothing is written then.
 */
export async function createService(ctx: Ctx, input: ServiceCreate): Promise<StaffServiceDetail> {
  const { organisationId: wanted, ...rest } = input;
  const actor = await maintainedOrganisation(ctx, wanted);
  const organisationId = wanted ?? actor.organisationId;
  const checked = checkedServiceInput(rest);
  const id = newId();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await insertService(tx, {
      ...serviceColumns(ctx, id, checked),
      id,
      organisationId,
      availabilityUpdatedAt: now,
      createdBy: actor.userId,
      updatedBy: actor.userId,
      createdAt: now,
      updatedAt: now,
    });
    await auditService(tx, ctx, {
      action: 'directory_service.create',
      organisationId,
      id,
      input: checked,
    });
  });
  const row = (await findServiceRow(ctx.db, id))!;
  return toStaffServiceDetail(ctx, row, actor.organisationId, checked.address !== null);
}

/**
 * Replaces a service the caller maintains with `input`; the availability's time moves only when
 * the availability or the capacity changes. Throws `directory_service_not_found`,
 * `validation_failed`.
 */
export async function updateService(
  ctx: Ctx,
  id: string,
  input: ServiceInput,
): Promise<StaffServiceDetail> {
  const current = await maintainedService(ctx, id);
  const actor = ctx.actor as OrgActor;
  const checked = checkedServiceInput(input);
  const before = current.service;
  const now = ctx.now();
  const availabilityChanged =
    before.availability !== checked.availability || before.capacity !== checked.capacity;
  await ctx.db.transaction(async (tx) => {
    await updateServiceRow(tx, before.organisationId, id, {
      ...serviceColumns(ctx, id, checked),
      availabilityUpdatedAt: availabilityChanged ? now : before.availabilityUpdatedAt,
      updatedBy: actor.userId,
      updatedAt: now,
    });
    const organisationId = before.organisationId;
    await auditService(tx, ctx, {
      action: 'directory_service.update',
      organisationId,
      id,
      input: checked,
    });
  });
  const row = (await findServiceRow(ctx.db, id))!;
  return toStaffServiceDetail(ctx, row, actor.organisationId, checked.address !== null);
}

/**
 * Takes a service the caller maintains out of the directory (kept, unlisted, address erased, for
 * the referrals that name it). Throws `directory_service_not_found`.
 */
export async function deleteService(ctx: Ctx, id: string): Promise<void> {
  const current = await maintainedService(ctx, id);
  const organisationId = current.service.organisationId;
  await ctx.db.transaction(async (tx) => {
    await removeServiceRow(tx, organisationId, id, ctx.now());
    await auditService(tx, ctx, { action: 'directory_service.delete', organisationId, id });
  });
}
