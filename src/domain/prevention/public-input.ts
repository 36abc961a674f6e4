import {
  JOB_CHECK_MAX_TEXT,
  JobCheckInputSchema,
} from '@/domain/prevention/jobcheck/jobcheck.schema.ts';
import { AppError, type FieldIssue, validationFailed } from '@/lib/errors.ts';

/**
 * Largest body of a public check (bytes): the longest text, every character written as a JSON
 * `\uXXXX` escape (6 bytes), plus the optional fields. A larger body is refused from its
 * Content-Length, before it is read; a smaller one with a text over the limit gets the same 413
 * from `assertPublicTextInput`.
 */
export const PUBLIC_BODY_LIMIT = 128 * 1024;

/**
 * Control characters other than tab and line breaks, C1 controls and lone surrogates: what
 * binary data or a broken encoding leaves in a string, never what a person pastes.
 */
const BINARY = /[^\P{Cc}\t\n\r]|\p{Cs}/u;

/** The string fields of the checker's input (text, title, salary, location, destination). */
const TEXT_FIELDS = Object.keys(JobCheckInputSchema.shape).filter((key) => key !== 'channel');

/**
 * Runs before the route's schema: a text longer than `JOB_CHECK_MAX_TEXT` once trimmed (as the
 * schema counts it) is 413 `payload_too_large`, not the schema's 400; a string field holding
 * control characters is 400 `validation_failed` naming the field. Anything else is left to the
 * schema (missing text, wrong types, unknown fields).
 */
export function assertPublicTextInput(body: unknown): void {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return;
  }
  const fields = body as Record<string, unknown>;
  const { text } = fields;
  if (typeof text === 'string' && text.trim().length > JOB_CHECK_MAX_TEXT) {
    throw new AppError(
      'payload_too_large',
      `The text is longer than ${JOB_CHECK_MAX_TEXT} characters: send the advert or message only.`,
    );
  }
  const issues: FieldIssue[] = TEXT_FIELDS.filter((key) => {
    const value = fields[key];
    return typeof value === 'string' && BINARY.test(value);
  }).map((key) => ({ path: `body.${key}`, message: 'Control characters are not allowed' }));
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
}
