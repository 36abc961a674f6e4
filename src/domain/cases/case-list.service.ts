import { recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { isUuid } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, invalidCursor, toPage } from '@/lib/pagination.ts';
import { assignedOnlyFilter, requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { toDuplicate, toSummary } from './case-mapper.ts';
import { latinKey, nameKey } from './case-names.ts';
import { countCaseRows, listCaseRows, sortKeyOf, type CaseSort } from './case-list.repository.ts';
import {
  COUNT_CAP,
  findDuplicateRows,
  searchCases,
  type CaseListRow,
  type CaseSearch,
} from './case-search.repository.ts';
import type { CaseListQuery, CasePage, Duplicate, DuplicateQuery } from './case-views.schema.ts';

const CASE_NUMBER = /^[A-Za-z0-9-]{1,30}$/;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** The cursor kind of each order: `s` for a search by name or number, one per list sort. */
const CURSOR_KIND: Record<CaseSort | 'search', string> = {
  search: 's',
  updated: 'u',
  name: 'n',
  due: 'd',
};

/** Deepest position of the name order (it pages by offset: a name is not a cursor part). */
const MAX_OFFSET = 100_000;

/** Whether `at` is a valid position of a cursor of `kind`. */
function validPosition(kind: string, at: string): boolean {
  switch (kind) {
    case 's':
      return /^-?\d+(\.\d+)?(e-?\d+)?$/.test(at);
    case 'u':
      return ISO_INSTANT.test(at) && !Number.isNaN(Date.parse(at));
    case 'n':
      return /^\d{1,6}$/.test(at) && Number(at) <= MAX_OFFSET;
    case 'd':
      return at === '' || /^\d{4}-\d{2}-\d{2}$/.test(at);
    default:
      return false;
  }
}

/**
 * A cursor is `kind|position|id` (see `CURSOR_KIND`; for the name order the position is how
 * many rows came before); anything else (garbage, edited, or from another order or kind of
 * list) is a 400, never a silent page 1.
 */
function parseCursor(
  cursor: string | undefined,
  order: CaseSort | 'search',
): [string, string] | undefined {
  if (cursor === undefined) {
    return undefined;
  }
  const [kind, at, id, ...rest] = decodeCursor(cursor)?.split('|') ?? [];
  const valid = kind === CURSOR_KIND[order] && at !== undefined && validPosition(kind, at);
  if (!valid || at === undefined || id === undefined || !isUuid(id) || rest.length > 0) {
    throw invalidCursor();
  }
  return [at, id];
}

function cursorOf(
  row: CaseListRow,
  order: CaseSort | 'search',
  after: [string, string] | undefined,
  limit: number,
): string {
  const at =
    order === 'search'
      ? String(row.score)
      : order === 'name'
        ? String(Number(after?.[0] ?? 0) + limit)
        : sortKeyOf(row, order);
  return encodeCursor(`${CURSOR_KIND[order]}|${at}|${row.id}`);
}

/**
 * Lists and searches cases the caller may see (`case.read`; caseworkers only their assigned
 * cases). `q` matches names fuzzily in any script and case numbers exactly or in part; without
 * it the list is in `sort` order. The first page carries the total, counted up to 1,000. Every
 * search is audited with the ids it returned, never with the search text (it may be a name).
 */
export async function listCases(
  ctx: Ctx,
  q: Omit<CaseListQuery, 'sort'> & { sort?: CaseSort },
): Promise<CasePage> {
  const actor = await requireAccess(ctx, 'case.read');
  const text = q.q?.trim() ?? '';
  const order = text ? 'search' : (q.sort ?? 'updated');
  const search = searchOf(actor, q, text, parseCursor(q.cursor, order));
  const rows =
    order === 'search'
      ? await searchCases(ctx.db, search)
      : await listCaseRows(ctx.db, search, order);
  const counted = q.cursor
    ? null
    : order === 'search'
      ? (rows[0]?.total ?? 0)
      : await countCaseRows(ctx.db, search);
  const page = toPage(rows, q.limit, (last) => cursorOf(last, order, search.after, q.limit));
  const items = page.items.map(toSummary);
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
  return {
    items,
    nextCursor: page.nextCursor,
    total: counted === null ? null : Math.min(counted, COUNT_CAP),
    totalCapped: counted !== null && counted > COUNT_CAP,
  };
}

/** The repository's search from the query: name keys, a case number, filters and position. */
function searchOf(
  actor: OrgActor,
  q: Omit<CaseListQuery, 'sort'>,
  text: string,
  after: [string, string] | undefined,
): CaseSearch {
  const key = nameKey(text);
  return {
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
    after,
    limit: q.limit,
  };
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
