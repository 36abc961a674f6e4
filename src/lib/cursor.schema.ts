import { z } from 'zod';
import { isCalendarDay } from './dates.schema.ts';

/**
 * What a list cursor may hold. A cursor is base64url text of `|`-separated parts that the server
 * wrote; each part is one of the kinds below, checked here so that an edited cursor is refused
 * (400) before its values reach a query, where an out-of-range one would fail in the database.
 * Zod only (no Buffer), so the web can import it.
 */
export type CursorPart = 'kind' | 'uuid' | 'date' | 'date-or-empty' | 'instant' | 'score' | 'seq';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d):([0-5]\d)(\.\d{1,6})?Z$/;
const BIGINT_MAX = 9223372036854775807n;

/** A date part, in the range the database stores (rows written before the API's date rule). */
function isStoredDate(value: string, pattern: RegExp): boolean {
  const m = pattern.exec(value);
  return !!m && Number(m[1]) >= 1 && isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** A search score exactly as `String(number)` wrote it, in a range float8 takes without error. */
function isScore(value: string): boolean {
  const n = Number(value);
  return (
    /^-?\d/.test(value) &&
    String(n) === value &&
    Math.abs(n) <= 1e6 &&
    (n === 0 || Math.abs(n) >= 1e-300)
  );
}

const PART_CHECKS: Record<CursorPart, (value: string) => boolean> = {
  kind: (v) => /^[a-z]$/.test(v),
  uuid: (v) => UUID.test(v),
  date: (v) => isStoredDate(v, DATE),
  'date-or-empty': (v) => v === '' || isStoredDate(v, DATE),
  instant: (v) => isStoredDate(v, INSTANT),
  score: isScore,
  seq: (v) => /^\d{1,19}$/.test(v) && BigInt(v) <= BIGINT_MAX,
};
const ANY_PART = Object.values(PART_CHECKS);

/** The text inside a base64url cursor, or null when it is not base64url of UTF-8 text. */
export function cursorText(cursor: string): string | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor) || cursor.length % 4 === 1) {
    return null;
  }
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * The parts of a cursor when each is a well-formed value of some `CursorPart` kind (or, given
 * `shapes`, when the parts match one of them exactly); else null.
 */
export function cursorParts(cursor: string, shapes?: readonly CursorPart[][]): string[] | null {
  const text = cursorText(cursor);
  if (text === null || text.length === 0 || text.length >= 200) {
    return null;
  }
  const parts = text.split('|');
  const ok = shapes
    ? shapes.some((s) => s.length === parts.length && s.every((k, i) => PART_CHECKS[k](parts[i]!)))
    : parts.length <= 4 && parts.every((p) => ANY_PART.some((check) => check(p)));
  return ok ? parts : null;
}

const MESSAGE = 'Not a cursor from this list: start again from page 1';

/** A `cursor` query parameter whose parts must match one of `shapes` (any kinds when omitted). */
export function cursorSchema(shapes?: readonly CursorPart[][]) {
  return z
    .string()
    .max(200)
    .refine((c) => cursorParts(c, shapes) !== null, { message: MESSAGE });
}

/** Any list's cursor: every part a well-formed value (the service checks which list it is from). */
export const CursorSchema = cursorSchema();
