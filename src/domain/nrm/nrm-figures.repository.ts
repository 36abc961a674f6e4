import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { nrmHolidays, nrmSettings, nrmSteps } from '@/db/schema/index.ts';
import type { JurisdictionEdits } from './jurisdictions.ts';
import type { Holiday, NrmStep } from './nrm.schema.ts';

/** What platform admins changed over the shipped jurisdictions, and organisations' settings. */

/** Every edited figure and holiday of the installation (a few rows: read whole). */
export async function listEdits(db: Db): Promise<JurisdictionEdits> {
  const [steps, holidays] = await Promise.all([
    db.select().from(nrmSteps),
    db.select().from(nrmHolidays),
  ]);
  return {
    steps: steps.map((r) => ({ jurisdiction: r.jurisdiction, figure: toStep(r) })),
    holidays: holidays.map((r) => ({
      jurisdiction: r.jurisdiction,
      removed: r.removed,
      holiday: { date: r.date, name: r.name, status: r.status, source: r.source },
    })),
  };
}

function toStep(r: typeof nrmSteps.$inferSelect): NrmStep {
  return {
    step: r.step,
    kind: r.kind,
    duration: r.duration,
    unit: r.unit,
    clockStartsAt: r.clockStartsAt,
    startsOn: r.startsOn,
    endsWith: r.endsWith,
    rule: r.rule,
    status: r.status,
    ...(r.statusNote !== null && { statusNote: r.statusNote }),
    source: r.source,
    notes: r.notes,
    asOf: r.asOf,
  };
}

/** Stores `figure` as the jurisdiction's step, replacing an earlier edit. */
export async function upsertStep(
  tx: Db,
  { jurisdiction, figure, by }: { jurisdiction: string; figure: NrmStep; by: string | null },
): Promise<void> {
  const row = {
    ...figure,
    statusNote: figure.statusNote ?? null,
    jurisdiction,
    updatedBy: by,
    updatedAt: sql`now()`,
  };
  await tx
    .insert(nrmSteps)
    .values(row)
    .onConflictDoUpdate({ target: [nrmSteps.jurisdiction, nrmSteps.step], set: row });
}

/** Stores a holiday of the jurisdiction (or, `removed`, takes a shipped one out). */
export async function upsertHoliday(
  tx: Db,
  edit: { jurisdiction: string; holiday: Holiday; removed: boolean; by: string | null },
): Promise<void> {
  const row = {
    jurisdiction: edit.jurisdiction,
    ...edit.holiday,
    removed: edit.removed,
    updatedBy: edit.by,
    updatedAt: sql`now()`,
  };
  await tx
    .insert(nrmHolidays)
    .values(row)
    .onConflictDoUpdate({ target: [nrmHolidays.jurisdiction, nrmHolidays.date], set: row });
}

/** The organisation's "upcoming" horizon in days; null when it never set one. */
export async function findUpcomingDays(db: Db, organisationId: string): Promise<number | null> {
  const [row] = await db
    .select({ days: nrmSettings.upcomingDays })
    .from(nrmSettings)
    .where(eq(nrmSettings.organisationId, organisationId));
  return row?.days ?? null;
}

/** Sets the organisation's "upcoming" horizon. */
export async function upsertUpcomingDays(
  tx: Db,
  organisationId: string,
  { days, by }: { days: number; by: string | null },
): Promise<void> {
  const set = { upcomingDays: days, updatedBy: by, updatedAt: sql`now()` };
  await tx
    .insert(nrmSettings)
    .values({ organisationId, ...set })
    .onConflictDoUpdate({ target: nrmSettings.organisationId, set });
}
