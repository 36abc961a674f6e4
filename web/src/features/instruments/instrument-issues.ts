import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldIssue } from '@web/lib/api';
import { fieldMessage, issueKind, type FieldErrors, type IssueKind } from '@web/lib/errors';
import { InstrumentSchema, type Instrument } from './instruments.schema';

/**
 * What `InstrumentSchema` (the server's) finds wrong with an instrument, as issues addressed by
 * their path in the document (`indicators.2.id`), each with a kind the messages are written for.
 */

/** Kinds with a message of their own under `instruments.issues`. */
export const INSTRUMENT_ISSUES = [
  'duplicateIndicator',
  'duplicateDimension',
  'duplicatePart',
  'unknownDimension',
  'unknownSource',
  'unknownPart',
  'elementOrDimensions',
  'selectsNone',
  'strengthTwice',
  'keyFormat',
  'indicatorIdFormat',
  'instrumentIdFormat',
  'sourceKeyFormat',
  'urlFormat',
] as const;
export type InstrumentIssueKind = (typeof INSTRUMENT_ISSUES)[number];

export interface InstrumentIssue {
  path: string;
  kind: InstrumentIssueKind | IssueKind;
  params: Record<string, unknown>;
}

/** The schema's own custom messages (instrument.schema.ts), with what they name. */
const CUSTOM: readonly [RegExp, InstrumentIssueKind][] = [
  [/^Indicator (?<name>\S+) appears more than once$/, 'duplicateIndicator'],
  [/^Dimension (?<name>\S+) appears more than once$/, 'duplicateDimension'],
  [/^Part (?<name>\S+) appears more than once$/, 'duplicatePart'],
  [/^Unknown dimension (?<name>\S+)$/, 'unknownDimension'],
  [/^Unknown source (?<name>\S+)$/, 'unknownSource'],
  [/^Unknown part (?<name>\S+)$/, 'unknownPart'],
  [/^A part names either an element or dimensions$/, 'elementOrDimensions'],
  [/^Part (?<name>\S+) selects no indicator$/, 'selectsNone'],
  [/^The terms of a clause name each strength once$/, 'strengthTwice'],
];

/** Pattern failures, by the last segment of the path (and, for `id`, where it is). */
function formatKind(path: readonly PropertyKey[], format: string): InstrumentIssueKind | null {
  const last = String(path.at(-1) ?? '');
  if (format === 'url') {
    return 'urlFormat';
  }
  if (last === 'id') {
    return path.length === 1 ? 'instrumentIdFormat' : 'indicatorIdFormat';
  }
  if (last === 'key' && path[0] === 'sources') {
    return 'sourceKeyFormat';
  }
  return format === 'regex' ? 'keyFormat' : null;
}

function toIssue(issue: z.core.$ZodIssue): InstrumentIssue {
  const path = issue.path.map(String).join('.');
  if (issue.code === 'custom') {
    for (const [pattern, kind] of CUSTOM) {
      const match = pattern.exec(issue.message);
      if (match) {
        return { path, kind, params: { name: match.groups?.name ?? '' } };
      }
    }
  }
  if (issue.code === 'invalid_type' && issue.expected === 'number') {
    // Zod does not report the input: a number typed wrong and one left out get the same message.
    return { path, kind: 'number', params: {} };
  }
  if (issue.code === 'invalid_format') {
    const kind = formatKind(issue.path, issue.format);
    if (kind) {
      return { path, kind, params: {} };
    }
  }
  return { path, ...issueKind(issue, String(issue.path.at(-1) ?? '')) };
}

export type CheckResult =
  { ok: true; instrument: Instrument } | { ok: false; issues: InstrumentIssue[] };

/** Checks `doc` with the server's schema. */
export function checkInstrument(doc: unknown): CheckResult {
  const parsed = InstrumentSchema.safeParse(doc);
  return parsed.success
    ? { ok: true, instrument: parsed.data }
    : { ok: false, issues: parsed.error.issues.map(toIssue) };
}

/** The message for one issue, in the user's language. */
export function issueMessage(issue: InstrumentIssue, t: TFunction): string {
  if ((INSTRUMENT_ISSUES as readonly string[]).includes(issue.kind)) {
    return t(`instruments.issues.${issue.kind as InstrumentIssueKind}`, issue.params);
  }
  return fieldMessage('instrument', issue.kind as IssueKind, t, issue.params);
}

/** Issues as field errors keyed by path (the first issue of a path wins). */
export function issueErrors(issues: readonly InstrumentIssue[], t: TFunction): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    errors[issue.path] ??= issueMessage(issue, t);
  }
  return errors;
}

/**
 * The server's `validation_failed` issues (paths like `body.indicators.0.id`) as field errors:
 * the form's own check of the same path when it explains it, else the general message.
 */
export function serverIssueErrors(
  issues: readonly FieldIssue[],
  t: TFunction,
  own: FieldErrors,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = issue.path.replace(/^body[./]?/, '').replace(/\//g, '.');
    errors[path] ??= own[path] ?? t('validation.server');
  }
  return errors;
}
