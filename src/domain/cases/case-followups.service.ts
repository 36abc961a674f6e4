import { tz } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { recordAudit } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import type { FieldCipher } from '@/lib/crypto.ts';
import { findOrFail } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { sensitiveCipher } from '@/policy/sensitive-fields.ts';
import {
  existingDueDates,
  findTask,
  firstAssignee,
  followUpMonthsOf,
  insertTasks,
  lockCase,
} from './case-tasks.repository.ts';
import type { FollowUpCreate, TaskList } from './case-tasks.schema.ts';
import { encryptTitle, toTask } from './case-tasks.service.ts';

/**
 * `date` (YYYY-MM-DD) plus `months` calendar months, clamped to the end of the target month:
 * 2026-01-31 + 1 → 2026-02-28.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return utcDay(first);
}

/** Where and from when to schedule follow-ups. */
export interface FollowUpTarget {
  organisationId: string;
  caseId: string;
  /** Return or arrival date, `YYYY-MM-DD`. */
  from: string;
  /**
   * Days after `from` to schedule (a return plan's own schedule, e.g. 7, 30, 90); without it,
   * the organisation's follow-up months.
   */
  days?: readonly number[];
}

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDaysTo(date: string, days: number): string {
  return utcDay(addDays(new Date(`${date}T00:00:00Z`), days, { in: tz('UTC') }));
}

/** A new follow-up task's id, kind and title (encrypted like every task title). */
function followUpTask(cipher: FieldCipher, n: number, unit: 'day' | 'month') {
  const id = newId();
  const title = `Follow-up ${n} ${unit}${n === 1 ? '' : 's'} after return`;
  return { id, kind: 'follow_up' as const, titleEnc: encryptTitle(cipher, id, title) };
}

/**
 * Creates the organisation's follow-up tasks (`from` + each of its follow-up months), assigned
 * to the case's first assignee, inside the caller's transaction `tx`, and audits it. Follow-ups
 * already on the case for the same date are skipped, so calling it twice is harmless. Does no
 * access check: the caller (a service that has called `requireAccess`) owns that.
 * Returns the ids of the tasks created.
 */
export async function scheduleFollowUps(
  tx: Db,
  ctx: Pick<Ctx, 'actor' | 'cipher' | 'meta' | 'now'>,
  { organisationId, caseId, from, days }: FollowUpTarget,
): Promise<string[]> {
  await lockCase(tx, organisationId, caseId);
  const unit = days ? 'day' : 'month';
  const steps = days ?? (await followUpMonthsOf(tx, organisationId));
  const dates = [...new Set(steps)]
    .sort((a, b) => a - b)
    .map((n) => ({ n, dueOn: days ? addDaysTo(from, n) : addMonths(from, n) }));
  const taken = new Set(
    await existingDueDates(tx, organisationId, {
      caseId,
      kind: 'follow_up',
      dates: dates.map((d) => d.dueOn),
    }),
  );
  const assigneeId = await firstAssignee(tx, organisationId, caseId);
  const rows = dates
    .filter((d) => !taken.has(d.dueOn))
    .map((d) => ({
      ...followUpTask(ctx.cipher, d.n, unit),
      caseId,
      dueOn: d.dueOn,
      assigneeId,
      createdBy: ctx.actor.userId,
    }));
  await insertTasks(tx, organisationId, rows);
  await recordAudit(tx, ctx, {
    organisationId,
    action: 'case.followups.schedule',
    entityType: 'case',
    entityId: caseId,
    details: { from, created: rows.map((r) => r.dueOn) },
  });
  return rows.map((r) => r.id);
}

/**
 * Schedules follow-ups from a date by hand (`case.update`). Returns the follow-ups created
 * (an empty list when they all existed already).
 */
export async function createFollowUps(
  ctx: Ctx,
  caseId: string,
  input: FollowUpCreate,
): Promise<TaskList> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  const ids = await ctx.db.transaction((tx) =>
    scheduleFollowUps(tx, ctx, { organisationId: actor.organisationId, caseId, from: input.from }),
  );
  const today = utcDay(ctx.now());
  const cipher = sensitiveCipher(actor, ctx.cipher);
  const items = [];
  for (const id of ids) {
    const row = await findOrFail(
      findTask(ctx.db, actor.organisationId, caseId, id),
      'task_not_found',
    );
    items.push(toTask(cipher, row, today));
  }
  return { items };
}
