import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { organisations } from '@/db/schema/index.ts';
import { isUuid } from '@/lib/ids.ts';
import type { Organisation } from './organisations.schema.ts';

type Row = typeof organisations.$inferSelect;

function toOrganisation(r: Row): Organisation {
  return {
    id: r.id,
    name: r.name,
    country: r.country,
    type: r.type,
    requireTotp: r.requireTotp,
    allowApiTokens: r.allowApiTokens,
    followUpMonths: r.followUpMonths,
  };
}

export async function insertOrganisation(db: Db, org: Organisation): Promise<Organisation> {
  const [row] = await db.insert(organisations).values(org).returning();
  return toOrganisation(row!);
}

export async function findOrganisation(db: Db, id: string): Promise<Organisation | null> {
  if (!isUuid(id)) {
    return null;
  }
  const rows = await db.select().from(organisations).where(eq(organisations.id, id)).limit(1);
  return rows[0] ? toOrganisation(rows[0]) : null;
}

/** Finds by id, or by name ignoring case (for the CLI). */
export async function findOrganisationByNameOrId(
  db: Db,
  ref: string,
): Promise<Organisation | null> {
  const byId = await findOrganisation(db, ref);
  if (byId) {
    return byId;
  }
  const rows = await db
    .select()
    .from(organisations)
    .where(sql`lower(${organisations.name}) = lower(${ref})`)
    .limit(1);
  return rows[0] ? toOrganisation(rows[0]) : null;
}

export async function updateOrganisation(
  db: Db,
  id: string,
  patch: Partial<Pick<Organisation, 'name' | 'requireTotp' | 'allowApiTokens' | 'followUpMonths'>>,
): Promise<Organisation | null> {
  const [row] = await db
    .update(organisations)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(eq(organisations.id, id))
    .returning();
  return row ? toOrganisation(row) : null;
}

export async function listOrganisations(db: Db): Promise<Organisation[]> {
  const rows = await db.select().from(organisations).orderBy(asc(organisations.name)).limit(1000);
  return rows.map(toOrganisation);
}

export async function organisationNameTaken(db: Db, name: string): Promise<boolean> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`lower(${organisations.name}) = lower(${name})`)
    .limit(1);
  return rows.length > 0;
}
