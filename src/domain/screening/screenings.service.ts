import { recordAudit } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError, findOrFail } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { childRulesFor } from './child-rules.ts';
import { evaluateScreening } from './evaluate.ts';
import type { Instrument } from './instrument.schema.ts';
import type {
  ChildRulesDecision,
  ScreeningAnswer,
  ScreeningEvaluation,
} from './screening.schema.ts';
import { resolveInstrument } from './screening-instruments.service.ts';
import {
  encryptAnswers,
  encryptStatement,
  toScreeningSummary,
  toStoredResult,
} from './screening-mapper.ts';
import type {
  ScreeningCreate,
  ScreeningSummary,
  ScreeningUpdate,
} from './screening-views.schema.ts';
import {
  deleteAnswers,
  findCaseAge,
  findScreening,
  insertAnswers,
  insertScreening,
  listAnswers,
  lockScreening,
  updateScreeningRow,
  type ScreeningPatch,
  type ScreeningRow,
} from './screenings.repository.ts';

/** The detail of a `version_conflict`. */
const STALE_EDIT = 'The screening was changed since you opened it: reload it and answer again.';

/** Which rules apply, from the case as it is recorded today (decided once, at creation). */
async function rulesFor(ctx: Ctx, actor: OrgActor, caseId: string): Promise<ChildRulesDecision> {
  const age = await findOrFail(findCaseAge(ctx.db, actor.organisationId, caseId), 'case_not_found');
  return childRulesFor({
    ...(age.birthDate !== null && { birthDate: age.birthDate }),
    ...(age.birthYear !== null && { birthYear: age.birthYear }),
    ...(age.estimatedAge !== null && {
      estimatedAge: { years: age.estimatedAge, on: age.createdAt.toISOString().slice(0, 10) },
    }),
    possibleMinor: age.possibleMinor,
    ...(age.recruitmentDate !== null && { recruitmentDate: age.recruitmentDate }),
    screeningDate: ctx.now().toISOString().slice(0, 10),
  });
}

/** A screening's summary as stored now; throws `screening_not_found`. */
export async function loadSummary(
  ctx: Ctx,
  actor: OrgActor,
  caseId: string,
  screeningId: string,
): Promise<ScreeningSummary> {
  const row = await findOrFail(
    findScreening(ctx.db, actor.organisationId, caseId, screeningId),
    'screening_not_found',
  );
  return toScreeningSummary(row);
}

/** What `createScreening` writes, decided and scored before the transaction. */
interface NewScreening {
  actor: OrgActor;
  caseId: string;
  id: string;
  input: ScreeningCreate;
  instrument: Instrument;
  decision: ChildRulesDecision;
  evaluation: ScreeningEvaluation;
}

/** Writes a new screening, its answers and its audit entry in `tx`. */
async function writeNewScreening(tx: Db, ctx: Ctx, n: NewScreening): Promise<void> {
  const { actor, caseId, id, input, instrument, decision } = n;
  const now = ctx.now();
  await insertScreening(tx, actor.organisationId, {
    id,
    caseId,
    instrumentId: instrument.id,
    instrumentVersion: instrument.version,
    status: input.status,
    rules: decision.rules,
    rulesReason: decision.reason,
    result: input.status === 'complete' ? toStoredResult(n.evaluation) : null,
    statementEnc: encryptStatement(ctx.cipher, id, input.statement),
    createdBy: actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await insertAnswers(tx, actor.organisationId, encryptAnswers(ctx.cipher, id, input.answers));
  await recordAudit(tx, ctx, {
    organisationId: actor.organisationId,
    action: 'screening.create',
    entityType: 'case',
    entityId: caseId,
    details: {
      screeningId: id,
      instrumentId: instrument.id,
      instrumentVersion: instrument.version,
      status: input.status,
      answers: input.answers.length,
    },
  });
}

/**
 * Records a screening of a case (`screening.write`) with the instrument version named, or the
 * latest. The adult or child rules are decided now from the case's birth date or year, the
 * possible-minor flag and the recruitment date. A `complete` screening (the default) is scored
 * and its result stored; an `in_progress` one is a draft interview, scored when completed.
 * Evidence notes and the statement are encrypted. Throws `case_not_found`, `validation_failed`
 * (unknown instrument, version or indicator; an indicator answered twice); nothing is written.
 */
export async function createScreening(
  ctx: Ctx,
  caseId: string,
  input: ScreeningCreate,
): Promise<ScreeningSummary> {
  const actor = await requireAccess(ctx, 'screening.write', [{ type: 'case', id: caseId }]);
  const instrument = await resolveInstrument(ctx.db, actor.organisationId, input);
  const decision = await rulesFor(ctx, actor, caseId);
  // Scored even in progress: this is what refuses unknown and repeated indicators.
  const evaluation = evaluateScreening(instrument, input.answers, decision.rules);
  const id = newId();
  await ctx.db.transaction((tx) =>
    writeNewScreening(tx, ctx, { actor, caseId, id, input, instrument, decision, evaluation }),
  );
  return loadSummary(ctx, actor, caseId, id);
}

/**
 * What an edit may change: everything while in progress; once complete only the statement
 * (the answers and the stored result are final); nothing once approved.
 */
function assertEditable(row: ScreeningRow, input: ScreeningUpdate): void {
  if (row.status === 'approved') {
    throw new AppError('screening_locked', 'An approved screening cannot be changed.');
  }
  if (
    row.status === 'complete' &&
    (input.answers !== undefined || input.status === 'in_progress')
  ) {
    throw new AppError(
      'screening_locked',
      'A complete screening keeps its answers and result: only the statement can change.',
    );
  }
}

/** The answers an edit leaves: the new set, or the stored one. */
async function answersAfter(
  tx: Db,
  actor: OrgActor,
  row: ScreeningRow,
  input: ScreeningUpdate,
): Promise<ScreeningAnswer[]> {
  if (input.answers !== undefined) {
    return input.answers;
  }
  const stored = await listAnswers(tx, actor.organisationId, row.id);
  return stored.map((a) => ({ indicatorId: a.indicatorId, answer: a.answer }));
}

/** The columns an edit writes (answers apart); scores the answers when it completes. */
async function editPatch(
  ctx: Ctx,
  tx: Db,
  edit: { actor: OrgActor; row: ScreeningRow; input: ScreeningUpdate },
): Promise<ScreeningPatch> {
  const { actor, row, input } = edit;
  const patch: ScreeningPatch = { updatedAt: ctx.now() };
  if (row.status === 'in_progress') {
    const instrument = await resolveInstrument(tx, actor.organisationId, row);
    const answers = await answersAfter(tx, actor, row, input);
    // Scored on every edit to refuse bad answers; stored only when it completes.
    const evaluation = evaluateScreening(instrument, answers, row.rules);
    if (input.status === 'complete') {
      patch.status = 'complete';
      patch.result = toStoredResult(evaluation);
    }
  }
  if (input.statement !== undefined) {
    patch.statementEnc = encryptStatement(ctx.cipher, row.id, input.statement);
  }
  return patch;
}

/** Replaces every answer of a screening with `answers` (notes encrypted anew). */
async function replaceAnswers(
  tx: Db,
  ctx: Ctx,
  r: { actor: OrgActor; screeningId: string; answers: ScreeningUpdate['answers'] & {} },
): Promise<void> {
  await deleteAnswers(tx, r.actor.organisationId, r.screeningId);
  const rows = encryptAnswers(ctx.cipher, r.screeningId, r.answers);
  await insertAnswers(tx, r.actor.organisationId, rows);
}

interface ScreeningEdit {
  actor: OrgActor;
  caseId: string;
  screeningId: string;
  version: number;
  input: ScreeningUpdate;
}

/**
 * Writes an edit and its audit entry in `tx` if the screening is still at `version` (the row is
 * locked while it is checked). Throws `screening_not_found`, `version_conflict`,
 * `screening_locked`, `validation_failed`.
 */
async function writeScreeningEdit(tx: Db, ctx: Ctx, edit: ScreeningEdit): Promise<void> {
  const { actor, caseId, screeningId, input } = edit;
  const row = await findOrFail(
    lockScreening(tx, actor.organisationId, caseId, screeningId),
    'screening_not_found',
  );
  if (row.version !== edit.version) {
    throw new AppError('version_conflict', STALE_EDIT);
  }
  assertEditable(row, input);
  const patch = await editPatch(ctx, tx, { actor, row, input });
  if (input.answers !== undefined) {
    await replaceAnswers(tx, ctx, { actor, screeningId, answers: input.answers });
  }
  const updated = await updateScreeningRow(tx, actor.organisationId, row.id, {
    ...patch,
    version: row.version + 1,
  });
  await recordAudit(tx, ctx, {
    organisationId: actor.organisationId,
    action: 'screening.update',
    entityType: 'case',
    entityId: caseId,
    details: {
      screeningId,
      fields: Object.keys(input).filter((k) => k !== 'version'),
      status: updated.status,
      version: updated.version,
    },
  });
}

/**
 * Edits a screening (`screening.write`): while in progress its answers (the whole set), its
 * statement, and `status: complete` to score and store it; once complete only the statement,
 * until approval. Names the version it is based on (`version` or If-Match). Throws
 * `case_not_found`, `screening_not_found`, `version_required`, `version_conflict`,
 * `screening_locked`, `validation_failed`; nothing is written then.
 */
export async function updateScreening(
  ctx: Ctx,
  ref: { caseId: string; screeningId: string; ifMatch?: number | undefined },
  input: ScreeningUpdate,
): Promise<ScreeningSummary> {
  const { caseId, screeningId } = ref;
  const actor = await requireAccess(ctx, 'screening.write', [{ type: 'case', id: caseId }]);
  const version = input.version ?? ref.ifMatch;
  if (version === undefined) {
    throw new AppError('version_required');
  }
  await ctx.db.transaction((tx) =>
    writeScreeningEdit(tx, ctx, { actor, caseId, screeningId, version, input }),
  );
  return loadSummary(ctx, actor, caseId, screeningId);
}
