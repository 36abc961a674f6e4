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
