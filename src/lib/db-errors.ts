/**
 * The constraint a unique violation (SQLSTATE 23505) broke, or null for any other error. Looks
 * through wrappers (Drizzle puts the driver's error in `cause`); node-postgres and PGlite both
 * report `code` and `constraint`.
 */
export function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const { code, constraint, cause } = e as {
      code?: unknown;
      constraint?: unknown;
      cause?: unknown;
    };
    if (code === '23505') {
      return typeof constraint === 'string' ? constraint : '';
    }
    e = cause;
  }
  return null;
}

/**
 * The SQLSTATE of a database error (e.g. `22007` invalid date format), looking through wrappers
 * (Drizzle's `DrizzleQueryError` keeps the driver's error in `cause`); null for other errors.
 * Safe to log: unlike the error's message and detail, it carries no value from the query.
 */
export function sqlState(err: unknown): string | null {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth += 1) {
    const { code, cause } = e as { code?: unknown; cause?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) {
      return code;
    }
    e = cause;
  }
  return null;
}
