import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import {
  COUNT_CAP,
  filters,
  listColumns,
  nextDueSql,
  primaryName,
  rowsOf,
  type CaseListRow,
  type CaseSearch,
} from './case-search.repository.ts';

/** Orders of the plain case list (a search by name or number is ranked by match instead). */
export type CaseSort = 'updated' | 'name' | 'due';

/** The list's order key at the precision its cursor carries (JSON dates have milliseconds). */
const updatedMs = sql`date_trunc('milliseconds', c.updated_at)`;
/** The primary name as the search keys hold it (lower case, normalised), for ordering. */
const nameSql = sql`coalesce(p.name_key, '')`;

/** Order and keyset condition of each sort; `after` is [key, id] of the last row shown. */
const SORTS: Record<CaseSort, { order: SQL; after: (key: string, id: string) => SQL }> = {
  updated: {
    order: sql`${updatedMs} desc, c.id desc`,
    after: (key, id) => sql`(${updatedMs}, c.id) < (${key}::timestamptz, ${id}::uuid)`,
  },
  name: {
    // Pages by offset (`after[0]` rows came before): a name cannot travel in a cursor.
    order: sql`${nameSql} asc, c.id asc`,
    after: () => sql`true`,
  },
  due: {
    // People with nothing due come last; '' in the cursor stands for "nothing due".
    order: sql`${nextDueSql} asc nulls last, c.id asc`,
    after: (key, id) =>
      key === ''
        ? sql`(${nextDueSql} is null and c.id > ${id}::uuid)`
        : sql`(${nextDueSql} > ${key}::date or (${nextDueSql} = ${key}::date and c.id > ${id}::uuid)
            or ${nextDueSql} is null)`,
  },
};

/** The plain case list (no name or number), in `sort` order, `limit + 1` rows. */
export async function listCaseRows(db: Db, s: CaseSearch, sort: CaseSort): Promise<CaseListRow[]> {
  const where = filters(s);
  const order = SORTS[sort];
  if (s.after) {
    where.push(order.after(s.after[0], s.after[1]));
  }
  const result = await db.execute(sql`select ${listColumns}, null::float8 as score
    from cases c ${primaryName}
    where ${sql.join(where, sql` and `)}
    order by ${order.order} limit ${s.limit + 1}
    ${sort === 'name' && s.after ? sql`offset ${Number(s.after[0])}` : sql``}`);
  return rowsOf(result);
}

/**
 * How many cases the plain list holds, counting at most `COUNT_CAP + 1` rows: a number above
 * `COUNT_CAP` means "more than 1,000", and counting never reads more than that.
 */
export async function countCaseRows(db: Db, s: CaseSearch): Promise<number> {
  const result = await db.execute(sql`select count(*)::int as n from (select 1 from cases c
    where ${sql.join(filters(s), sql` and `)} limit ${COUNT_CAP + 1}) k`);
  return Number((result as { rows: { n: number }[] }).rows[0]?.n ?? 0);
}

/** The key of a row in a keyset order, as its cursor carries it. */
export function sortKeyOf(row: CaseListRow, sort: Exclude<CaseSort, 'name'>): string {
  return sort === 'updated' ? row.updatedAt.toISOString() : (row.nextDueOn ?? '');
}
