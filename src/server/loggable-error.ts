import { sqlState } from '@/lib/db-errors.ts';

/** What the log may say about an error (see `loggableError`). */
export interface LoggableError {
  type: string;
  code?: string;
  sqlState?: string;
  stack?: string[];
  cause?: LoggableError;
}

const SAFE_NAME = /^[A-Za-z0-9_.$-]{1,64}$/;

/**
 * The parts of an error that may be logged: its name, its code (the SQLSTATE of a database
 * error), its stack frames, and the same for its cause. Never its message — a database error's
 * message carries the query's values (`invalid input syntax for type date: "…"`, Drizzle's
 * `Failed query: … params: …`) — nor any other property (`query`, `params`, `detail`, rows).
 * Used as the log's `err` serializer, so every `log.error({ err })` is covered.
 */
export function loggableError(err: unknown, depth = 0): LoggableError {
  if (err === null || typeof err !== 'object') {
    return { type: typeof err };
  }
  const { name, code, stack, cause } = err as Record<string, unknown>;
  const state = depth === 0 ? sqlState(err) : null;
  const frames =
    typeof stack === 'string'
      ? stack
          .split('\n')
          .filter((line) => /^\s+at /.test(line))
          .map((line) => line.trim())
          .slice(0, 20)
      : [];
  return {
    type: errorType(err, name),
    ...(typeof code === 'string' && SAFE_NAME.test(code) && { code }),
    ...(state && { sqlState: state }),
    ...(frames.length > 0 && { stack: frames }),
    ...(cause !== undefined && depth < 3 && { cause: loggableError(cause, depth + 1) }),
  };
}

/** `DrizzleQueryError` and the like keep the name `Error`: their class says more. */
function errorType(err: object, name: unknown): string {
  const className = err.constructor?.name;
  if ((name === undefined || name === 'Error') && className && SAFE_NAME.test(className)) {
    return className === 'Object' ? 'Error' : className;
  }
  return typeof name === 'string' && SAFE_NAME.test(name) ? name : 'Error';
}

/**
 * Pino puts an error's message in the log line's `msg` when a call passes the error without a
 * message (`log.error(err)`, `log.error({ err })`), and Fastify's own error logging passes
 * `err.message` as the message: replace such a message with a fixed one.
 */
export const LOG_HOOKS = {
  logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void): void {
    const [first, second, ...rest] = args;
    const err =
      first instanceof Error ? first : (first as { err?: unknown } | null | undefined)?.err;
    if (err === undefined) {
      method.apply(this, args);
      return;
    }
    const message = err instanceof Error ? err.message : undefined;
    const msg = typeof second === 'string' && second !== message ? second : 'error';
    method.apply(this, [first instanceof Error ? { err: first } : first, msg, ...rest]);
  },
};
