import { and, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import { outreachQuizResults, outreachSessions } from '@/db/schema/index.ts';
import type { DashboardSessionInput, TallyInput } from './outreach-dashboard-math.ts';

function dashboardQuery(
  db: Db,
  organisationId: string,
  { from, to }: { from: string; to: string },
) {
  return db
    .select({
      id: outreachSessions.id,
      heldOn: outreachSessions.heldOn,
      setting: outreachSessions.setting,
      ageBand: outreachSessions.ageBand,
      audienceSize: outreachSessions.audienceSize,
      phase: outreachQuizResults.phase,
      quizId: outreachQuizResults.quizId,
      respondents: outreachQuizResults.respondents,
      correct: outreachQuizResults.correct,
    })
    .from(outreachSessions)
    .leftJoin(
      outreachQuizResults,
      and(
        eq(outreachQuizResults.sessionId, outreachSessions.id),
        eq(outreachQuizResults.organisationId, organisationId),
      ),
    )
    .where(
      and(
        eq(outreachSessions.organisationId, organisationId),
        eq(outreachSessions.cancelled, false),
        gte(outreachSessions.heldOn, from),
        lte(outreachSessions.heldOn, to),
      ),
    );
}

/**
 * The sessions of the organisation held from `from` to `to` (inclusive), cancelled ones left
 * out, each with its quiz tallies.
 */
export async function listDashboardRows(
  db: Db,
  organisationId: string,
  range: { from: string; to: string },
): Promise<DashboardSessionInput[]> {
  const rows = await dashboardQuery(db, organisationId, range);
  const sessions = new Map<string, DashboardSessionInput & { results: TallyInput[] }>();
  for (const r of rows) {
    const s = sessions.get(r.id) ?? {
      heldOn: r.heldOn,
      setting: r.setting,
      ageBand: r.ageBand,
      audienceSize: r.audienceSize,
      results: [],
    };
    sessions.set(r.id, s);
    if (r.phase && r.quizId && r.respondents !== null && r.correct) {
      s.results.push({
        phase: r.phase,
        quizId: r.quizId,
        respondents: r.respondents,
        correct: r.correct,
      });
    }
  }
  return [...sessions.values()];
}
