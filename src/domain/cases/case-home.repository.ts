import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { COUNT_CAP } from './case-search.repository.ts';

/** A case of the home page with its primary name as entered. */
export interface HomeCaseRow {
  caseId: string;
  caseNumber: string;
  given: string | null;
  family: string | null;
  script: string | null;
}

const primaryName = sql`left join lateral (select i.given, i.family, i.script
  from case_identities i where i.case_id = c.id
  order by (i.kind = 'primary') desc, i.created_at limit 1) p on true`;

const assignedTo = (userId: string) =>
  sql`exists (select 1 from case_assignments a where a.case_id = c.id and a.user_id = ${userId})`;

function rowsOf<T>(result: unknown): T[] {
  // PGlite and node-postgres both return `{ rows }`.
  return (result as { rows: T[] }).rows;
}

/** Open cases of the organisation (assigned to `userId` when given), counting at most 1,001. */
export async function countOpenCases(
  db: Db,
  organisationId: string,
  userId: string | null,
): Promise<number> {
  const mine = userId ? sql` and ${assignedTo(userId)}` : sql``;
  const result = await db.execute(sql`select count(*)::int as n from (select 1 from cases c
    where c.organisation_id = ${organisationId} and c.status = 'open'${mine}
    limit ${COUNT_CAP + 1}) k`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

/** The user's open tasks due before `today` on cases they may see, counting at most 1,001. */
export async function countOverdueTasks(
  db: Db,
  organisationId: string,
  { userId, visibleTo, today }: { userId: string; visibleTo: string | null; today: string },
): Promise<number> {
  const visible = visibleTo
    ? sql` and exists (select 1 from case_assignments a where a.case_id = t.case_id
        and a.user_id = ${visibleTo})`
    : sql``;
  const result = await db.execute(sql`select count(*)::int as n from (select 1 from case_tasks t
    where t.organisation_id = ${organisationId} and t.assignee_id = ${userId}
      and t.status = 'open' and t.due_on < ${today}::date${visible}
    limit ${COUNT_CAP + 1}) k`);
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
}

/**
 * Open cases assigned to the user whose latest NRM or return event is a referral (no decision
 * yet) or a departure (no arrival yet), longest waiting first.
 */
export async function keyDateRows(
  db: Db,
  organisationId: string,
  userId: string,
): Promise<(HomeCaseRow & { type: string; since: string })[]> {
  const result = await db.execute(sql`select c.id as "caseId", c.case_number as "caseNumber",
      p.given, p.family, p.script, k.type, k.occurred_on::text as since
    from cases c
    join lateral (select e.type, e.occurred_on from case_events e where e.case_id = c.id
      and e.type in ('nrm_referral', 'nrm_decision', 'departure', 'arrival')
      order by e.occurred_on desc, e.created_at desc limit 1) k on true
    ${primaryName}
    where c.organisation_id = ${organisationId} and c.status = 'open' and ${assignedTo(userId)}
      and k.type in ('nrm_referral', 'departure')
    order by k.occurred_on asc, c.id limit 10`);
  return rowsOf(result);
}

/**
 * The cases the user opened last, newest first: their own `case.read` audit entries (through
 * the (organisation, actor, seq) index), only cases they may still see.
 */
export async function recentCaseRows(
  db: Db,
  organisationId: string,
  { userId, visibleTo }: { userId: string; visibleTo: string | null },
): Promise<(HomeCaseRow & { openedAt: Date })[]> {
  const visible: SQL = visibleTo ? sql` and ${assignedTo(visibleTo)}` : sql``;
  const result = await db.execute(sql`select c.id as "caseId", c.case_number as "caseNumber",
      p.given, p.family, p.script, r.at as "openedAt"
    from (select e.entity_id, max(e.at) as at from (select entity_id, at from audit_events
        where organisation_id = ${organisationId} and actor_user_id = ${userId}
          and action = 'case.read' and entity_type = 'case'
        order by seq desc limit 200) e
      group by e.entity_id) r
    join cases c on c.id::text = r.entity_id and c.organisation_id = ${organisationId}${visible}
    ${primaryName}
    order by r.at desc limit 5`);
  return rowsOf<HomeCaseRow & { openedAt: Date | string }>(result).map((r) => ({
    ...r,
    openedAt: new Date(r.openedAt),
  }));
}
