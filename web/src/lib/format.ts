import type { Calendar } from '@/domain/auth/auth.schema.ts';

/**
 * Locale-aware formatting with `Intl`: the locale is the active UI language, the calendar is the
 * user's one calendar (issue 9: never a Buddhist-era date beside a Gregorian birth year). Every
 * date and every year on screen goes through this module.
 */

let chosenCalendar: Calendar | undefined;

/** The user's calendar preference from `/api/me` (undefined: the language's usual calendar). */
export function setCalendarPreference(calendar: Calendar | undefined): void {
  chosenCalendar = calendar;
}

/** The language's usual calendar: Buddhist era for Thai, Gregorian otherwise. */
export function languageCalendar(locale: string): Calendar {
  return locale.toLowerCase().startsWith('th') ? 'buddhist' : 'gregory';
}

/** The calendar dates are shown in: the user's choice, else the language's usual one. */
export function activeCalendar(locale: string): Calendar {
  return chosenCalendar ?? languageCalendar(locale);
}

/** A calendar day (`YYYY-MM-DD`) has no time zone: it is shown as that day everywhere. */
const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

function format(
  value: string | null | undefined,
  locale: string,
  options: Intl.DateTimeFormatOptions,
): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  const zone = CALENDAR_DAY.test(value) ? { timeZone: 'UTC' } : {};
  return new Intl.DateTimeFormat(locale, {
    ...options,
    ...zone,
    calendar: activeCalendar(locale),
  }).format(date);
}

/** Date and time, for example "3 Mar 2025, 14:05". Empty for a missing or invalid value. */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  return format(value, locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Date only, for example "3 Mar 2025" (or "10 มี.ค. 2568" in the Buddhist calendar). */
export function formatDate(value: string | null | undefined, locale: string): string {
  return format(value, locale, { dateStyle: 'medium' });
}

/**
 * A Gregorian year number (a birth year) in the user's calendar: 1990 is "พ.ศ. 2533" for a Thai
 * user in the Buddhist calendar. Empty for a missing value.
 */
export function formatYear(year: number | null | undefined, locale: string): string {
  if (year === null || year === undefined || !Number.isInteger(year)) {
    return '';
  }
  // Mid-year, so the era's new year (Buddhist: 1 January since 1941) never shifts the number.
  const date = new Date(Date.UTC(year, 6, 1));
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    timeZone: 'UTC',
    calendar: activeCalendar(locale),
  }).format(date);
}

/** Buddhist era = Gregorian + 543 (Thailand's official calendar). */
const BUDDHIST_ERA_OFFSET = 543;

/** Years typed in the Buddhist era are at least this (2443 BE is 1900 CE). */
const FIRST_BUDDHIST_INPUT = 2400;

/** True when years are typed and shown in the Buddhist era (the user's calendar). */
export function yearInputIsBuddhist(locale: string): boolean {
  return activeCalendar(locale) === 'buddhist';
}

/**
 * A year as the person typed it, in their calendar, as the Gregorian number the server keeps:
 * in the Buddhist era 2533 is 1990; a Gregorian year typed anyway (below 2400) is taken as it is.
 * Undefined when empty; NaN when it is not a number (the form's validation then says so).
 */
export function yearFromInput(value: string, locale: string): number | undefined {
  const text = value.trim();
  if (text === '') {
    return undefined;
  }
  const year = Number(text);
  return yearInputIsBuddhist(locale) && year >= FIRST_BUDDHIST_INPUT
    ? year - BUDDHIST_ERA_OFFSET
    : year;
}

/** A Gregorian year as the form shows it for typing, in the user's calendar ("" when none). */
export function yearToInput(year: number | null | undefined, locale: string): string {
  if (year === null || year === undefined) {
    return '';
  }
  return String(yearInputIsBuddhist(locale) ? year + BUDDHIST_ERA_OFFSET : year);
}

/** A number in the UI language's digits and grouping, for example "1,234" or "১,২৩৪". */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}

/**
 * Turns the value of an `<input type="date">` (a local calendar day) into an ISO instant: the start
 * of that day, or with `endOfDay` the start of the next day, so a "to" filter includes the whole day.
 */
export function localDayToIso(day: string, endOfDay = false): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) {
    return undefined;
  }
  const [, year, month, date] = match;
  const start = new Date(Number(year), Number(month) - 1, Number(date) + (endOfDay ? 1 : 0));
  return start.toISOString();
}
