/**
 * How a step's deadline reads on screen, from its due instant and "now": pure, so the words a
 * caseworker relies on are unit-tested. The server's `overdue` flag is the same rule; the UI
 * recomputes it so a page left open does not keep saying "due in 1 day" after the deadline.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export type DueState =
  /** Closed by its decision (or the referral was closed). */
  | { kind: 'closed' }
  /** Waiting for the event that starts its clock (e.g. a positive reasonable-grounds decision). */
  | { kind: 'not_started' }
  /** No figure: nothing is due at a known time. */
  | { kind: 'no_deadline' }
  | { kind: 'overdue'; days: number }
  /** Due within a day: counted in hours (at least 1). */
  | { kind: 'due_hours'; hours: number }
  | { kind: 'due_days'; days: number }
  /** A protection period (never overdue) that has ended. */
  | { kind: 'ended' }
  | { kind: 'ends_days'; days: number };

export interface StepTiming {
  kind: 'deadline' | 'period';
  dueAt: string | null;
  startedAt: string | null;
  startsOn: string | null;
  closedAt: string | null;
}

function remaining(kind: StepTiming['kind'], ms: number): DueState {
  if (kind === 'period') {
    return ms <= 0
      ? { kind: 'ended' }
      : { kind: 'ends_days', days: Math.max(1, Math.floor(ms / DAY)) };
  }
  if (ms <= 0) {
    return { kind: 'overdue', days: Math.floor(Math.abs(ms) / DAY) };
  }
  if (ms < DAY) {
    return { kind: 'due_hours', hours: Math.ceil(ms / HOUR) };
  }
  // Whole days left: a deadline at the end of next Friday is "due in 7 days" on this Friday.
  return { kind: 'due_days', days: Math.floor(ms / DAY) };
}

/** The state of `step` at `now`. */
export function dueState(step: StepTiming, now: Date): DueState {
  if (step.closedAt !== null) {
    return { kind: 'closed' };
  }
  if (step.dueAt === null) {
    return step.startedAt === null && step.startsOn !== null
      ? { kind: 'not_started' }
      : { kind: 'no_deadline' };
  }
  const due = Date.parse(step.dueAt);
  if (!Number.isFinite(due)) {
    return { kind: 'no_deadline' };
  }
  return remaining(step.kind, due - now.getTime());
}

/** The translation key and its values for a state (`nrm.due.*`; counts are plural keys). */
export function dueMessage(state: DueState): { key: string; values: Record<string, number> } {
  switch (state.kind) {
    case 'overdue':
      return state.days > 0
        ? { key: 'nrm.due.overdueDays', values: { count: state.days } }
        : { key: 'nrm.due.overdue', values: {} };
    case 'due_hours':
      return { key: 'nrm.due.dueHours', values: { count: state.hours } };
    case 'due_days':
    case 'ends_days':
      return {
        key: state.kind === 'due_days' ? 'nrm.due.dueDays' : 'nrm.due.endsDays',
        values: { count: state.days },
      };
    case 'closed':
    case 'ended':
    case 'no_deadline':
    case 'not_started':
      return { key: `nrm.due.${state.kind}`, values: {} };
  }
}

/** True for a state a reader must act on (shown as a warning, with its icon). */
export function isUrgent(state: DueState): boolean {
  return state.kind === 'overdue' || state.kind === 'due_hours';
}

/** A step's machine name as words, for a step the messages do not name ("foo_bar" → "Foo bar"). */
export function stepWords(step: string): string {
  const words = step.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
