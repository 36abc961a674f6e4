import { and, desc, eq, getTableColumns, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import {
  advertReportIndicators,
  advertReports,
  organisations,
  preventionAssignments,
} from '@/db/schema/index.ts';
import type {
  AdvertReportStatus,
  Indicator,
  IndicatorKind,
  TrendQuery,
} from './advert-reports.schema.ts';
import type { JobChannel } from './jobcheck/jobcheck.schema.ts';

export type AdvertReportRow = typeof advertReports.$inferSelect;
export type AdvertReportInsert = typeof advertReports.$inferInsert;

/**
 * Who sees which reports: the reports whose destination or origin is one of the countries
 * assigned to `organisationId`, and with `unassigned` (platform admins) also those whose
 * countries are assigned to no organisation.
 */
export interface Visibility {
  organisationId: string;
  unassigned: boolean;
}

const r = advertReports;

function visibleTo(v: Visibility): SQL {
  const mine = sql`(select ${preventionAssignments.country} from ${preventionAssignments}
    where ${preventionAssignments.organisationId} = ${v.organisationId})`;
  const assigned = sql`${r.destination} in (${mine}) or ${r.origin} in (${mine})`;
  if (!v.unassigned) {
    return sql`(${assigned})`;
  }
  return sql`(${assigned} or not exists (select 1 from ${preventionAssignments}
    where ${preventionAssignments.country} in (${r.destination}, ${r.origin})))`;
}

/** Inserts a report with its indicators. */
export async function insertReport(
  tx: Db,
  row: AdvertReportInsert,
  indicators: readonly Indicator[],
): Promise<void> {
  await tx.insert(advertReports).values(row);
  if (indicators.length > 0) {
    await tx
      .insert(advertReportIndicators)
      .values(indicators.map((i) => ({ reportId: row.id, kind: i.kind, value: i.value })));
  }
}

/** Filters and the page position of a list of reports (newest day first, then by id). */
export interface ReportFilter {
  status?: AdvertReportStatus | undefined;
  country?: string | undefined;
  channel?: JobChannel | undefined;
  after: { receivedOn: string; id: string } | null;
  limit: number;
}

/** One page (`limit + 1` rows) of the reports `v` sees, with their number of indicators. */
export function listReportRows(
  db: Db,
  v: Visibility,
  f: ReportFilter,
): Promise<(AdvertReportRow & { indicatorCount: number })[]> {
  const conditions: (SQL | undefined)[] = [
    visibleTo(v),
    f.status ? eq(r.status, f.status) : undefined,
    f.channel ? eq(r.channel, f.channel) : undefined,
    f.country ? or(eq(r.destination, f.country), eq(r.origin, f.country)) : undefined,
    f.after
      ? or(
          lt(r.receivedOn, f.after.receivedOn),
          and(eq(r.receivedOn, f.after.receivedOn), lt(r.id, f.after.id)),
        )
      : undefined,
  ];
  return db
    .select({
      ...getTableColumns(advertReports),
      indicatorCount: sql<number>`(select count(*)::int from ${advertReportIndicators}
        where ${advertReportIndicators.reportId} = ${r.id})`,
    })
    .from(r)
    .where(and(...conditions))
    .orderBy(desc(r.receivedOn), desc(r.id))
    .limit(f.limit + 1);
}

/** A report `v` sees; null when unknown or not visible. `lock` holds it for an update. */
export async function findReportRow(
  db: Db,
  v: Visibility,
  id: string,
  lock = false,
): Promise<AdvertReportRow | null> {
  const query = db
    .select()
    .from(r)
    .where(and(eq(r.id, id), visibleTo(v)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The indicators of a report, each with how many other reports `v` sees share it. */
export function listReportIndicators(
  db: Db,
  v: Visibility,
  reportId: string,
): Promise<(Indicator & { otherReports: number })[]> {
  const i = advertReportIndicators;
  // The outer row's columns are named in full: inside the subquery a bare "kind" is o's.
  return db
    .select({
      kind: i.kind,
      value: i.value,
      otherReports: sql<number>`(select count(*)::int from ${advertReportIndicators} o
        join ${advertReports} on ${advertReports.id} = o.report_id
        where o.kind = ${sql.raw('advert_report_indicators.kind')}
        and o.value = ${sql.raw('advert_report_indicators.value')} and o.report_id <> ${reportId}
        and ${visibleTo(v)})`,
    })
    .from(i)
    .where(eq(i.reportId, reportId))
    .orderBy(i.kind, i.value);
}

/** Records a reviewer's status and note on a report. */
export async function updateReportReview(
  tx: Db,
  id: string,
  review: { status: AdvertReportStatus; statusNote: string | null; by: string | null; at: Date },
): Promise<void> {
  await tx
    .update(advertReports)
    .set({
      status: review.status,
      statusNote: review.statusNote,
      reviewedBy: review.by,
      reviewedAt: review.at,
    })
    .where(eq(advertReports.id, id));
}

/** An indicator shared by `min` or more reports `v` sees. */
export interface IndicatorGroupRow extends Indicator {
  reports: number;
  firstSeen: string;
  lastSeen: string;
  reportIds: string[];
}

/** Indicators found in at least `min` reports that `v` sees, most reports first. */
export function listIndicatorGroups(
  db: Db,
  v: Visibility,
  { min, kind }: { min: number; kind?: IndicatorKind | undefined },
): Promise<IndicatorGroupRow[]> {
  const i = advertReportIndicators;
  const count = sql<number>`count(*)::int`;
  return db
    .select({
      kind: i.kind,
      value: i.value,
      reports: count,
      firstSeen: sql<string>`min(${r.receivedOn})::text`,
      lastSeen: sql<string>`max(${r.receivedOn})::text`,
      reportIds: sql<string[]>`array_agg(${r.id}::text order by ${r.receivedOn} desc, ${r.id})`,
    })
    .from(i)
    .innerJoin(r, eq(r.id, i.reportId))
    .where(and(visibleTo(v), kind ? eq(i.kind, kind) : undefined))
    .groupBy(i.kind, i.value)
    .having(sql`count(*) >= ${min}`)
    .orderBy(desc(count), i.kind, i.value)
    .limit(500);
}

/** Reports `v` sees per month (`YYYY-MM`) and key between two days (inclusive). */
export function trendRows(
  db: Db,
  v: Visibility,
  q: { from: string; to: string; by: TrendQuery['by'] },
): Promise<{ month: string; key: string | null; count: number }[]> {
  const key = { channel: r.channel, destination: r.destination, title: sql`lower(${r.title})` }[
    q.by
  ];
  const month = sql<string>`to_char(${r.receivedOn}, 'YYYY-MM')`;
  return db
    .select({ month, key: sql<string | null>`${key}`, count: sql<number>`count(*)::int` })
    .from(r)
    .where(and(visibleTo(v), sql`${r.receivedOn} between ${q.from} and ${q.to}`))
    .groupBy(month, key)
    .orderBy(month);
}

/** Every assignment of organisations to countries. */
export function listAssignmentRows(db: Db): Promise<{ country: string; organisationId: string }[]> {
  return db
    .select({
      country: preventionAssignments.country,
      organisationId: preventionAssignments.organisationId,
    })
    .from(preventionAssignments)
    .orderBy(preventionAssignments.country, preventionAssignments.organisationId);
}

/** Replaces every assignment with `rows`. */
export async function replaceAssignmentRows(
  tx: Db,
  rows: { country: string; organisationId: string }[],
  by: string | null,
): Promise<void> {
  await tx.delete(preventionAssignments).where(sql`true`);
  if (rows.length > 0) {
    await tx.insert(preventionAssignments).values(rows.map((a) => ({ ...a, assignedBy: by })));
  }
}

/** The countries assigned to an organisation. */
export async function countriesOf(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ country: preventionAssignments.country })
    .from(preventionAssignments)
    .where(eq(preventionAssignments.organisationId, organisationId))
    .orderBy(preventionAssignments.country);
  return rows.map((row) => row.country);
}

/** Which of `ids` are organisations of this installation. */
export async function existingOrganisationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Set(rows.map((row) => row.id));
}

/** Every organisation's id and name, by name (to choose whom to assign). */
export function listOrganisationNames(db: Db): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(organisations.name);
}
