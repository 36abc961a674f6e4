import { z } from 'zod';

/**
 * The calendar dates the API accepts anywhere (birth dates, journey events, due dates, consent
 * expiry, audit filters). Narrower than what PostgreSQL stores, so that no date — or a date plus
 * the months of a follow-up schedule — can fall outside what the database and JavaScript both
 * represent: year 0000, five-digit years and 31 February are refused before any query.
 */
export const MIN_DATE = '1900-01-01';
export const MAX_DATE = '2999-12-31';
const RANGE_MESSAGE = `Use a date between ${MIN_DATE} and ${MAX_DATE}`;

/** `YYYY-MM-DD`, a real calendar day between `MIN_DATE` and `MAX_DATE`. */
export const IsoDateSchema = z.iso
  .date()
  .refine((d) => d >= MIN_DATE && d <= MAX_DATE, { message: RANGE_MESSAGE });

/** An ISO 8601 date-time with an offset whose UTC day lies between `MIN_DATE` and `MAX_DATE`. */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true }).refine(
  (value) => {
    const ms = Date.parse(value);
    if (!Number.isFinite(ms)) {
      return false;
    }
    const day = utcDay(new Date(ms));
    return day >= MIN_DATE && day <= MAX_DATE;
  },
  { message: RANGE_MESSAGE },
);

/**
 * The UTC calendar day of `at`, `YYYY-MM-DD`: "today" for a service is `utcDay(ctx.now())`
 * (due dates, consent expiry, dates that may not be in the future).
 */
export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** True when `y-m-d` exists in the Gregorian calendar (no 31 February, 29 February in leap years). */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
