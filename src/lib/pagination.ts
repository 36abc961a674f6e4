import { cursorParts } from './cursor.schema.ts';
import { validationFailed, type AppError } from './errors.ts';

/** A page of items and the cursor of the next page (null at the end). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Builds a page from `limit + 1` fetched rows: the extra row only signals that more exist. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? cursorOf(last) : null };
}

/** Encodes an opaque cursor. */
export function encodeCursor(value: string): string {
  return Buffer.from(value, 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor`; returns null for anything malformed, including a
 * part that is not a well-formed value the database accepts (see `CursorPart`), so a service
 * never puts an edited cursor's year 0000 or 1e999 into a query.
 */
export function decodeCursor(cursor: string | undefined): string | null {
  if (!cursor) {
    return null;
  }
  return cursorParts(cursor)?.join('|') ?? null;
}

/** The 400 answer for a cursor this server did not make (or made for another query). */
export function invalidCursor(): AppError {
  const message = 'Not a cursor from this list: start again from page 1';
  return validationFailed([{ path: 'cursor', message }], 'The cursor is not valid for this list');
}
