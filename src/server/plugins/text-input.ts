import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { type FieldIssue, validationFailed } from '@/lib/errors.ts';

const MAX_ISSUES = 20;

/**
 * Refuses a NUL character (U+0000) anywhere in a request's path parameters, query string or JSON
 * body — values and keys — with 400 `validation_failed` naming each place, before the route's own
 * schema runs. PostgreSQL text cannot hold NUL: such a value would otherwise fail in the
 * database, as a 500 whose error message carries the value.
 */
export const textInputPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('preValidation', async (request) => {
    const paths = [
      ...nulPaths(request.params, 'params'),
      ...nulPaths(request.query, 'querystring'),
      ...nulPaths(request.body, 'body'),
    ].slice(0, MAX_ISSUES);
    if (paths.length > 0) {
      const errors: FieldIssue[] = paths.map((path) => ({
        path,
        message: 'NUL characters are not allowed',
      }));
      throw validationFailed(errors);
    }
  });
});

/**
 * Arrays and plain objects (JSON bodies; the query parser's objects, whose prototype is a
 * null-prototype object); buffers and streams are not walked.
 */
function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) {
    return true;
  }
  return (
    Object.prototype.toString.call(value) === '[object Object]' &&
    typeof (value as { pipe?: unknown }).pipe !== 'function'
  );
}

/** Paths (`body.identities.0.given`) of strings holding NUL, found without recursion. */
function nulPaths(root: unknown, rootPath: string): string[] {
  const found: string[] = [];
  const stack: [unknown, string][] = [[root, rootPath]];
  while (stack.length > 0 && found.length < MAX_ISSUES) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) {
        found.push(path);
      }
    } else if (isContainer(value)) {
      for (const [key, child] of Object.entries(value)) {
        const childPath = `${path}.${key.replaceAll('\u0000', '\\u0000')}`;
        if (key.includes('\u0000')) {
          found.push(childPath);
        }
        stack.push([child, childPath]);
      }
    }
  }
  return found.reverse();
}
