import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { isUuid, newId } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '@/lib/pagination.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { toMaterial } from './outreach-mapper.ts';
import {
  deleteMaterialRow,
  findMaterial,
  insertMaterial,
  listMaterialRows,
  updateMaterialRow,
  type MaterialRow,
} from './outreach-materials.repository.ts';
import type {
  Material,
  MaterialCreate,
  MaterialListQuery,
  MaterialPage,
  MaterialUpdate,
} from './outreach-materials.schema.ts';

/**
 * The organisation's library of teaching materials (`outreach.read` / `outreach.write`): links
 * to slides, handouts, videos and posters, per language and topic. Writes are audited.
 */

async function materialOrFail(ctx: Ctx, actor: OrgActor, id: string): Promise<MaterialRow> {
  const row = isUuid(id) ? await findMaterial(ctx.db, actor.organisationId, id) : null;
  if (!row) {
    throw new AppError('outreach_material_not_found');
  }
  return row;
}

/** Adds a material to the library (`outreach.write`). Audited as `outreach_material.create`. */
export async function createMaterial(ctx: Ctx, input: MaterialCreate): Promise<Material> {
  const actor = await requireAccess(ctx, 'outreach.write');
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    await insertMaterial(tx, actor.organisationId, {
      ...input,
      id,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'outreach_material.create',
      entityType: 'outreach_material',
      entityId: id,
      details: { kind: input.kind, language: input.language },
    });
  });
  return toMaterial(await materialOrFail(ctx, actor, id));
}

/** One material (`outreach.read`). Throws `outreach_material_not_found`. */
export async function getMaterial(ctx: Ctx, id: string): Promise<Material> {
  const actor = await requireAccess(ctx, 'outreach.read');
  return toMaterial(await materialOrFail(ctx, actor, id));
}

/** Changes a material (`outreach.write`). Throws `outreach_material_not_found`. */
export async function updateMaterial(
  ctx: Ctx,
  id: string,
  input: MaterialUpdate,
): Promise<Material> {
  const actor = await requireAccess(ctx, 'outreach.write');
  await materialOrFail(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    await updateMaterialRow(tx, actor.organisationId, id, { ...input, updatedAt: ctx.now() });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'outreach_material.update',
      entityType: 'outreach_material',
      entityId: id,
      details: { fields: Object.keys(input) },
    });
  });
  return toMaterial(await materialOrFail(ctx, actor, id));
}

/**
 * Takes a material out of the library (`outreach.write`); sessions that used it no longer list
 * it. Throws `outreach_material_not_found`. Audited as `outreach_material.delete`.
 */
export async function deleteMaterial(ctx: Ctx, id: string): Promise<void> {
  const actor = await requireAccess(ctx, 'outreach.write');
  await materialOrFail(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteMaterialRow(tx, actor.organisationId, id))) {
      throw new AppError('outreach_material_not_found');
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'outreach_material.delete',
      entityType: 'outreach_material',
      entityId: id,
    });
  });
}

/** The library (`outreach.read`), newest first, by language, topic and kind. */
export async function listMaterials(ctx: Ctx, q: MaterialListQuery): Promise<MaterialPage> {
  const actor = await requireAccess(ctx, 'outreach.read');
  const rows = await listMaterialRows(ctx.db, actor.organisationId, {
    language: q.language,
    topic: q.topic,
    kind: q.kind,
    beforeId: decodeCursor(q.cursor) ?? undefined,
    limit: q.limit,
  });
  const page = toPage(rows, q.limit, (last) => encodeCursor(last.id));
  return { items: page.items.map(toMaterial), nextCursor: page.nextCursor };
}
