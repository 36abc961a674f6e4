import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { assertResultFitsQuiz } from './outreach-quizzes.ts';
import { deleteResult, upsertResult } from './outreach-sessions.repository.ts';
import type { ResultInput, Session } from './outreach-sessions.schema.ts';
import { loadSession, sessionOrFail } from './outreach-sessions.service.ts';
import type { QuizPhase } from './outreach.schema.ts';

/**
 * A session's quiz results before (`pre`) and after (`post`), entered as tallies: the facilitator
 * marks the paper forms and counts, per question, how many had it right. No response is stored
 * one by one, so no result can be tied to a pupil.
 */

/**
 * Records (or replaces) a phase's tallies (`outreach.write`). Throws
 * `outreach_session_not_found`, `validation_failed` (unknown quiz or question, a question counted
 * twice, more correct than forms); nothing is written then. Audited as `outreach_results.record`.
 */
export async function recordResults(
  ctx: Ctx,
  ref: { id: string; phase: QuizPhase },
  input: ResultInput,
): Promise<Session> {
  const actor = await requireAccess(ctx, 'outreach.write');
  await sessionOrFail(ctx, actor, ref.id);
  assertResultFitsQuiz(input);
  await ctx.db.transaction(async (tx) => {
    await upsertResult(tx, actor.organisationId, {
      id: newId(),
      sessionId: ref.id,
      phase: ref.phase,
      quizId: input.quizId,
      language: input.language,
      respondents: input.respondents,
      correct: input.correct,
      recordedBy: actor.userId,
      recordedAt: ctx.now(),
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'outreach_results.record',
      entityType: 'outreach_session',
      entityId: ref.id,
      details: { phase: ref.phase, quizId: input.quizId, respondents: input.respondents },
    });
  });
  return loadSession(ctx, actor, await sessionOrFail(ctx, actor, ref.id));
}

/** Takes out a phase's results (`outreach.write`). Throws `outreach_session_not_found`. */
export async function removeResults(
  ctx: Ctx,
  ref: { id: string; phase: QuizPhase },
): Promise<Session> {
  const actor = await requireAccess(ctx, 'outreach.write');
  await sessionOrFail(ctx, actor, ref.id);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteResult(tx, actor.organisationId, { sessionId: ref.id, phase: ref.phase }))) {
      throw new AppError('not_found', 'This session has no results of that phase');
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'outreach_results.delete',
      entityType: 'outreach_session',
      entityId: ref.id,
      details: { phase: ref.phase },
    });
  });
  return loadSession(ctx, actor, await sessionOrFail(ctx, actor, ref.id));
}
