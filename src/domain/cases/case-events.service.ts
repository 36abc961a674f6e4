import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { isCountryCode } from '@/lib/countries.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { type FieldIssue, validationFailed } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { sensitiveCipher } from '@/policy/sensitive-fields.ts';
import {
  insertCaseEvent,
  listCaseEventRows,
  touchCase,
  type CaseEventRow,
} from './case-events.repository.ts';
import { scheduleFollowUps } from './case-followups.service.ts';
import type { CaseEvent, EventCreate } from './case-journey.schema.ts';

/**
 * The latest calendar date it is anywhere on earth (UTC+14) at `now`: an event dated today in
 * the caseworker's time zone must not be refused as "in the future" because UTC is behind.
 */
function latestLocalDate(now: Date): string {
  return utcDay(new Date(now.getTime() + 14 * 60 * 60_000));
}

function assertEventInput(ctx: Ctx, input: EventCreate): void {
  const issues: FieldIssue[] = [];
  if (input.occurredOn > latestLocalDate(ctx.now())) {
    issues.push({ path: 'occurredOn', message: 'The event date is in the future' });
  }
  if (input.country !== undefined && !isCountryCode(input.country)) {
    issues.push({ path: 'country', message: `Unknown country code ${input.country}` });
  }
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
}

const outcomeAad = (id: string) => FIELDS.eventOutcome.aad(id);
const noteAad = (id: string) => FIELDS.eventNote.aad(id);

/** The API view of an event; outcome and note (both sensitive) are decrypted only for `actor`s who may see them. */
function toCaseEvent(ctx: Ctx, actor: OrgActor, row: CaseEventRow): CaseEvent {
  const cipher = sensitiveCipher(actor, ctx.cipher);
  return {
    id: row.id,
    stage: row.stage,
    type: row.type,
    occurredOn: row.occurredOn,
    country: row.country,
    outcome: cipher && row.outcomeEnc ? cipher.decrypt(row.outcomeEnc, outcomeAad(row.id)) : null,
    note: cipher && row.noteEnc ? cipher.decrypt(row.noteEnc, noteAad(row.id)) : null,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The journey timeline of a case (`case.read`), by date then entry time. Outcomes and notes are
 * sensitive: decrypted only for callers with `case.read_sensitive` (null otherwise). Audited as
 * `case.events.read`.
 * Throws `case_not_found` for a case the caller may not see.
 */
export async function listCaseEvents(ctx: Ctx, caseId: string): Promise<CaseEvent[]> {
  const actor = await requireAccess(ctx, 'case.read', [{ type: 'case', id: caseId }]);
  const rows = await listCaseEventRows(ctx.db, actor.organisationId, caseId);
  const items = rows.map((r) => toCaseEvent(ctx, actor, r));
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.events.read',
    entityType: 'case',
    entityId: caseId,
    details: { count: items.length, sensitive: sensitiveCipher(actor, ctx.cipher) !== null },
  });
  return items;
}

/**
 * Records a dated journey event (`case.update`). Outcome and note are encrypted at rest; the date
 * may not be in the future (`validation_failed`, path `occurredOn`). Bumps the case's `updated_at`
 * and, for a return arrival, schedules the follow-ups (`scheduleFollowUps`), all in one transaction
 * with the audit entry (`case.event.create`, details without the note). The case's stage follows
 * from its events.
 */
export async function createCaseEvent(
  ctx: Ctx,
  caseId: string,
  input: EventCreate,
): Promise<CaseEvent> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  assertEventInput(ctx, input);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await recordJourneyEvent(tx, ctx, {
      organisationId: actor.organisationId,
      caseId,
      event: input,
      createdBy: actor.userId,
    });
    if (input.stage === 'return' && input.type === 'arrival') {
      // Arrival home starts the follow-up schedule (the organisation's months; 1, 3, 6, 12 by default).
      const from = input.occurredOn;
      await scheduleFollowUps(tx, ctx, { organisationId: actor.organisationId, caseId, from });
    }
    return created;
  });
  return toCaseEvent(ctx, actor, row);
}

/** A journey event another module records on a case it has the right to write to. */
export interface JourneyEventTarget {
  organisationId: string;
  caseId: string;
  event: Pick<EventCreate, 'stage' | 'type' | 'occurredOn' | 'country' | 'outcome' | 'note'>;
  /** The member who recorded it; null for an event recorded on behalf of another organisation. */
  createdBy: string | null;
}

/**
 * Inserts a journey event (outcome and note encrypted), bumps the case's `updated_at` and audits
 * `case.event.create` in the case's organisation, all inside the caller's transaction `tx`. Does
 * no access check and schedules nothing: the caller (a service that has called `requireAccess`,
 * e.g. a return plan's confirmed reception, which writes to both organisations' cases) owns that.
 */
export async function recordJourneyEvent(
  tx: Db,
  ctx: Pick<Ctx, 'actor' | 'cipher' | 'meta' | 'now'>,
  { organisationId, caseId, event, createdBy }: JourneyEventTarget,
): Promise<CaseEventRow> {
  const id = newId();
  const note = event.note?.trim() ? event.note : null;
  const outcome = event.outcome || null;
  const created = await insertCaseEvent(tx, organisationId, {
    id,
    caseId,
    stage: event.stage,
    type: event.type,
    occurredOn: event.occurredOn,
    country: event.country ?? null,
    outcomeEnc: outcome ? ctx.cipher.encrypt(outcome, outcomeAad(id)) : null,
    noteEnc: note ? ctx.cipher.encrypt(note, noteAad(id)) : null,
    createdBy,
  });
  await touchCase(tx, organisationId, caseId);
  await recordAudit(tx, ctx, {
    organisationId,
    action: 'case.event.create',
    entityType: 'case',
    entityId: caseId,
    details: { eventId: id, stage: event.stage, type: event.type, note: note !== null },
  });
  return created;
}
