import { and, arrayContains, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { outreachMaterials } from '@/db/schema/index.ts';
import type { MaterialKind, OutreachTopic } from './outreach.schema.ts';

export type MaterialRow = typeof outreachMaterials.$inferSelect;
type MaterialInsert = Omit<typeof outreachMaterials.$inferInsert, 'organisationId'>;
export type MaterialPatch = Partial<Omit<MaterialInsert, 'id' | 'createdBy' | 'createdAt'>>;

/** Inserts a material into the organisation's library. */
export async function insertMaterial(
  tx: Db,
  organisationId: string,
  row: MaterialInsert,
): Promise<void> {
  await tx.insert(outreachMaterials).values({ ...row, organisationId });
}

/** Changes a material; false when the organisation has no such material. */
export async function updateMaterialRow(
  tx: Db,
  organisationId: string,
  id: string,
  patch: MaterialPatch,
): Promise<boolean> {
  const changed = await tx
    .update(outreachMaterials)
    .set(patch)
    .where(and(eq(outreachMaterials.organisationId, organisationId), eq(outreachMaterials.id, id)))
    .returning({ id: outreachMaterials.id });
  return changed.length > 0;
}

/** Deletes a material (the sessions that used it no longer list it); false when there was none. */
export async function deleteMaterialRow(
  tx: Db,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const gone = await tx
    .delete(outreachMaterials)
    .where(and(eq(outreachMaterials.organisationId, organisationId), eq(outreachMaterials.id, id)))
    .returning({ id: outreachMaterials.id });
  return gone.length > 0;
}

/** One material of the organisation, or null. */
export async function findMaterial(
  db: Db,
  organisationId: string,
  id: string,
): Promise<MaterialRow | null> {
  const [row] = await db
    .select()
    .from(outreachMaterials)
    .where(and(eq(outreachMaterials.organisationId, organisationId), eq(outreachMaterials.id, id)));
  return row ?? null;
}

/** The ids among `ids` that are materials of the organisation. */
export async function existingMaterialIds(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: outreachMaterials.id })
    .from(outreachMaterials)
    .where(
      and(
        eq(outreachMaterials.organisationId, organisationId),
        inArray(outreachMaterials.id, [...ids]),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** What the library list asks for: newest first, after the cursor's id. */
export interface MaterialFilter {
  language?: string;
  topic?: OutreachTopic;
  kind?: MaterialKind;
  beforeId?: string;
  limit: number;
}

/** Materials of the organisation matching `f`, `limit + 1` of them. */
export function listMaterialRows(
  db: Db,
  organisationId: string,
  f: MaterialFilter,
): Promise<MaterialRow[]> {
  return db
    .select()
    .from(outreachMaterials)
    .where(
      and(
        eq(outreachMaterials.organisationId, organisationId),
        f.language ? eq(outreachMaterials.language, f.language) : undefined,
        f.kind ? eq(outreachMaterials.kind, f.kind) : undefined,
        f.topic ? arrayContains(outreachMaterials.topics, [f.topic]) : undefined,
        f.beforeId ? lt(outreachMaterials.id, f.beforeId) : undefined,
      ),
    )
    .orderBy(desc(outreachMaterials.id))
    .limit(f.limit + 1);
}
