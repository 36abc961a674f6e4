/**
 * Locale-aware formatting with `Intl`. The locale is the active UI language, so Thai users see the
 * Thai calendar and digits their system prefers.
 */

/** Date and time, for example "3 Mar 2025, 14:05". Empty for a missing or invalid value. */
export function formatDateTime(value: string | null | undefined, locale: string): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Date only, for example "3 Mar 2025". */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) {
    return '';
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(date);
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
