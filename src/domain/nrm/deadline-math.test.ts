import { TZDate } from '@date-fns/tz';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, computeDue, localDay, startOfLocalDay } from './deadline-math.ts';
import { seedJurisdiction } from './jurisdictions.ts';

const gbr = seedJurisdiction('GBR')!;
const gbrHolidays = new Set(gbr.holidays.map((h) => h.date));
const none = new Set<string>();
const london = (iso: string) => new Date(iso);

describe('working days (England and Wales)', () => {
  it('5 working days over a weekend: referred on a Friday, due the next Friday', () => {
    const due = computeDue({
      start: london('2026-01-16T15:00:00Z'),
      duration: 5,
      unit: 'working_days',
      timeZone: 'Europe/London',
      holidays: gbrHolidays,
    });
    expect(due.dueOn).toBe('2026-01-23');
    expect(due.dueAt.toISOString()).toBe('2026-01-23T23:59:59.999Z');
  });

  it('skips Good Friday and Easter Monday (a bank holiday in the count)', () => {
    // Wednesday 1 April 2026: Thu 2, (Fri 3 Good Friday), (Mon 6 Easter Monday), Tue 7, Wed 8,
    // Thu 9, Fri 10.
    const due = computeDue({
      start: london('2026-04-01T09:00:00+01:00'),
      duration: 5,
      unit: 'working_days',
      timeZone: 'Europe/London',
      holidays: gbrHolidays,
    });
    expect(due.dueOn).toBe('2026-04-10');
    // Summer time: the end of the day in London is 22:59:59.999 UTC.
    expect(due.dueAt.toISOString()).toBe('2026-04-10T22:59:59.999Z');
  });

  it('counts across the year end with the substitute Boxing Day and New Year', () => {
    // Thu 24 Dec 2026: (25 Christmas), (26, 27 weekend), (28 substitute), Tue 29, Wed 30,
    // Thu 31, (1 Jan), (2, 3 weekend), Mon 4, Tue 5 January 2027.
    const due = computeDue({
      start: london('2026-12-24T10:00:00Z'),
      duration: 5,
      unit: 'working_days',
      timeZone: 'Europe/London',
      holidays: gbrHolidays,
    });
    expect(due.dueOn).toBe('2027-01-05');
  });

  it('without the holiday list the same count ends earlier (the holidays are what moved it)', () => {
    const day = new TZDate(2026, 11, 24, 'Europe/London');
    expect(localDay(new Date(addWorkingDays(day, 5, none).getTime()), 'Europe/London')).toBe(
      '2026-12-31',
    );
  });

  it('a referral received on a Saturday starts counting on Monday', () => {
    const due = computeDue({
      start: london('2026-01-17T11:00:00Z'),
      duration: 1,
      unit: 'working_days',
      timeZone: 'Europe/London',
      holidays: gbrHolidays,
    });
    expect(due.dueOn).toBe('2026-01-19');
  });
});

describe('calendar days and hours (Thailand)', () => {
  it('15 calendar days end at midnight in Bangkok, whatever the weekends and holidays', () => {
    const due = computeDue({
      start: new Date('2026-04-10T03:00:00Z'),
      duration: 15,
      unit: 'calendar_days',
      timeZone: 'Asia/Bangkok',
      holidays: new Set(['2026-04-13', '2026-04-14', '2026-04-15']),
    });
    expect(due.dueOn).toBe('2026-04-25');
    expect(due.dueAt.toISOString()).toBe('2026-04-25T16:59:59.999Z');
  });

  it('the day is Bangkok’s: 20:00 UTC on the 9th is already the 10th there', () => {
    const due = computeDue({
      start: new Date('2026-04-09T20:00:00Z'),
      duration: 15,
      unit: 'calendar_days',
      timeZone: 'Asia/Bangkok',
      holidays: none,
    });
    expect(due.dueOn).toBe('2026-04-25');
  });

  it('24 hours are 24 hours from the instant, across a day boundary', () => {
    const due = computeDue({
      start: new Date('2026-12-31T20:30:00Z'),
      duration: 24,
      unit: 'hours',
      timeZone: 'Asia/Bangkok',
      holidays: none,
    });
    expect(due.dueAt.toISOString()).toBe('2027-01-01T20:30:00.000Z');
    expect(due.dueOn).toBe('2027-01-02');
  });

  it('hours over a change of summer time are elapsed hours (London, 29 March 2026)', () => {
    const due = computeDue({
      start: new Date('2026-03-28T12:00:00Z'),
      duration: 24,
      unit: 'hours',
      timeZone: 'Europe/London',
      holidays: none,
    });
    expect(due.dueAt.toISOString()).toBe('2026-03-29T12:00:00.000Z');
  });
});

describe('local days', () => {
  it('startOfLocalDay is midnight in the zone', () => {
    expect(startOfLocalDay('2026-07-01', 'Europe/London').toISOString()).toBe(
      '2026-06-30T23:00:00.000Z',
    );
    expect(startOfLocalDay('2026-07-01', 'Asia/Bangkok').toISOString()).toBe(
      '2026-06-30T17:00:00.000Z',
    );
  });
});
