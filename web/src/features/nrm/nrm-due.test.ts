import { describe, expect, it } from 'vitest';
import en from '@web/i18n/en.json';
import { dueMessage, dueState, stepWords, type DueState, type StepTiming } from './nrm-due';

const NOW = new Date('2026-01-20T09:00:00Z');

function deadline(dueAt: string | null, extra: Partial<StepTiming> = {}): StepTiming {
  return {
    kind: 'deadline',
    dueAt,
    startedAt: '2026-01-16T15:00:00Z',
    startsOn: 'referral',
    closedAt: null,
    ...extra,
  };
}

describe('dueState', () => {
  it('counts whole days left, so a deadline in 3 days 23 hours is "due in 3 days"', () => {
    expect(dueState(deadline('2026-01-24T08:00:00Z'), NOW)).toEqual({ kind: 'due_days', days: 3 });
    expect(dueState(deadline('2026-01-23T09:00:00Z'), NOW)).toEqual({ kind: 'due_days', days: 3 });
  });

  it('counts hours when less than a day is left (a 24-hour custody limit)', () => {
    expect(dueState(deadline('2026-01-20T14:30:00Z'), NOW)).toEqual({
      kind: 'due_hours',
      hours: 6,
    });
    expect(dueState(deadline('2026-01-20T09:00:01Z'), NOW)).toEqual({
      kind: 'due_hours',
      hours: 1,
    });
  });

  it('is overdue at the due instant and after, with the whole days passed', () => {
    expect(dueState(deadline('2026-01-20T09:00:00Z'), NOW)).toEqual({ kind: 'overdue', days: 0 });
    expect(dueState(deadline('2026-01-17T08:00:00Z'), NOW)).toEqual({ kind: 'overdue', days: 3 });
  });

  it('is closed once the decision ends it, even past its due date', () => {
    const closed = deadline('2026-01-10T00:00:00Z', { closedAt: '2026-01-12T10:00:00Z' });
    expect(dueState(closed, NOW)).toEqual({ kind: 'closed' });
  });

  it('waits for the event that starts the clock, or has no deadline at all', () => {
    const waiting = deadline(null, { startedAt: null, startsOn: 'reasonable_grounds_positive' });
    expect(dueState(waiting, NOW)).toEqual({ kind: 'not_started' });
    expect(dueState(deadline(null, { startedAt: null, startsOn: null }), NOW)).toEqual({
      kind: 'no_deadline',
    });
  });

  it('never calls a protection period overdue: it ends', () => {
    const period = (dueAt: string) => ({ ...deadline(dueAt), kind: 'period' as const });
    expect(dueState(period('2026-01-10T00:00:00Z'), NOW)).toEqual({ kind: 'ended' });
    expect(dueState(period('2026-02-19T09:00:00Z'), NOW)).toEqual({ kind: 'ends_days', days: 30 });
  });
});

describe('dueMessage', () => {
  it('names the count for plural messages', () => {
    expect(dueMessage({ kind: 'due_days', days: 2 })).toEqual({
      key: 'nrm.due.dueDays',
      values: { count: 2 },
    });
    expect(dueMessage({ kind: 'overdue', days: 3 })).toEqual({
      key: 'nrm.due.overdueDays',
      values: { count: 3 },
    });
    expect(dueMessage({ kind: 'overdue', days: 0 })).toEqual({
      key: 'nrm.due.overdue',
      values: {},
    });
    expect(dueMessage({ kind: 'not_started' }).key).toBe('nrm.due.not_started');
  });
});

describe('stepWords', () => {
  it('turns a step name the messages do not know into words', () => {
    expect(stepWords('initial_custody_for_identification')).toBe(
      'Initial custody for identification',
    );
  });
});

describe('every state has its message', () => {
  it('in en.json, with the plural forms for counts', () => {
    const states: DueState[] = [
      { kind: 'closed' },
      { kind: 'not_started' },
      { kind: 'no_deadline' },
      { kind: 'overdue', days: 0 },
      { kind: 'overdue', days: 2 },
      { kind: 'due_hours', hours: 3 },
      { kind: 'due_days', days: 2 },
      { kind: 'ended' },
      { kind: 'ends_days', days: 9 },
    ];
    const due = (en as { nrm: { due: Record<string, string> } }).nrm.due;
    for (const state of states) {
      const { key, values } = dueMessage(state);
      const name = key.replace('nrm.due.', '');
      const found = 'count' in values ? due[`${name}_other`] : due[name];
      expect(found, key).toBeTruthy();
    }
  });
});
