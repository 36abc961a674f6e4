import { recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { assignedOnlyFilter, requireAccess } from '@/policy/require-access.ts';
import { sensitiveCipher } from '@/policy/sensitive-fields.ts';
import {
  countOpenCases,
  countOverdueTasks,
  keyDateRows,
  recentCaseRows,
  type HomeCaseRow,
} from './case-home.repository.ts';
import type { Home } from './case-home.schema.ts';
import { COUNT_CAP } from './case-search.repository.ts';
import { listTaskRows } from './case-tasks.repository.ts';
import { toTask } from './case-tasks.service.ts';
import { displayName } from './display-name.ts';

/** How far ahead "coming up" looks, in days. */
const UPCOMING_DAYS = 14;
const NO_USER = '00000000-0000-0000-0000-000000000000';

const person = (r: HomeCaseRow) => ({
  caseId: r.caseId,
  caseNumber: r.caseNumber,
  displayName: displayName(r.given, r.family, r.script),
});

/**
 * The home page of someone who works with cases (`case.read`): their open caseload (and the
 * organisation's for roles that see every case), their overdue and coming tasks, NRM referrals
 * waiting and returns under way on their cases, and the cases they opened last. Task titles
 * only with `case.read_sensitive`. Audited as `home.read` with the case and task ids shown.
 */
export async function getHome(ctx: Ctx): Promise<Home> {
  const actor = await requireAccess(ctx, 'case.read');
  const me = actor.userId ?? NO_USER;
  const org = actor.organisationId;
  const today = utcDay(ctx.now());
  const horizon = utcDay(new Date(ctx.now().getTime() + UPCOMING_DAYS * 86_400_000));
  const visibleTo = assignedOnlyFilter(actor);
  const tasks = { organisationId: org, assignedTo: visibleTo, assigneeId: me, limit: 20 };
  const [mine, all, late, overdue, upcoming, keyDates, recent] = await Promise.all([
    countOpenCases(ctx.db, org, me),
    visibleTo ? Promise.resolve(null) : countOpenCases(ctx.db, org, null),
    countOverdueTasks(ctx.db, org, { userId: me, visibleTo, today }),
    listTaskRows(ctx.db, { ...tasks, overdueBefore: today }),
    listTaskRows(ctx.db, { ...tasks, dueBetween: [today, horizon] }),
    keyDateRows(ctx.db, org, me),
    recentCaseRows(ctx.db, org, { userId: me, visibleTo }),
  ]);
  const cipher = sensitiveCipher(actor, ctx.cipher);
  const home: Home = {
    caseload: {
      mine: Math.min(mine, COUNT_CAP),
      organisation: all === null ? null : Math.min(all, COUNT_CAP),
      overdue: Math.min(late, COUNT_CAP),
      capped: Math.max(mine, all ?? 0, late) > COUNT_CAP,
    },
    overdue: overdue.slice(0, 20).map((r) => toTask(cipher, r, today)),
    upcoming: upcoming.slice(0, 20).map((r) => toTask(cipher, r, today)),
    keyDates: keyDates.map((r) => ({
      ...person(r),
      kind: r.type === 'nrm_referral' ? 'nrm_waiting' : 'return_under_way',
      since: r.since,
    })),
    recent: recent.map((r) => ({ ...person(r), openedAt: r.openedAt.toISOString() })),
  };
  await auditHome(ctx, org, home);
  return home;
}

async function auditHome(ctx: Ctx, organisationId: string, home: Home): Promise<void> {
  const tasks = [...home.overdue, ...home.upcoming];
  const caseIds = [
    ...tasks.map((t) => t.caseId),
    ...home.keyDates.map((k) => k.caseId),
    ...home.recent.map((r) => r.caseId),
  ];
  await recordAuditNow(ctx.db, ctx, {
    organisationId,
    action: 'home.read',
    entityType: 'case',
    details: { caseIds: [...new Set(caseIds)], taskIds: tasks.map((t) => t.id) },
  });
}
