import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { DECISIVE_FACTORS, ESCALATING_FACTORS } from './case-risk.ts';
import {
  pgTextArray,
  trigramMatch,
  wordMatch,
  type CaseSearch,
  type WordMatch,
} from './case-search-words.repository.ts';

/** A row of the case list. */
export interface CaseListRow {
  id: string;
  caseNumber: string;
  status: string;
  stage: string | null;
  riskLevel: string;
  riskFactors: string[];
  riskReviewedAt: Date | null;
  given: string | null;
  family: string | null;
  script: string | null;
  nationality: string | null;
  birthYear: number | null;
  assigneeIds: string[];
  updatedAt: Date;
  /** The earliest due date of the case's open tasks (`YYYY-MM-DD`), null when none. */
  nextDueOn: string | null;
  score: number | null;
  /** How many cases match (at most `COUNT_CAP + 1`), on every row of a first-page search. */
  total?: number | undefined;
}

/** Counting stops here ("1,000+"), so a count never costs more than reading 1,001 rows. */
export const COUNT_CAP = 1000;

export type { CaseSearch };

/** The re-trafficking level rule of case-risk.ts, as SQL over `c.risk_factors` and its review. */
function retraffickingLevelSql(): SQL {
  const decisive = sql.raw(`array[${DECISIVE_FACTORS.map((f) => `'${f}'`).join(',')}]::text[]`);
  const escalating = sql.raw(`array[${ESCALATING_FACTORS.map((f) => `'${f}'`).join(',')}]::text[]`);
  const n = sql`cardinality(array(select distinct unnest(c.risk_factors)))`;
  return sql`(case when c.risk_reviewed_at is null then 'not_assessed'
    when c.risk_factors && ${decisive} or ${n} >= 3 then 'high'
    when ${n} = 2 or c.risk_factors && ${escalating} then 'medium'
    when ${n} = 1 then 'low' else 'none' end)`;
}

const stageSql = sql`(select e.stage from case_events e where e.case_id = c.id
  order by e.occurred_on desc, e.created_at desc limit 1)`;

export function filters(s: CaseSearch): SQL[] {
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

/** The earliest due date of the case's open tasks (uses case_tasks_case_idx). */
export const nextDueSql = sql`(select min(t.due_on) from case_tasks t
  where t.case_id = c.id and t.status = 'open')`;

export const listColumns = sql`c.id, c.case_number as "caseNumber", c.status, ${stageSql} as stage,
  c.risk_level as "riskLevel", c.risk_factors as "riskFactors",
  c.risk_reviewed_at as "riskReviewedAt", c.nationality,
  c.birth_year as "birthYear", c.updated_at as "updatedAt", ${nextDueSql}::text as "nextDueOn",
  p.given, p.family, p.script,
  coalesce((select array_agg(a.user_id::text) from case_assignments a where a.case_id = c.id), '{}') as "assigneeIds"`;

export const primaryName = sql`left join lateral (select i.given, i.family, i.script, i.name_key
  from case_identities i
  where i.case_id = c.id order by (i.kind = 'primary') desc, i.created_at limit 1) p on true`;

/**
 * Most identities read for one search, closest tier first (see `wordMatch`), then ranked: more
 * than anyone pages through. Most full names stay below it even at a million cases; a single
 * common given name, or a short name whose words are each one edit from many others, reaches
 * it, and then the closer tiers are read whole and the last one only in part.
 */
export const CANDIDATE_CAP = 2000;

/**
 * Searches cases by name or case number (the plain list is `listCaseRows` in
 * case-list.repository.ts). Name candidates come from the organisation's name-word dictionary
 * (see `wordMatch`), ranked by trigram similarity of the whole name as written and of its Latin
 * key; an exact case number always ranks first, then numbers containing the text. Every row of
 * a first page carries the `total`.
 */
export async function searchCases(db: Db, s: CaseSearch): Promise<CaseListRow[]> {
  return searchByName(db, s, filters(s));
}

async function searchByName(db: Db, s: CaseSearch, where: SQL[]): Promise<CaseListRow[]> {
  // Name matches check the nationality and risk level themselves (words of the identity, see
  // `filterTerms`), case numbers on the case row; the other filters need the case row.
  const rest =
    s.nationality || s.risk ? filters({ ...s, nationality: undefined, risk: undefined }) : where;
  const byWords = wordMatch(s);
  if (byWords) {
    const rows = await rankedSearch(db, s, rest, byWords);
    if (rows.length > 0) {
      return rows;
    }
    // Past the last page of word matches: stay there rather than switching to the fallback.
    const first = s.after ? await rankedSearch(db, { ...s, after: undefined }, rest, byWords) : [];
    if (first.length > 0) {
      return [];
    }
  }
  return rankedSearch(db, s, rest, s.nameKey ? trigramMatch(s) : null);
}

/**
 * The candidate (case, score) queries of a search: name matches (best first, capped) and case
 * numbers, exact (2.0) or partial (1.5).
 */
function scoredBranches(s: CaseSearch, where: SQL[], match: WordMatch | null): SQL[] {
  const q = s.nameKey ?? '';
  const ql = s.latinKey ?? '';
  const filtered = sql.join(where, sql` and `);
  const branches: SQL[] = [];
  if (match) {
    // Filters on the case are checked on the candidates (so the cap never hides a match); with
    // none, the cases table is only read for the page. The tiers are read in order, closest
    // first, and reading stops at the cap; the rows read are ranked best first. Sound-only
    // matches rank below every strict one: their score is similarity - 1.
    const onCase = where.length > 1;
    const tier = (condition: SQL) => sql`select i.case_id,
          greatest(similarity(i.name_key, ${q}), similarity(i.latin_key, ${ql}))
            - (case when ${match.strict} then 0 else 1 end) as s
        from case_identities i ${onCase ? sql`join cases c on c.id = i.case_id` : sql``}
        where i.organisation_id = ${s.organisationId} and ${condition}
          ${onCase ? sql`and ${filtered}` : sql``}`;
    branches.push(sql`select h.case_id, h.s from (
        select r.case_id, r.s from (${sql.join(match.tiers.map(tier), sql` union all `)}
          limit ${CANDIDATE_CAP}) r
        order by r.s desc) h`);
  }
  if (s.caseNumber) {
    // The name matches' filters on the identity words, on the case row here.
    const nationality = sql`${s.nationality ? sql` and c.nationality = ${s.nationality}` : sql``}${
      s.risk ? sql` and c.risk_level = ${s.risk}` : sql``
    }`;
    branches.push(sql`select c.id, 2.0 from cases c
      where upper(c.case_number) = upper(${s.caseNumber}) and ${filtered}${nationality}`);
    // Part of a number ("0001" for 2026-00001): only for text with a digit, so name searches
    // never pay for this scan. The text is letters, digits and hyphens: no LIKE wildcards.
    if (/\d/.test(s.caseNumber) && s.caseNumber.length >= 3) {
      branches.push(sql`select c.id, 1.5 from cases c
        where upper(c.case_number) like ${`%${s.caseNumber.toUpperCase()}%`}
          and ${filtered}${nationality}`);
    }
  }
  return branches;
}

async function rankedSearch(
  db: Db,
  s: CaseSearch,
  where: SQL[],
  match: WordMatch | null,
): Promise<CaseListRow[]> {
  const branches = scoredBranches(s, where, match);
  const after = s.after
    ? sql`where m.score < ${s.after[0]}::float8 or (m.score = ${s.after[0]}::float8 and m.case_id > ${s.after[1]}::uuid)`
    : sql``;
  const ctes = match?.ctes ? sql`${match.ctes},` : sql``;
  const query = sql`with ${ctes} m as (
      select case_id, max(s)::float8 as score from (${sql.join(branches, sql` union all `)}) b(case_id, s)
      group by case_id),
    top as (select m.case_id, m.score from m ${after} order by m.score desc, m.case_id asc
      limit ${s.limit + 1})
    select ${listColumns}, top.score,
      ${s.after ? sql`null` : sql`(select count(*) from (select 1 from m limit ${COUNT_CAP + 1}) k)`}::int as total
    from top join cases c on c.id = top.case_id ${primaryName}
    where hw_serial_plan()
    order by top.score desc, c.id asc`;
  // The tiers are read in order until the cap: case_identities has `parallel_workers = 0`
  // (migration identities_no_parallel), so no parallel append reads them all at once.
  return rowsOf(await db.execute(query));
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

export function rowsOf(result: unknown): CaseListRow[] {
  // PGlite and node-postgres both return `{ rows }`.
  return (result as { rows: (CaseListRow & { total?: number | null })[] }).rows.map((r) => ({
    ...r,
    updatedAt: new Date(r.updatedAt),
    riskReviewedAt: r.riskReviewedAt === null ? null : new Date(r.riskReviewedAt),
    score: r.score === null ? null : Number(r.score),
    total: r.total === undefined || r.total === null ? undefined : Number(r.total),
  }));
}

/** Identities whose `latin_key` an older key version computed (name_sound_keys marks them). */
export async function staleNameKeys(
  db: Db,
  version: number,
  limit: number,
): Promise<{ id: string; nameKey: string }[]> {
  // Across organisations: the start-up refresh of derived keys, not a read of anyone's case.
  const result = await db.execute(sql`select id, name_key as "nameKey" from case_identities
    where key_version < ${version} order by id limit ${limit}`);
  return (result as { rows: { id: string; nameKey: string }[] }).rows;
}

/** Writes recomputed Latin keys (the dictionary trigger adds their words) and their version. */
export async function setLatinKeys(
  db: Db,
  version: number,
  rows: { id: string; latinKey: string }[],
): Promise<void> {
  const ids = `{${rows.map((r) => r.id).join(',')}}`;
  const keys = pgTextArray(rows.map((r) => r.latinKey));
  await db.execute(sql`update case_identities i set latin_key = k.latin_key, key_version = ${version}
    from unnest(${ids}::uuid[], ${keys}::text[]) as k(id, latin_key)
    where i.id = k.id`);
}
