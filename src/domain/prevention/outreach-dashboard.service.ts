import type { Ctx } from '@/lib/context.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { buildDashboard, dashboardRange } from './outreach-dashboard-math.ts';
import { listDashboardRows } from './outreach-dashboard.repository.ts';
import { builtInQuizzes, questionTopics } from './outreach-quizzes.ts';
import type { Dashboard, DashboardQuery, QuizList, QuizQuery } from './outreach-quizzes.schema.ts';

/**
 * Reach (sessions and people per month, by setting and age band) and knowledge change (mean
 * score before and after, per month and per question topic) of the organisation's sessions held
 * in the range (`outreach.read`); cancelled sessions do not count. Throws `validation_failed`
 * for a range that ends before it starts or spans more than 60 months.
 */
export async function outreachDashboard(ctx: Ctx, q: DashboardQuery): Promise<Dashboard> {
  const actor = await requireAccess(ctx, 'outreach.read');
  const range = dashboardRange(q, utcDay(ctx.now()));
  const sessions = await listDashboardRows(ctx.db, actor.organisationId, range);
  return buildDashboard(range, sessions, questionTopics());
}

/** The built-in quizzes in `lang` (English where a quiz lacks it), with answers (`outreach.read`). */
export async function listQuizzes(ctx: Ctx, q: QuizQuery): Promise<QuizList> {
  await requireAccess(ctx, 'outreach.read');
  return { items: builtInQuizzes(q.lang) };
}
