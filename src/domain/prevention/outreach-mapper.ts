import type { MaterialRow } from './outreach-materials.repository.ts';
import type { Material } from './outreach-materials.schema.ts';
import type { ResultRow, SessionRow } from './outreach-sessions.repository.ts';
import type { Result, Session, SessionSummary } from './outreach-sessions.schema.ts';

/** Rows of the outreach tables to API views. Nothing here is encrypted: no survivor data. */

/** The share of correct answers of a phase: Σ correct ÷ (forms × questions asked). */
export function scoreOf(row: Pick<ResultRow, 'respondents' | 'correct'>): number {
  const answers = row.respondents * row.correct.length;
  const correct = row.correct.reduce((n, c) => n + c.correct, 0);
  return answers === 0 ? 0 : correct / answers;
}

export function toResult(row: ResultRow): Result {
  return {
    phase: row.phase,
    quizId: row.quizId,
    language: row.language,
    respondents: row.respondents,
    correct: row.correct.map((c) => ({ questionId: c.questionId, correct: c.correct })),
    score: scoreOf(row),
    recordedAt: row.recordedAt.toISOString(),
  };
}

export function toMaterial(row: MaterialRow): Material {
  return {
    id: row.id,
    title: row.title,
    language: row.language,
    topics: row.topics,
    kind: row.kind,
    description: row.description,
    url: row.url,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a session's view adds to its row. */
export interface SessionExtras {
  names: ReadonlyMap<string, string>;
  results: readonly ResultRow[];
}

function facilitatorOf(row: SessionRow, names: ReadonlyMap<string, string>) {
  const name = row.facilitatorId ? names.get(row.facilitatorId) : undefined;
  return row.facilitatorId && name !== undefined ? { id: row.facilitatorId, name } : null;
}

function sessionFields(row: SessionRow, names: ReadonlyMap<string, string>) {
  return {
    id: row.id,
    setting: row.setting,
    heldOn: row.heldOn,
    place: row.place,
    audienceSize: row.audienceSize,
    ageBand: row.ageBand,
    topics: row.topics,
    facilitator: facilitatorOf(row, names),
    language: row.language,
    cancelled: row.cancelled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toSessionSummary(row: SessionRow, x: SessionExtras): SessionSummary {
  const phase = (p: ResultRow['phase']) =>
    x.results.find((r) => r.sessionId === row.id && r.phase === p);
  const pre = phase('pre');
  const post = phase('post');
  return {
    ...sessionFields(row, x.names),
    preScore: pre ? scoreOf(pre) : null,
    postScore: post ? scoreOf(post) : null,
  };
}

export function toSession(
  row: SessionRow,
  x: SessionExtras & { materials: Session['materials'] },
): Session {
  const summary = sessionFields(row, x.names);
  const phase = (p: ResultRow['phase']) =>
    x.results.find((r) => r.sessionId === row.id && r.phase === p);
  const pre = phase('pre');
  const post = phase('post');
  return {
    ...summary,
    notes: row.notes,
    materials: x.materials,
    results: { pre: pre ? toResult(pre) : null, post: post ? toResult(post) : null },
  };
}
