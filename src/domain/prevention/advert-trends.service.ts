import { TZDate } from '@date-fns/tz';
import { addMonths, differenceInCalendarMonths, format, startOfMonth } from 'date-fns';
import { recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { validationFailed } from '@/lib/errors.ts';
import { trendRows } from './advert-reports.repository.ts';
import type { Trend, TrendQuery } from './advert-reports.schema.ts';
import { preventionViewer } from './advert-reports.service.ts';

/** Longest period of a trend (months): five years of monthly counts. */
export const MAX_TREND_MONTHS = 60;

/** A calendar day (`YYYY-MM-DD`) at midnight UTC, for date-fns. */
function utc(day: string): TZDate {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, 'UTC');
}

/** The months (`YYYY-MM`) from the month of `from` to the month of `to`. */
function monthsBetween(from: string, to: string): string[] {
  const start = startOfMonth(utc(from));
  const count = differenceInCalendarMonths(utc(to), start) + 1;
  return Array.from({ length: count }, (_, i) => format(addMonths(start, i), 'yyyy-MM'));
}

/** The default period: the last twelve months up to today. */
function period(ctx: Ctx, q: TrendQuery): { from: string; to: string } {
  const to = q.to ?? utcDay(ctx.now());
  const from = q.from ?? utcDay(startOfMonth(addMonths(utc(to), -11)));
  return { from, to };
}

/**
 * Reports the caller sees per month and per channel, destination country or job title (lower
 * case), between `from` and `to` (default: the last twelve months), busiest keys first
 * (`prevention.read`; audited). Throws `validation_failed` when `from` is after `to` or the
 * period is longer than five years.
 */
export async function reportTrends(ctx: Ctx, q: TrendQuery): Promise<Trend> {
  const { actor, visibility } = await preventionViewer(ctx, 'prevention.read');
  const { from, to } = period(ctx, q);
  const months = from <= to ? monthsBetween(from, to) : [];
  if (months.length === 0 || months.length > MAX_TREND_MONTHS) {
    throw validationFailed([
      { path: 'from', message: `From must be before to, at most ${MAX_TREND_MONTHS} months` },
    ]);
  }
  const rows = await trendRows(ctx.db, visibility, { from, to, by: q.by });
  const byKey = new Map<string | null, number[]>();
  for (const row of rows) {
    const counts = byKey.get(row.key) ?? months.map(() => 0);
    counts[months.indexOf(row.month)] = row.count;
    byKey.set(row.key, counts);
  }
  const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  const series = [...byKey.entries()]
    .map(([key, counts]) => ({ key, counts }))
    .sort(
      (a, b) => total(b.counts) - total(a.counts) || String(a.key).localeCompare(String(b.key)),
    );
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'advert_trend.read',
    entityType: 'advert_report',
    details: { by: q.by, from, to },
  });
  return { by: q.by, from, to, months, series };
}
