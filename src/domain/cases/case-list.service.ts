import { recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { isUuid } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, invalidCursor } from '@/lib/pagination.ts';
import { assignedOnlyFilter, requireAccess } from '@/policy/require-access.ts';
import { toDuplicate, toSummary } from './case-mapper.ts';
import { latinKey, nameKey } from './case-names.ts';
import { findDuplicateRows, searchCases } from './case-search.repository.ts';
import type { CaseListQuery, CasePage, Duplicate, DuplicateQuery } from './case-views.schema.ts';

const CASE_NUMBER = /^[A-Za-z0-9-]{1,30}$/;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/**
 * A cursor is `s|score|id` on a name search and `u|updatedAt|id` on the plain list; anything
 * else (garbage, edited, or from the other kind of list) is a 400, never a silent page 1.
 */
function parseCursor(cursor: string | undefined, byName: boolean): [string, string] | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  const [kind, at, id, ...rest] = decodeCursor(cursor)?.split('|') ?? [];
  const position = byName
    ? kind === 's' && at !== undefined && /^-?\d+(\.\d+)?(e-?\d+)?$/.test(at)
    : kind === 'u' && at !== undefined && ISO_INSTANT.test(at) && !Number.isNaN(Date.parse(at));
  if (!position || at === undefined || id === undefined || !isUuid(id) || rest.length > 0) {
    throw invalidCursor();
  }
  return [at, id];
}

/**
 * Lists and searches cases the caller may see (`case.read`; caseworkers only their assigned
 * cases). `q` matches names fuzzily in any script and case numbers exactly. Every search is
 * audited with the ids it returned, never with the search text (it may be a name).
 */
export async function listCases(ctx: Ctx, q: CaseListQuery): Promise<CasePage> {
  const actor = await requireAccess(ctx, 'case.read');
  const text = q.q?.trim() ?? '';
  const key = nameKey(text);
  const rows = await searchCases(ctx.db, {
    organisationId: actor.organisationId,
    assignedTo: assignedOnlyFilter(actor),
    nameKey: key || undefined,
    latinKey: latinKey(key) || undefined,
    caseNumber: CASE_NUMBER.test(text) ? text : undefined,
    stage: q.stage,
    nationality: q.nationality,
    risk: q.risk,
    retraffickingRisk: q.retraffickingRisk,
    status: q.status,
    assignee: q.assignee === 'me' ? (actor.userId ?? undefined) : q.assignee,
    after: parseCursor(q.cursor, text.length > 0),
    limit: q.limit,
  });
  const items = rows.slice(0, q.limit).map(toSummary);
  const last = items.at(-1);
  const nextCursor =
    rows.length > q.limit && last
      ? encodeCursor(text ? `s|${String(last.score)}|${last.id}` : `u|${last.updatedAt}|${last.id}`)
      : null;
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.search',
    entityType: 'case',
    details: {
      byName: text.length > 0,
      filters: Object.keys(q).filter((k) => !['q', 'cursor', 'limit'].includes(k)),
      caseIds: items.map((i) => i.id),
    },
  });
  return { items, nextCursor };
}

/**
 * Likely duplicates of a person about to be registered: similar name (any script), and the same
 * birth year (±1) and nationality where known. Needs `case.create`; searches the whole
 * organisation so a caseworker is warned even about cases not assigned to them, and therefore
 * returns only the id, case number, name and nationality (see `DuplicateSchema`).
 */
export async function findDuplicates(ctx: Ctx, q: DuplicateQuery): Promise<Duplicate[]> {
  const actor = await requireAccess(ctx, 'case.create');
  const key = nameKey(q.given, q.family);
  if (!key) {
    return [];
  }
  const rows = await findDuplicateRows(ctx.db, actor.organisationId, {
    nameKey: key,
    latinKey: latinKey(key),
    birthYear: q.birthYear,
    nationality: q.nationality,
  });
  const items = rows.map(toDuplicate);
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.duplicate_check',
    entityType: 'case',
    details: { caseIds: items.map((i) => i.id) },
  });
  return items;
}
