import {
  and,
  arrayContains,
  asc,
  desc,
  eq,
  gt,
  gte,
  inArray,
  lt,
  lte,
  or,
  type SQL,
} from 'drizzle-orm';
import type { Db } from '@/db/client.ts';
import {
  memberships,
  outreachMaterials,
  outreachQuizResults,
  outreachSessionMaterials,
  outreachSessions,
  users,
} from '@/db/schema/index.ts';
import type { AgeBand, OutreachSetting, OutreachTopic } from './outreach.schema.ts';

export type SessionRow = typeof outreachSessions.$inferSelect;
export type ResultRow = typeof outreachQuizResults.$inferSelect;
type SessionInsert = Omit<typeof outreachSessions.$inferInsert, 'organisationId'>;
export type SessionPatch = Partial<Omit<SessionInsert, 'id' | 'createdBy' | 'createdAt'>>;

/** Inserts a session of `organisationId` with the materials it used, in order. */
export async function insertSession(
  tx: Db,
  organisationId: string,
  row: SessionInsert,
  materialIds: readonly string[],
): Promise<void> {
  await tx.insert(outreachSessions).values({ ...row, organisationId });
  await setSessionMaterials(tx, organisationId, row.id, materialIds);
}

/** Replaces the materials a session used. */
export async function setSessionMaterials(
  tx: Db,
  organisationId: string,
  sessionId: string,
  materialIds: readonly string[],
): Promise<void> {
  await tx
    .delete(outreachSessionMaterials)
    .where(
      and(
        eq(outreachSessionMaterials.organisationId, organisationId),
        eq(outreachSessionMaterials.sessionId, sessionId),
      ),
    );
  if (materialIds.length > 0) {
    await tx.insert(outreachSessionMaterials).values(
      materialIds.map((materialId, position) => ({
        organisationId,
        sessionId,
        materialId,
        position,
      })),
    );
  }
}

/** Changes a session's fields. */
export async function updateSessionRow(
  tx: Db,
  organisationId: string,
  id: string,
  patch: SessionPatch,
): Promise<void> {
  await tx
    .update(outreachSessions)
    .set(patch)
    .where(and(eq(outreachSessions.organisationId, organisationId), eq(outreachSessions.id, id)));
}

/** Deletes a session (its materials list and results go with it); false when there was none. */
export async function deleteSessionRow(
  tx: Db,
  organisationId: string,
  id: string,
): Promise<boolean> {
  const gone = await tx
    .delete(outreachSessions)
    .where(and(eq(outreachSessions.organisationId, organisationId), eq(outreachSessions.id, id)))
    .returning({ id: outreachSessions.id });
  return gone.length > 0;
}

/** One session of the organisation, or null (locked until the transaction ends with `lock`). */
export async function findSession(
  db: Db,
  organisationId: string,
  id: string,
  lock = false,
): Promise<SessionRow | null> {
  const query = db
    .select()
    .from(outreachSessions)
    .where(and(eq(outreachSessions.organisationId, organisationId), eq(outreachSessions.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/** What the session list asks for. */
export interface SessionFilter {
  /** `asc`: soonest first (upcoming); `desc`: latest first. */
  order: 'asc' | 'desc';
  fromDay?: string;
  /** Inclusive, unless `beforeDay`. */
  toDay?: string;
  beforeDay?: string;
  setting?: OutreachSetting;
  topic?: OutreachTopic;
  ageBand?: AgeBand;
  facilitatorId?: string;
  includeCancelled: boolean;
  after?: { heldOn: string; id: string };
  limit: number;
}

function afterCursor(f: SessionFilter): SQL | undefined {
  if (!f.after) {
    return undefined;
  }
  const past = f.order === 'asc' ? gt : lt;
  return or(
    past(outreachSessions.heldOn, f.after.heldOn),
    and(eq(outreachSessions.heldOn, f.after.heldOn), past(outreachSessions.id, f.after.id)),
  );
}

/** Sessions of the organisation matching `f`, `limit + 1` of them (the extra one says "more"). */
export function listSessionRows(
  db: Db,
  organisationId: string,
  f: SessionFilter,
): Promise<SessionRow[]> {
  const dir = f.order === 'asc' ? asc : desc;
  return db
    .select()
    .from(outreachSessions)
    .where(
      and(
        eq(outreachSessions.organisationId, organisationId),
        f.fromDay ? gte(outreachSessions.heldOn, f.fromDay) : undefined,
        f.toDay ? lte(outreachSessions.heldOn, f.toDay) : undefined,
        f.beforeDay ? lt(outreachSessions.heldOn, f.beforeDay) : undefined,
        f.setting ? eq(outreachSessions.setting, f.setting) : undefined,
        f.ageBand ? eq(outreachSessions.ageBand, f.ageBand) : undefined,
        f.topic ? arrayContains(outreachSessions.topics, [f.topic]) : undefined,
        f.facilitatorId ? eq(outreachSessions.facilitatorId, f.facilitatorId) : undefined,
        f.includeCancelled ? undefined : eq(outreachSessions.cancelled, false),
        afterCursor(f),
      ),
    )
    .orderBy(dir(outreachSessions.heldOn), dir(outreachSessions.id))
    .limit(f.limit + 1);
}

/** The materials the given sessions used, in each session's order. */
export function listSessionMaterialRows(db: Db, organisationId: string, sessionIds: string[]) {
  if (sessionIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .select({
      sessionId: outreachSessionMaterials.sessionId,
      id: outreachMaterials.id,
      title: outreachMaterials.title,
      kind: outreachMaterials.kind,
      language: outreachMaterials.language,
    })
    .from(outreachSessionMaterials)
    .innerJoin(outreachMaterials, eq(outreachMaterials.id, outreachSessionMaterials.materialId))
    .where(
      and(
        eq(outreachSessionMaterials.organisationId, organisationId),
        inArray(outreachSessionMaterials.sessionId, sessionIds),
      ),
    )
    .orderBy(asc(outreachSessionMaterials.position));
}

/** The quiz results of the given sessions. */
export function listResultRows(
  db: Db,
  organisationId: string,
  sessionIds: string[],
): Promise<ResultRow[]> {
  if (sessionIds.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .select()
    .from(outreachQuizResults)
    .where(
      and(
        eq(outreachQuizResults.organisationId, organisationId),
        inArray(outreachQuizResults.sessionId, sessionIds),
      ),
    );
}

/** Records a phase's results of a session, replacing what that phase had. */
export async function upsertResult(
  tx: Db,
  organisationId: string,
  row: Omit<typeof outreachQuizResults.$inferInsert, 'organisationId'>,
): Promise<void> {
  const replace = {
    quizId: row.quizId,
    language: row.language,
    respondents: row.respondents,
    correct: row.correct,
    recordedBy: row.recordedBy,
    recordedAt: row.recordedAt,
  };
  await tx
    .insert(outreachQuizResults)
    .values({ ...row, organisationId })
    .onConflictDoUpdate({
      target: [outreachQuizResults.sessionId, outreachQuizResults.phase],
      set: replace,
    });
}

/** Removes a phase's results; false when there were none. */
export async function deleteResult(
  tx: Db,
  organisationId: string,
  { sessionId, phase }: Pick<ResultRow, 'sessionId' | 'phase'>,
): Promise<boolean> {
  const gone = await tx
    .delete(outreachQuizResults)
    .where(
      and(
        eq(outreachQuizResults.organisationId, organisationId),
        eq(outreachQuizResults.sessionId, sessionId),
        eq(outreachQuizResults.phase, phase),
      ),
    )
    .returning({ id: outreachQuizResults.id });
  return gone.length > 0;
}

/**
 * Enabled members of the organisation with one of `roles`, by name (all of them, or only `ids`):
 * the people who may facilitate a session.
 */
export function listMemberRefs(
  db: Db,
  organisationId: string,
  { roles, ids }: { roles: readonly string[]; ids?: readonly string[] },
): Promise<{ id: string; name: string }[]> {
  if (ids?.length === 0) {
    return Promise.resolve([]);
  }
  return db
    .select({ id: memberships.userId, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, organisationId),
        eq(memberships.disabled, false),
        inArray(memberships.role, [...roles]),
        ids ? inArray(memberships.userId, [...ids]) : undefined,
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

/** Display names of the given users who are (or were) members of the organisation. */
export async function memberNames(
  db: Db,
  organisationId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organisationId, organisationId), inArray(users.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.name]));
}
