import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { DECISIVE_FACTORS, ESCALATING_FACTORS } from './case-risk.ts';

/** A row of the case list. */
export interface CaseListRow {
  id: string;
  caseNumber: string;
  status: string;
  stage: string | null;
  riskLevel: string;
  riskFactors: string[];
  given: string | null;
  family: string | null;
  nationality: string | null;
  birthYear: number | null;
  assigneeIds: string[];
  updatedAt: Date;
  score: number | null;
}

export interface CaseSearch {
  organisationId: string;
  /** Restrict to cases assigned to this user (caseworkers). */
  assignedTo: string | null;
  nameKey?: string | undefined;
  latinKey?: string | undefined;
  caseNumber?: string | undefined;
  stage?: string | undefined;
  nationality?: string | undefined;
  risk?: string | undefined;
  retraffickingRisk?: string | undefined;
  status?: string | undefined;
  assignee?: string | undefined;
  /** Keyset position: [score or updatedAt ISO, id]. */
  after?: [string, string] | undefined;
  limit: number;
}

/** The re-trafficking level rule of case-risk.ts, as SQL over `c.risk_factors`. */
function retraffickingLevelSql(): SQL {
  const decisive = sql.raw(`array[${DECISIVE_FACTORS.map((f) => `'${f}'`).join(',')}]::text[]`);
  const escalating = sql.raw(`array[${ESCALATING_FACTORS.map((f) => `'${f}'`).join(',')}]::text[]`);
  const n = sql`cardinality(c.risk_factors)`;
  return sql`(case when c.risk_factors && ${decisive} or ${n} >= 3 then 'high'
    when ${n} = 2 or c.risk_factors && ${escalating} then 'medium'
    when ${n} = 1 then 'low' else 'none' end)`;
}

const stageSql = sql`(select e.stage from case_events e where e.case_id = c.id
  order by e.occurred_on desc, e.created_at desc limit 1)`;

function filters(s: CaseSearch): SQL[] {
  const where: SQL[] = [sql`c.organisation_id = ${s.organisationId}`];
  if (s.assignedTo) {
    where.push(
      sql`exists (select 1 from case_assignments a where a.case_id = c.id and a.user_id = ${s.assignedTo})`,
    );
  }
  if (s.assignee) {
    where.push(
      sql`exists (select 1 from case_assignments a where a.case_id = c.id and a.user_id = ${s.assignee})`,
    );
  }
  if (s.nationality) {
    where.push(sql`c.nationality = ${s.nationality}`);
  }
  if (s.risk) {
    where.push(sql`c.risk_level = ${s.risk}`);
  }
  if (s.status) {
    where.push(sql`c.status = ${s.status}`);
  }
  if (s.stage) {
    where.push(sql`${stageSql} = ${s.stage}`);
  }
  if (s.retraffickingRisk) {
    where.push(sql`${retraffickingLevelSql()} = ${s.retraffickingRisk}`);
  }
  return where;
}

const listColumns = sql`c.id, c.case_number as "caseNumber", c.status, ${stageSql} as stage,
  c.risk_level as "riskLevel", c.risk_factors as "riskFactors", c.nationality,
  c.birth_year as "birthYear", c.updated_at as "updatedAt",
  p.given, p.family,
  coalesce((select array_agg(a.user_id::text) from case_assignments a where a.case_id = c.id), '{}') as "assigneeIds"`;

const primaryName = sql`left join lateral (select i.given, i.family from case_identities i
  where i.case_id = c.id order by (i.kind = 'primary') desc, i.created_at limit 1) p on true`;

/**
 * Lists or searches cases. With a name, candidates come from the trigram indexes over the name as
 * written and its Latin key (organisation first in both), ranked by the better similarity; an
 * exact case number always ranks first. Without a name, newest changes first.
 */
export async function searchCases(db: Db, s: CaseSearch): Promise<CaseListRow[]> {
  const where = filters(s);
  if (s.nameKey || s.caseNumber) {
    return searchByName(db, s, where);
  }
  if (s.after) {
    where.push(sql`(c.updated_at, c.id) < (${s.after[0]}::timestamptz, ${s.after[1]}::uuid)`);
  }
  const result = await db.execute(sql`select ${listColumns}, null::float8 as score
    from cases c ${primaryName}
    where ${sql.join(where, sql` and `)}
    order by c.updated_at desc, c.id desc limit ${s.limit + 1}`);
  return rowsOf(result);
}

async function searchByName(db: Db, s: CaseSearch, where: SQL[]): Promise<CaseListRow[]> {
  const q = s.nameKey ?? '';
  const ql = s.latinKey ?? '';
  const candidates = sql`select i.case_id, max(greatest(similarity(i.name_key, ${q}),
      similarity(i.latin_key, ${ql}))) as score
    from case_identities i
    where i.organisation_id = ${s.organisationId}
      and ((${q} <> '' and i.name_key % ${q}) or (${ql} <> '' and i.latin_key % ${ql}))
    group by i.case_id`;
  const byNumber = s.caseNumber
    ? sql`union all select c2.id, 2.0 from cases c2
        where c2.organisation_id = ${s.organisationId} and upper(c2.case_number) = upper(${s.caseNumber})`
    : sql``;
  if (s.after) {
    where.push(
      sql`(m.score < ${s.after[0]}::float8 or (m.score = ${s.after[0]}::float8 and c.id > ${s.after[1]}::uuid))`,
    );
  }
  const result = await db.execute(sql`with m0 as (${candidates} ${byNumber}),
      m as (select case_id, max(score)::float8 as score from m0 group by case_id)
    select ${listColumns}, m.score
    from m join cases c on c.id = m.case_id ${primaryName}
    where ${sql.join(where, sql` and `)}
    order by m.score desc, c.id asc limit ${s.limit + 1}`);
  return rowsOf(result);
}

/** Likely duplicates in the organisation: similar name, and same birth year / nationality if known. */
export async function findDuplicateRows(
  db: Db,
  organisationId: string,
  keys: {
    nameKey: string;
    latinKey: string;
    birthYear?: number | undefined;
    nationality?: string | undefined;
  },
): Promise<CaseListRow[]> {
  const extra: SQL[] = [];
  if (keys.birthYear) {
    extra.push(sql`(c.birth_year is null or abs(c.birth_year - ${keys.birthYear}) <= 1)`);
  }
  if (keys.nationality) {
    extra.push(sql`(c.nationality is null or c.nationality = ${keys.nationality})`);
  }
  return searchByName(
    db,
    { organisationId, assignedTo: null, nameKey: keys.nameKey, latinKey: keys.latinKey, limit: 5 },
    [sql`c.organisation_id = ${organisationId}`, ...extra],
  ).then((rows) => rows.filter((r) => (r.score ?? 0) >= 0.45).slice(0, 5));
}

function rowsOf(result: unknown): CaseListRow[] {
  // PGlite and node-postgres both return `{ rows }`.
  return (result as { rows: CaseListRow[] }).rows.map((r) => ({
    ...r,
    updatedAt: new Date(r.updatedAt),
    score: r.score === null ? null : Number(r.score),
  }));
}
