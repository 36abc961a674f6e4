import { TZDate } from '@date-fns/tz';
import { addDays, addHours, endOfDay, format, isWeekend } from 'date-fns';
import type { DurationUnit } from './nrm.schema.ts';

/**
 * Deadline arithmetic in a jurisdiction's own calendar (date-fns on `TZDate`s of its IANA
 * zone): a day is a day there, so summer time and the server's zone change nothing. Working
 * days skip Saturdays, Sundays and the jurisdiction's public holidays.
 */

/** When a step is due: the instant, and the day in the jurisdiction's calendar. */
export interface Due {
  dueAt: Date;
  dueOn: string;
}

export interface DueInput {
  /** When the step's clock started. */
  start: Date;
  duration: number;
  unit: DurationUnit;
  timeZone: string;
  /** The jurisdiction's public holidays, `YYYY-MM-DD`. */
  holidays: ReadonlySet<string>;
}

const DAY = 'yyyy-MM-dd';

/** The calendar day of `at` in `timeZone`, `YYYY-MM-DD`. */
export function localDay(at: Date, timeZone: string): string {
  return format(new TZDate(at.getTime(), timeZone), DAY);
}

/** The first instant of the day `day` (`YYYY-MM-DD`) in `timeZone`. */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, timeZone).getTime());
}

/** True when `day` is neither a weekend day nor one of `holidays` (in its own zone). */
export function isWorkingDay(day: TZDate, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(day) && !holidays.has(format(day, DAY));
}

/**
 * The `n`th working day after `day` (the day itself is day 0, as a referral received on a
 * Friday evening has its first working day on Monday).
 * @example addWorkingDays(fri 2 Jan 2026, 5, none) // fri 9 Jan 2026
 */
export function addWorkingDays(day: TZDate, n: number, holidays: ReadonlySet<string>): TZDate {
  let current = day;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, holidays)) {
      left -= 1;
    }
  }
  return current;
}

/**
 * When a step is due. Hours run from the start instant; calendar and working days count days
 * in the jurisdiction's calendar from the start's day and end at the end of the last one.
 * @example computeDue({ start, duration: 5, unit: 'working_days', timeZone: 'Europe/London', holidays })
 */
export function computeDue(input: DueInput): Due {
  const start = new TZDate(input.start.getTime(), input.timeZone);
  let due: TZDate;
  switch (input.unit) {
    case 'hours':
      due = addHours(start, input.duration);
      break;
    case 'calendar_days':
      due = endOfDay(addDays(start, input.duration));
      break;
    case 'working_days':
      due = endOfDay(addWorkingDays(start, input.duration, input.holidays));
      break;
  }
  return { dueAt: new Date(due.getTime()), dueOn: format(due, DAY) };
}
