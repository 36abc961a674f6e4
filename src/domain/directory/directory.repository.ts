import { and, asc, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { directoryOrganisations, directoryServices, organisations } from '@/db/schema/index.ts';
import { isUuid } from '@/lib/ids.ts';

export type ServiceRow = typeof directoryServices.$inferSelect;
export type ServiceInsert = typeof directoryServices.$inferInsert;
export type ProfileRow = typeof directoryOrganisations.$inferSelect;

/** A service with the organisation that offers it, as every directory answer needs it. */
export interface ServiceWithOrg {
  service: ServiceRow;
  orgName: string;
  orgCountry: string;
  verifiedAt: Date | null;
  external: boolean;
}

/** Filters of a directory search; every one optional. */
export interface ServiceFilter {
  publicOnly: boolean;
  country?: string | undefined;
  kind?: string | undefined;
  /** Primary language subtag (`th` matches `th` and `th-TH`). */
  language?: string | undefined;
  availability?: string | undefined;
  organisationId?: string | undefined;
  afterId?: string | undefined;
  limit: number;
}

const withOrg = {
  service: directoryServices,
  orgName: organisations.name,
  orgCountry: organisations.country,
  verifiedAt: directoryOrganisations.verifiedAt,
  external: sql<boolean>`coalesce(${directoryOrganisations.external}, false)`,
};

function joined(db: Db) {
  return db
    .select(withOrg)
    .from(directoryServices)
    .innerJoin(organisations, eq(organisations.id, directoryServices.organisationId))
    .leftJoin(
      directoryOrganisations,
      eq(directoryOrganisations.organisationId, directoryServices.organisationId),
    );
}

function filterSql(f: ServiceFilter): SQL | undefined {
  const s = directoryServices;
  return and(
    isNull(s.removedAt),
    f.publicOnly ? eq(s.public, true) : undefined,
    f.country ? sql`${s.countries} @> array[${f.country}]::text[]` : undefined,
    f.kind ? sql`${s.kind} = ${f.kind}` : undefined,
    f.language
      ? sql`exists (select 1 from unnest(${s.languages}) as l(tag)
          where lower(split_part(l.tag, '-', 1)) = ${f.language})`
      : undefined,
    f.availability ? sql`${s.availability} = ${f.availability}` : undefined,
    f.organisationId ? eq(s.organisationId, f.organisationId) : undefined,
    f.afterId ? gt(s.id, f.afterId) : undefined,
  );
}

/** Services matching `f`, in id order, `limit + 1` rows (the extra one signals a next page). */
export function listServiceRows(db: Db, f: ServiceFilter): Promise<ServiceWithOrg[]> {
  return joined(db)
    .where(filterSql(f))
    .orderBy(asc(directoryServices.id))
    .limit(f.limit + 1);
}

/** One service of any organisation (the service decides who may see or change it). */
export async function findServiceRow(db: Db, id: string): Promise<ServiceWithOrg | null> {
  if (!isUuid(id)) {
    return null;
  }
  const rows = await joined(db)
    .where(and(eq(directoryServices.id, id), isNull(directoryServices.removedAt)))
    .limit(1);
  return rows[0] ?? null;
}

/** Inserts a service. */
export async function insertService(tx: Db, row: ServiceInsert): Promise<void> {
  await tx.insert(directoryServices).values(row);
}

/** Replaces a service of `organisationId`; false when it is not that organisation's. */
export async function updateServiceRow(
  tx: Db,
  organisationId: string,
  id: string,
  patch: Omit<ServiceInsert, 'id' | 'organisationId' | 'createdAt' | 'createdBy'>,
): Promise<boolean> {
  const rows = await tx
    .update(directoryServices)
    .set(patch)
    .where(and(eq(directoryServices.id, id), eq(directoryServices.organisationId, organisationId)))
    .returning({ id: directoryServices.id });
  return rows.length > 0;
}

/**
 * Takes a service of `organisationId` out of the directory: the row stays for the referrals that
 * name it, not public, its address erased. False when it is not that organisation's (or gone).
 */
export async function removeServiceRow(
  tx: Db,
  organisationId: string,
  id: string,
  at: Date,
): Promise<boolean> {
  const rows = await tx
    .update(directoryServices)
    .set({ removedAt: at, public: false, addressEnc: null, updatedAt: at })
    .where(
      and(
        eq(directoryServices.id, id),
        eq(directoryServices.organisationId, organisationId),
        isNull(directoryServices.removedAt),
      ),
    )
    .returning({ id: directoryServices.id });
  return rows.length > 0;
}

/** An organisation with its directory profile (null profile: local, unverified). */
export interface OrganisationWithProfile {
  id: string;
  name: string;
  country: string;
  type: (typeof organisations.$inferSelect)['type'];
  profile: ProfileRow | null;
  serviceCount: number;
}

const serviceCount = sql<number>`(select count(*)::int from ${directoryServices}
  where ${directoryServices.organisationId} = ${organisations.id}
    and ${directoryServices.removedAt} is null)`;

function organisationsWithProfile(db: Db) {
  return db
    .select({
      id: organisations.id,
      name: organisations.name,
      country: organisations.country,
      type: organisations.type,
      profile: directoryOrganisations,
      serviceCount,
    })
    .from(organisations)
    .leftJoin(directoryOrganisations, eq(directoryOrganisations.organisationId, organisations.id));
}

/** Every organisation of the installation with its profile, by name (at most 1000). */
export function listOrganisationRows(db: Db): Promise<OrganisationWithProfile[]> {
  return organisationsWithProfile(db).orderBy(asc(organisations.name)).limit(1000);
}

/** One organisation with its profile, or null. */
export async function findOrganisationRow(
  db: Db,
  id: string,
): Promise<OrganisationWithProfile | null> {
  if (!isUuid(id)) {
    return null;
  }
  const rows = await organisationsWithProfile(db).where(eq(organisations.id, id)).limit(1);
  return rows[0] ?? null;
}

/** Writes an organisation's profile (inserted on first use). */
export async function upsertProfile(
  tx: Db,
  organisationId: string,
  patch: Partial<Omit<ProfileRow, 'organisationId' | 'createdAt'>>,
): Promise<void> {
  await tx
    .insert(directoryOrganisations)
    .values({ organisationId, ...patch })
    .onConflictDoUpdate({
      target: directoryOrganisations.organisationId,
      set: { ...patch, updatedAt: sql`now()` },
    });
}
