import type { FieldIssue } from '@web/lib/api';
import type { FieldErrors } from '@web/lib/errors';
import { yearFromInput, yearToInput } from '@web/lib/format';
import { CaseUpdateSchema, type Case, type CaseUpdate } from './cases.schema';

/**
 * The case edit form as plain strings and rows, and how it becomes a `PATCH /api/cases/:id` body:
 * only the fields that changed are sent, so the audit entry names what was edited and sensitive
 * fields are never written back unchanged.
 */

export type NameKind = 'primary' | 'alias' | 'transliteration';

export interface NameRow {
  /** Stable React key and element id part; not sent. */
  key: string;
  kind: NameKind;
  given: string;
  family: string;
  script: string;
}

export interface DocumentRow {
  key: string;
  type: string;
  number: string;
  issuingCountry: string;
}

export interface ContactRow {
  key: string;
  kind: string;
  value: string;
  note: string;
}

export interface EditForm {
  /** The first row is the primary name; the others are aliases and transliterations. */
  names: NameRow[];
  nationality: string;
  birthYear: string;
  estimatedAge: string;
  sex: string;
  languages: string[];
  recruitmentChannel: string;
  recruitmentDate: string;
  exitDate: string;
  exitMethod: string;
  riskLevel: string;
  status: string;
  assigneeIds: string[];
  currentLocation: string;
  narrative: string;
  documents: DocumentRow[];
  contacts: ContactRow[];
}

let lastKey = 0;
/** A key for a new row, unique in this page. */
export function rowKey(): string {
  lastKey += 1;
  return `r${lastKey}`;
}

/** BCP 47 language tag, as the server checks it. */
export const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** `my-mm` → `my-MM`, `ZH-hans` → `zh-Hans`: the usual casing of a tag, where `Intl` knows it. */
export function normaliseLanguageTag(tag: string): string {
  const trimmed = tag.trim();
  try {
    return Intl.getCanonicalLocales(trimmed)[0] ?? trimmed;
  } catch {
    return trimmed;
  }
}

export function toEditForm(record: Case, locale = 'en'): EditForm {
  const primaryIndex = Math.max(
    0,
    record.identities.findIndex((item) => item.kind === 'primary'),
  );
  const ordered = [
    ...record.identities.slice(primaryIndex, primaryIndex + 1),
    ...record.identities.filter((_, index) => index !== primaryIndex),
  ];
  return {
    names: ordered.map((identity, index) => ({
      key: rowKey(),
      kind: index === 0 ? 'primary' : identity.kind === 'alias' ? 'alias' : 'transliteration',
      given: identity.given ?? '',
      family: identity.family ?? '',
      script: identity.script ?? 'Zyyy',
    })),
    nationality: record.nationality ?? '',
    birthYear: yearToInput(record.birthYear, locale),
    estimatedAge: record.estimatedAge?.toString() ?? '',
    sex: record.sex ?? '',
    languages: [...record.languages],
    recruitmentChannel: record.recruitmentChannel ?? '',
    recruitmentDate: record.recruitmentDate ?? '',
    exitDate: record.exitDate ?? '',
    exitMethod: record.exitMethod ?? '',
    riskLevel: record.riskLevel,
    status: record.status,
    assigneeIds: record.assignees.map((assignee) => assignee.id),
    currentLocation: record.sensitive?.currentLocation ?? '',
    narrative: record.sensitive?.narrative ?? '',
    documents: (record.sensitive?.documents ?? []).map((document) => ({
      key: rowKey(),
      type: document.type,
      number: document.number,
      issuingCountry: document.issuingCountry ?? '',
    })),
    contacts: (record.sensitive?.contacts ?? []).map((contact) => ({
      key: rowKey(),
      kind: contact.kind,
      value: contact.value,
      note: contact.note ?? '',
    })),
  };
}

const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
/**
 * A single value the API clears when sent `null` (`CaseUpdateSchema`): an emptied field becomes
 * `null`, so emptying it in the form clears it. The record's own empty values map to `null` too,
 * so an untouched empty field is not a change.
 */
const clearable = (value: string) => (value.trim() === '' ? null : value.trim());
const clearableNum = (value: string) => (value.trim() === '' ? null : Number(value.trim()));

/** What the edit would write, field by field, before comparing with the record. */
interface Candidate {
  values: Record<string, unknown>;
  /** Index in `identities` → index in `form.names` (empty extra names are left out). */
  nameRows: number[];
}

function candidate(form: EditForm, options: EditOptions): Candidate {
  const nameRows: number[] = [];
  const identities = form.names.flatMap((row, index) => {
    if (index > 0 && !row.given.trim() && !row.family.trim()) {
      return [];
    }
    nameRows.push(index);
    return [
      {
        given: text(row.given),
        family: text(row.family),
        script: row.script,
        kind: index === 0 ? 'primary' : row.kind,
      },
    ];
  });
  const values: Record<string, unknown> = {
    identities,
    nationality: clearable(form.nationality),
    birthYear: yearFromInput(form.birthYear, options.locale ?? 'en') ?? null,
    estimatedAge: clearableNum(form.estimatedAge),
    sex: clearable(form.sex),
    languages: form.languages,
    recruitmentChannel: clearable(form.recruitmentChannel),
    recruitmentDate: clearable(form.recruitmentDate),
    exitDate: clearable(form.exitDate),
    exitMethod: clearable(form.exitMethod),
    riskLevel: form.riskLevel,
    status: form.status,
  };
  if (options.canAssign) {
    values.assigneeIds = [...form.assigneeIds].sort();
  }
  if (options.sensitive) {
    Object.assign(values, {
      currentLocation: clearable(form.currentLocation),
      // Line breaks and indentation of a narrative are kept; only an all-blank one clears it.
      narrative: form.narrative.trim() === '' ? null : form.narrative,
      documents: form.documents.map((row) => ({
        type: row.type,
        number: row.number.trim(),
        issuingCountry: text(row.issuingCountry),
      })),
      contacts: form.contacts.map((row) => ({
        kind: row.kind,
        value: row.value.trim(),
        note: text(row.note),
      })),
    });
  }
  return { values, nameRows };
}

export interface EditOptions {
  /** The user may change who the case is assigned to (`case.assign`). */
  canAssign: boolean;
  /** The user sees (and so may edit) sensitive fields: the record came with them. */
  sensitive: boolean;
  /** The UI language: the birth year is typed in the user's calendar (Buddhist era for Thai). */
  locale?: string;
}

export type EditProblem =
  | { kind: 'dateOrder'; field: string }
  | { kind: 'invalid'; field: string; code: string; maximum?: number };

export interface EditResult {
  /** The changed fields only; empty when nothing changed. */
  update: CaseUpdate;
  problems: EditProblem[];
}

/** The fields whose value differs from the record's (an emptied one is `null`). */
function diff(next: Record<string, unknown>, base: Record<string, unknown>) {
  return Object.fromEntries(
    Object.entries(next).filter(
      ([field, value]) => JSON.stringify(value) !== JSON.stringify(base[field]),
    ),
  );
}

/**
 * The PATCH body for what changed between the record and the form, checked with the server's
 * schema. Problems are addressed by form path (`names.1.given`, `documents.0.number`).
 */
export function toUpdate(form: EditForm, record: Case, options: EditOptions): EditResult {
  const next = candidate(form, options);
  const changed = diff(next.values, candidate(toEditForm(record, options.locale), options).values);
  const problems: EditProblem[] = [];
  const { recruitmentDate, exitDate } = next.values;
  if (
    typeof recruitmentDate === 'string' &&
    typeof exitDate === 'string' &&
    exitDate < recruitmentDate
  ) {
    problems.push({ kind: 'dateOrder', field: 'exitDate' });
  }
  const parsed = CaseUpdateSchema.safeParse(changed);
  if (parsed.success) {
    return { update: parsed.data, problems };
  }
  for (const issue of parsed.error.issues) {
    problems.push({
      kind: 'invalid',
      field: formPath(issue.path.map(String), next.nameRows),
      code: issue.code,
      ...('maximum' in issue && { maximum: Number(issue.maximum) }),
    });
  }
  return { update: {}, problems };
}

/**
 * An input path (`identities.2.given`) as the form's path (`names.3.given`). A problem with a
 * whole name (neither part given) is shown at its given name.
 */
export function formPath(path: string[], nameRows: number[]): string {
  const [head, index, ...rest] = path;
  if (head === 'identities') {
    const row = index === undefined ? 0 : (nameRows[Number(index)] ?? Number(index));
    return ['names', row, rest[0] ?? 'given'].join('.');
  }
  if ((head === 'languages' || head === 'assigneeIds') && index !== undefined) {
    return head;
  }
  return path.join('.');
}

/** Server validation issues (`body.documents.0.number`) addressed like the form's fields. */
export function serverProblems(issues: FieldIssue[], form: EditForm, message: string): FieldErrors {
  const nameRows = form.names.flatMap((row, index) =>
    index > 0 && !row.given.trim() && !row.family.trim() ? [] : [index],
  );
  const result: FieldErrors = {};
  for (const issue of issues) {
    const parts = issue.path.split(/[./]/).filter(Boolean);
    const path = parts[0] === 'body' ? parts.slice(1) : parts;
    result[formPath(path, nameRows)] ??= message;
  }
  return result;
}

/** True when `errors` has a message for a path starting with one of `prefixes`. */
export function hasErrorUnder(errors: FieldErrors, prefixes: string[]): boolean {
  return Object.keys(errors).some((path) =>
    prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}.`)),
  );
}
