import { recordAudit } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { AppError, validationFailed } from '@/lib/errors.ts';
import { isUuid, newId } from '@/lib/ids.ts';
import { decodeCursor, encodeCursor, toPage } from '@/lib/pagination.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { ROLE_PERMISSIONS, ROLES } from '@/policy/roles.ts';
import { toSession, toSessionSummary } from './outreach-mapper.ts';
import { existingMaterialIds } from './outreach-materials.repository.ts';
import {
  deleteSessionRow,
  findSession,
  insertSession,
  listMemberRefs,
  listResultRows,
  listSessionMaterialRows,
  listSessionRows,
  memberNames,
  setSessionMaterials,
  updateSessionRow,
  type SessionFilter,
  type SessionRow,
} from './outreach-sessions.repository.ts';
import type {
  FacilitatorList,
  Session,
  SessionCreate,
  SessionListQuery,
  SessionPage,
  SessionUpdate,
} from './outreach-sessions.schema.ts';

/**
 * Outreach sessions of the caller's organisation (`outreach.read` / `outreach.write`: outreach
 * staff, supervisors, admins). Writes are audited; another organisation's session is not found.
 */

/** Roles whose members may facilitate a session: those who record outreach work. */
function facilitatorRoles(): string[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].includes('outreach.write'));
}

/** Throws `validation_failed` unless the user is an enabled member who does outreach. */
async function assertFacilitator(ctx: Ctx, actor: OrgActor, userId: string): Promise<void> {
  const found = await listMemberRefs(ctx.db, actor.organisationId, {
    roles: facilitatorRoles(),
    ids: [userId],
  });
  if (found.length === 0) {
    throw validationFailed([
      { path: 'facilitatorId', message: 'Not a colleague who does outreach in this organisation' },
    ]);
  }
}

/** Throws `validation_failed` naming each id that is not a material of the library. */
async function assertMaterials(ctx: Ctx, actor: OrgActor, ids: readonly string[]): Promise<void> {
  const known = await existingMaterialIds(ctx.db, actor.organisationId, ids);
  const errors = ids.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `materialIds.${i}`, message: 'Not a material of the library' }],
  );
  if (errors.length > 0) {
    throw validationFailed(errors);
  }
}

/** The session row, or `outreach_session_not_found` (also for another organisation's id). */
export async function sessionOrFail(
  ctx: Ctx,
  actor: OrgActor,
  id: string,
  lock = false,
): Promise<SessionRow> {
  const row = isUuid(id) ? await findSession(ctx.db, actor.organisationId, id, lock) : null;
  if (!row) {
    throw new AppError('outreach_session_not_found');
  }
  return row;
}

/** A session with its materials, facilitator and results, as stored now. */
export async function loadSession(ctx: Ctx, actor: OrgActor, row: SessionRow): Promise<Session> {
  const org = actor.organisationId;
  const [materials, results, names] = await Promise.all([
    listSessionMaterialRows(ctx.db, org, [row.id]),
    listResultRows(ctx.db, org, [row.id]),
    memberNames(ctx.db, org, row.facilitatorId ? [row.facilitatorId] : []),
  ]);
  return toSession(row, {
    names,
    results,
    materials: materials.map((m) => ({
      id: m.id,
      title: m.title,
      kind: m.kind,
      language: m.language,
    })),
  });
}

/**
 * Records a session (`outreach.write`), facilitated by the caller unless `facilitatorId` names
 * another member who does outreach. Throws `validation_failed` (facilitator, materials); nothing
 * is written then. Audited as `outreach_session.create`.
 */
export async function createSession(ctx: Ctx, input: SessionCreate): Promise<Session> {
  const actor = await requireAccess(ctx, 'outreach.write');
  const facilitatorId = input.facilitatorId ?? actor.userId;
  if (facilitatorId) {
    await assertFacilitator(ctx, actor, facilitatorId);
  }
  await assertMaterials(ctx, actor, input.materialIds);
  const id = newId();
  const { materialIds, ...fields } = input;
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now();
    const row = {
      ...fields,
      id,
      facilitatorId,
      createdBy: actor.userId,
      createdAt: at,
      updatedAt: at,
    };
    await insertSession(tx, actor.organisationId, row, materialIds);
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'outreach_session.create',
      entityType: 'outreach_session',
      entityId: id,
      details: {
        setting: input.setting,
        audienceSize: input.audienceSize,
        materials: materialIds.length,
      },
    });
  });
  return loadSession(ctx, actor, await sessionOrFail(ctx, actor, id));
}

/** One session (`outreach.read`). Throws `outreach_session_not_found`. */
export async function getSession(ctx: Ctx, id: string): Promise<Session> {
  const actor = await requireAccess(ctx, 'outreach.read');
  return loadSession(ctx, actor, await sessionOrFail(ctx, actor, id));
}

/**
 * Changes a session (`outreach.write`); `cancelled: true` keeps it but takes it out of the
 * dashboard. Throws `outreach_session_not_found`, `validation_failed`. Audited with the fields.
 */
export async function updateSession(ctx: Ctx, id: string, input: SessionUpdate): Promise<Session> {
  const actor = await requireAccess(ctx, 'outreach.write');
  await sessionOrFail(ctx, actor, id);
  if (input.facilitatorId) {
    await assertFacilitator(ctx, actor, input.facilitatorId);
  }
  const { materialIds, ...fields } = input;
  if (materialIds) {
    await assertMaterials(ctx, actor, materialIds);
  }
  await ctx.db.transaction(async (tx) => {
    await updateSessionRow(tx, actor.organisationId, id, { ...fields, updatedAt: ctx.now() });
    if (materialIds) {
      await setSessionMaterials(tx, actor.organisationId, id, materialIds);
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'outreach_session.update',
      entityType: 'outreach_session',
      entityId: id,
      details: { fields: Object.keys(input), cancelled: input.cancelled ?? null },
    });
  });
  return loadSession(ctx, actor, await sessionOrFail(ctx, actor, id));
}

/** Deletes a session and its results (`outreach.write`). Throws `outreach_session_not_found`. */
export async function deleteSession(ctx: Ctx, id: string): Promise<void> {
  const actor = await requireAccess(ctx, 'outreach.write');
  await sessionOrFail(ctx, actor, id);
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteSessionRow(tx, actor.organisationId, id))) {
      throw new AppError('outreach_session_not_found');
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'outreach_session.delete',
      entityType: 'outreach_session',
      entityId: id,
    });
  });
}

function sessionFilter(actor: OrgActor, q: SessionListQuery, today: string): SessionFilter {
  const [heldOn, id] = decodeCursor(q.cursor)?.split('|') ?? [];
  return {
    order: q.when === 'upcoming' ? 'asc' : 'desc',
    fromDay: q.when === 'upcoming' && (!q.from || q.from < today) ? today : q.from,
    toDay: q.to,
    beforeDay: q.when === 'past' ? today : undefined,
    setting: q.setting,
    topic: q.topic,
    ageBand: q.ageBand,
    facilitatorId:
      q.facilitator === 'me'
        ? (actor.userId ?? '00000000-0000-0000-0000-000000000000')
        : q.facilitator,
    includeCancelled: q.includeCancelled === 'true',
    after: heldOn && id ? { heldOn, id } : undefined,
    limit: q.limit,
  };
}

/**
 * Sessions of the organisation (`outreach.read`): `when=upcoming` from today, soonest first;
 * `past` before today and `all`, latest first; filtered by setting, topic, age band, facilitator
 * and date. Cancelled sessions only with `includeCancelled=true`.
 */
export async function listSessions(ctx: Ctx, q: SessionListQuery): Promise<SessionPage> {
  const actor = await requireAccess(ctx, 'outreach.read');
  const rows = await listSessionRows(
    ctx.db,
    actor.organisationId,
    sessionFilter(actor, q, utcDay(ctx.now())),
  );
  const page = toPage(rows, q.limit, (last) => encodeCursor(`${last.heldOn}|${last.id}`));
  const ids = page.items.map((r) => r.id);
  const facilitators = page.items.flatMap((r) => (r.facilitatorId ? [r.facilitatorId] : []));
  const [results, names] = await Promise.all([
    listResultRows(ctx.db, actor.organisationId, ids),
    memberNames(ctx.db, actor.organisationId, [...new Set(facilitators)]),
  ]);
  return {
    items: page.items.map((r) => toSessionSummary(r, { names, results })),
    nextCursor: page.nextCursor,
  };
}

/** The members who may facilitate a session (`outreach.read`), by name. */
export async function listFacilitators(ctx: Ctx): Promise<FacilitatorList> {
  const actor = await requireAccess(ctx, 'outreach.read');
  return {
    items: await listMemberRefs(ctx.db, actor.organisationId, { roles: facilitatorRoles() }),
  };
}
