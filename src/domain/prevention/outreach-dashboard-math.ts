import { TZDate } from '@date-fns/tz';
import { eachMonthOfInterval, format, startOfMonth, subMonths } from 'date-fns';
import { validationFailed } from '@/lib/errors.ts';
import type { Dashboard, DashboardMonth, Knowledge, Reach } from './outreach-quizzes.schema.ts';
import {
  AGE_BANDS,
  OUTREACH_SETTINGS,
  OUTREACH_TOPICS,
  type AgeBand,
  type OutreachSetting,
  type OutreachTopic,
  type QuizPhase,
} from './outreach.schema.ts';

/**
 * The outreach dashboard's arithmetic, apart from the database so that a small known set gives
 * known numbers. Reach counts sessions and audience sizes (cancelled sessions are not passed in).
 * A score is the share of correct answers among all answers counted: Σ correct ÷ Σ (forms ×
 * questions asked), which is also the mean of the participants' own scores.
 */

/** A phase's tallies as stored. */
export interface TallyInput {
  phase: QuizPhase;
  quizId: string;
  respondents: number;
  correct: readonly { questionId: string; correct: number }[];
}

/** A session as the dashboard needs it. */
export interface DashboardSessionInput {
  heldOn: string;
  setting: OutreachSetting;
  ageBand: AgeBand;
  audienceSize: number;
  results: readonly TallyInput[];
}

/** Longest range the dashboard covers, in months. */
export const MAX_DASHBOARD_MONTHS = 60;

/** The range asked for, or the 12 months up to today; throws `validation_failed` when wrong. */
export function dashboardRange(
  q: { from?: string; to?: string },
  today: string,
): { from: string; to: string } {
  const to = q.to ?? today;
  const from =
    q.from ??
    format(startOfMonth(subMonths(new TZDate(`${to}T00:00:00`, 'UTC'), 11)), 'yyyy-MM-dd');
  if (from > to) {
    throw validationFailed([{ path: 'from', message: 'The start is after the end' }]);
  }
  if (monthsOf(from, to).length > MAX_DASHBOARD_MONTHS) {
    throw validationFailed([{ path: 'from', message: `At most ${MAX_DASHBOARD_MONTHS} months` }]);
  }
  return { from, to };
}

/** Every month (`YYYY-MM`) from the month of `from` to the month of `to`. */
export function monthsOf(from: string, to: string): string[] {
  const start = new TZDate(`${from}T00:00:00`, 'UTC');
  const end = new TZDate(`${to}T00:00:00`, 'UTC');
  return eachMonthOfInterval({ start, end }).map((m) => format(m, 'yyyy-MM'));
}

interface Tally {
  answers: number;
  correct: number;
}
const tally = (): Record<QuizPhase, Tally> => ({
  pre: { answers: 0, correct: 0 },
  post: { answers: 0, correct: 0 },
});

/** Adds one phase's answers to `into`, only those of `topic`'s questions when given. */
function addTally(
  into: Record<QuizPhase, Tally>,
  r: TallyInput,
  only?: { topic: OutreachTopic; topics: ReadonlyMap<string, OutreachTopic> },
): void {
  for (const c of r.correct) {
    if (only && only.topics.get(`${r.quizId}/${c.questionId}`) !== only.topic) {
      continue;
    }
    into[r.phase].answers += r.respondents;
    into[r.phase].correct += c.correct;
  }
}

function knowledgeOf(t: Record<QuizPhase, Tally>): Knowledge {
  const score = (x: Tally) => (x.answers === 0 ? null : x.correct / x.answers);
  return {
    preScore: score(t.pre),
    postScore: score(t.post),
    preAnswers: t.pre.answers,
    postAnswers: t.post.answers,
  };
}

const reach = (): Reach => ({ sessions: 0, people: 0 });
const addReach = (r: Reach, s: DashboardSessionInput) => {
  r.sessions += 1;
  r.people += s.audienceSize;
};

function monthOf(month: string, sessions: readonly DashboardSessionInput[]): DashboardMonth {
  const total = reach();
  const bySetting = Object.fromEntries(OUTREACH_SETTINGS.map((k) => [k, reach()]));
  const byAgeBand = Object.fromEntries(AGE_BANDS.map((k) => [k, reach()]));
  const t = tally();
  for (const s of sessions) {
    addReach(total, s);
    addReach(bySetting[s.setting]!, s);
    addReach(byAgeBand[s.ageBand]!, s);
    s.results.forEach((r) => addTally(t, r));
  }
  return {
    month,
    ...total,
    bySetting: bySetting as DashboardMonth['bySetting'],
    byAgeBand: byAgeBand as DashboardMonth['byAgeBand'],
    knowledge: knowledgeOf(t),
  };
}

/**
 * The dashboard of `sessions` (already those of the range, not cancelled) over the months of
 * `range`; `topics` maps `quizId/questionId` to the question's topic.
 */
export function buildDashboard(
  range: { from: string; to: string },
  sessions: readonly DashboardSessionInput[],
  topics: ReadonlyMap<string, OutreachTopic>,
): Dashboard {
  const months = monthsOf(range.from, range.to).map((m) =>
    monthOf(
      m,
      sessions.filter((s) => s.heldOn.startsWith(`${m}-`)),
    ),
  );
  const all = tally();
  sessions.forEach((s) => s.results.forEach((r) => addTally(all, r)));
  const byTopic = OUTREACH_TOPICS.map((topic) => {
    const t = tally();
    sessions.forEach((s) => s.results.forEach((r) => addTally(t, r, { topic, topics })));
    return { topic, ...knowledgeOf(t) };
  });
  return {
    ...range,
    totals: {
      sessions: sessions.length,
      people: sessions.reduce((n, s) => n + s.audienceSize, 0),
      knowledge: knowledgeOf(all),
    },
    months,
    topics: byTopic,
  };
}
