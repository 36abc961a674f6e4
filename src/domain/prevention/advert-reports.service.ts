import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { isUuid } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, invalidCursor, toPage, type Page } from '@/lib/pagination.ts';
import type { Permission } from '@/policy/permissions.ts';
import { isPlatformAdmin, requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { newReport, toReport, toSummary } from './advert-mapper.ts';
import {
  findReportRow,
  insertReport,
  listIndicatorGroups,
  listReportIndicators,
  listReportRows,
  updateReportReview,
  type Visibility,
} from './advert-reports.repository.ts';
import type {
  AdvertReport,
  AdvertReportListQuery,
  AdvertReportReview,
  AdvertReportSummary,
  IndicatorGroup,
  IndicatorKind,
  JobReportInput,
} from './advert-reports.schema.ts';

/**
 * Reported job adverts. The public sends them anonymously; outreach teams (outreach,
 * supervisor, admin) of the organisations assigned to a report's destination or origin country
 * review them, and platform admins also see the reports of countries nobody is assigned to.
 * A report another organisation sees, or none, is answered like an unknown id (404).
 */

/**
 * Stores an anonymous report (public: no actor, no audit entry, since an entry would carry the
 * time and the address of the person). Only the day is kept; the text is encrypted.
 */
export async function submitReport(ctx: Ctx, input: JobReportInput): Promise<void> {
  const { row, indicators } = newReport(ctx.cipher, input, ctx.now());
  await ctx.db.transaction((tx) => insertReport(tx, row, indicators));
}

/** The caller (with `permission`) and the reports they see. */
export async function preventionViewer(
  ctx: Ctx,
  permission: Permission,
): Promise<{ actor: OrgActor; visibility: Visibility }> {
  const actor = await requireAccess(ctx, permission);
  return {
    actor,
    visibility: { organisationId: actor.organisationId, unassigned: isPlatformAdmin(actor) },
  };
}

function afterOf(cursor: string | undefined): { receivedOn: string; id: string } | null {
  if (cursor === undefined) {
    return null;
  }
  const [receivedOn, id, extra] = decodeCursor(cursor)?.split('|') ?? [];
  if (!receivedOn || !id || extra !== undefined || !isUuid(id) || !/^\d{4}-/.test(receivedOn)) {
    throw invalidCursor();
  }
  return { receivedOn, id };
}

/** The reports the caller sees, newest day first (`prevention.read`; audited). */
export async function listReports(
  ctx: Ctx,
  q: AdvertReportListQuery,
): Promise<Page<AdvertReportSummary>> {
  const { actor, visibility } = await preventionViewer(ctx, 'prevention.read');
  const after = afterOf(q.cursor);
  const rows = await listReportRows(ctx.db, visibility, { ...q, after, limit: q.limit });
  const page = toPage(rows, q.limit, (row) => encodeCursor(`${row.receivedOn}|${row.id}`));
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'advert_report.list',
    entityType: 'advert_report',
    details: { count: page.items.length, status: q.status ?? null, country: q.country ?? null },
  });
  return { items: page.items.map(toSummary), nextCursor: page.nextCursor };
}

async function visibleReport(ctx: Ctx, v: Visibility, id: string): Promise<AdvertReport> {
  const row = isUuid(id) ? await findReportRow(ctx.db, v, id) : null;
  if (!row) {
    throw new AppError('advert_report_not_found');
  }
  const indicators = await listReportIndicators(ctx.db, v, id);
  return toReport(ctx.cipher, row, indicators);
}

/**
 * One report with its text and indicators, each with how many other visible reports share it
 * (`prevention.read`; audited). Throws `advert_report_not_found`.
 */
export async function getReport(ctx: Ctx, id: string): Promise<AdvertReport> {
  const { actor, visibility } = await preventionViewer(ctx, 'prevention.read');
  const report = await visibleReport(ctx, visibility, id);
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'advert_report.read',
    entityType: 'advert_report',
    entityId: id,
  });
  return report;
}

/**
 * Records a reviewer's status and note (`prevention.review`), with its audit entry, in one
 * transaction. Throws `advert_report_not_found`.
 */
export async function reviewReport(
  ctx: Ctx,
  id: string,
  input: AdvertReportReview,
): Promise<AdvertReport> {
  const { actor, visibility } = await preventionViewer(ctx, 'prevention.review');
  await ctx.db.transaction(async (tx) => {
    const row = isUuid(id) ? await findReportRow(tx, visibility, id, true) : null;
    if (!row) {
      throw new AppError('advert_report_not_found');
    }
    const review = { status: input.status, statusNote: input.note || null };
    await updateReportReview(tx, id, { ...review, by: actor.userId, at: ctx.now() });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'advert_report.review',
      entityType: 'advert_report',
      entityId: id,
      details: { from: row.status, to: input.status },
    });
  });
  return visibleReport(ctx, visibility, id);
}

/**
 * Phones, links and handles found in at least `min` reports the caller sees, with their counts
 * and the first and last day seen (`prevention.read`; audited).
 */
export async function listGroups(
  ctx: Ctx,
  q: { min: number; kind?: IndicatorKind | undefined },
): Promise<IndicatorGroup[]> {
  const { actor, visibility } = await preventionViewer(ctx, 'prevention.read');
  const groups = await listIndicatorGroups(ctx.db, visibility, q);
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'advert_indicator.list',
    entityType: 'advert_report',
    details: { count: groups.length, min: q.min },
  });
  return groups;
}
