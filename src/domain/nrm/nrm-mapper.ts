import { newId } from '@/lib/ids.ts';
import { computeDue } from './deadline-math.ts';
import type { ClockStart, Jurisdiction } from './nrm.schema.ts';
import type { DecisionRow, ReferralRow, ReferralStepRow } from './nrm-referrals.repository.ts';
import type { Decision, Referral, ReferralStep } from './nrm-views.schema.ts';

/** Rows of the NRM tables to API views, and a referral's steps from its jurisdiction's data. */

type StepInsert = Omit<ReferralStepRow, 'organisationId'>;

/** When a step started at `start` is due, with the jurisdiction's holidays; null without a figure. */
export function dueOf(
  j: Pick<Jurisdiction, 'timeZone' | 'holidays'>,
  step: Pick<ReferralStepRow, 'duration' | 'unit'>,
  start: Date,
): { dueAt: Date; dueOn: string } | null {
  if (step.duration === null || step.unit === null) {
    return null;
  }
  const holidays = new Set(j.holidays.map((h) => h.date));
  return computeDue({
    start,
    duration: step.duration,
    unit: step.unit,
    timeZone: j.timeZone,
    holidays,
  });
}

/**
 * The steps of a new referral: every step of the jurisdiction with its figure as it is now;
 * those whose clock starts on `event` start at `at`, the others wait for their event.
 */
export function newReferralSteps(
  j: Jurisdiction,
  referralId: string,
  { event, at }: { event: ClockStart; at: Date },
): StepInsert[] {
  return j.steps.map((s, position) => {
    const started = s.startsOn === event;
    const due = started ? dueOf(j, s, at) : null;
    return {
      id: newId(),
      referralId,
      position,
      step: s.step,
      kind: s.kind,
      duration: s.duration,
      unit: s.unit,
      clockStartsAt: s.clockStartsAt,
      startsOn: s.startsOn,
      endsWith: s.endsWith,
      status: s.status,
      statusNote: s.statusNote ?? null,
      source: s.source,
      asOf: s.asOf,
      startedAt: started ? at : null,
      dueAt: due?.dueAt ?? null,
      dueOn: due?.dueOn ?? null,
      closedAt: null,
    };
  });
}

/** Whether a step is a deadline still open whose due instant passed before `now`. */
export function isOverdue(
  referral: Pick<ReferralRow, 'status'>,
  s: Pick<ReferralStepRow, 'kind' | 'closedAt' | 'dueAt'>,
  now: Date,
): boolean {
  return (
    referral.status === 'open' &&
    s.kind === 'deadline' &&
    s.closedAt === null &&
    s.dueAt !== null &&
    s.dueAt < now
  );
}

function toStep(referral: ReferralRow, s: ReferralStepRow, now: Date): ReferralStep {
  return {
    step: s.step,
    kind: s.kind,
    duration: s.duration,
    unit: s.unit,
    clockStartsAt: s.clockStartsAt,
    startsOn: s.startsOn,
    endsWith: s.endsWith,
    status: s.status,
    statusNote: s.statusNote,
    source: s.source,
    asOf: s.asOf,
    startedAt: s.startedAt?.toISOString() ?? null,
    dueAt: s.dueAt?.toISOString() ?? null,
    dueOn: s.dueOn,
    closedAt: s.closedAt?.toISOString() ?? null,
    overdue: isOverdue(referral, s, now),
  };
}

function toDecision(d: DecisionRow): Decision {
  return {
    kind: d.kind,
    outcome: d.outcome,
    decidedOn: d.decidedOn,
    decisionMaker: d.decisionMaker,
    recordedBy: d.recordedBy,
    recordedAt: d.recordedAt.toISOString(),
  };
}

/** The API view of a referral with its own steps and decisions (others are ignored). */
export function toReferral(
  r: ReferralRow,
  rows: { steps: ReferralStepRow[]; decisions: DecisionRow[] },
  now: Date,
): Referral {
  return {
    id: r.id,
    caseId: r.caseId,
    jurisdiction: r.jurisdiction,
    referredAt: r.referredAt.toISOString(),
    authority: r.authority,
    status: r.status,
    createdBy: r.createdBy,
    createdAt: r.createdAt.toISOString(),
    steps: rows.steps.filter((s) => s.referralId === r.id).map((s) => toStep(r, s, now)),
    decisions: rows.decisions.filter((d) => d.referralId === r.id).map(toDecision),
  };
}
