import { isCountryCode } from '@/lib/countries.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { type FieldIssue, validationFailed } from '@/lib/errors.ts';
import type { CaseCreate, CaseUpdate } from './cases.schema.ts';

type CaseInput = Partial<CaseCreate> | CaseUpdate;
/** The stored dates an edit is checked against when it leaves them unchanged. */
type StoredDates = { recruitmentDate: string | null; exitDate: string | null };

/** Country codes the schema lets through that name no country. */
function countryIssues(input: CaseInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const country = (path: string, code: string | null | undefined) => {
    if (code !== null && code !== undefined && !isCountryCode(code)) {
      issues.push({ path, message: `Unknown country code ${code}` });
    }
  };
  country('nationality', input.nationality);
  country('originCountry', input.originCountry);
  input.transitCountries?.forEach((c, i) => country(`transitCountries.${i}`, c));
  input.exploitationCountries?.forEach((c, i) => country(`exploitationCountries.${i}`, c));
  input.documents?.forEach((d, i) => country(`documents.${i}.issuingCountry`, d.issuingCountry));
  return issues;
}

/** Dates in the future, and an exit before the recruitment. */
function dateIssues(input: CaseInput, now: Date, stored: StoredDates | undefined): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const today = utcDay(now);
  if (input.birthYear && input.birthYear > now.getUTCFullYear()) {
    issues.push({ path: 'birthYear', message: 'The birth year is in the future' });
  }
  if (input.birthDate && input.birthDate > today) {
    issues.push({ path: 'birthDate', message: 'The birth date is in the future' });
  }
  for (const field of ['recruitmentDate', 'exitDate'] as const) {
    const value = input[field];
    if (value && value > today) {
      issues.push({ path: field, message: 'The date is in the future' });
    }
  }
  const recruited =
    input.recruitmentDate !== undefined ? input.recruitmentDate : stored?.recruitmentDate;
  const exited = input.exitDate !== undefined ? input.exitDate : stored?.exitDate;
  if (recruited && exited && exited < recruited) {
    issues.push({ path: 'exitDate', message: 'The exit date is before the recruitment date' });
  }
  return issues;
}

/** Consent given for a possible minor needs a guardian or a best-interest decision. */
function consentIssues(input: CaseInput, now: Date): FieldIssue[] {
  const consent = 'consent' in input ? input.consent : undefined;
  if (
    consent?.decision === 'given' &&
    isPossibleMinor(input, now) &&
    !consent.guardianName &&
    !consent.bestInterestNote
  ) {
    return [
      {
        path: 'consent',
        message: 'For a person who may be under 18, record a guardian or a best-interest decision',
      },
    ];
  }
  return [];
}

/**
 * Checks what the schema cannot: real country codes, no dates in the future, exit not before
 * recruitment (for an edit, against the stored date the edit leaves unchanged). Throws
 * validation_failed.
 */
export function assertCaseInput(input: CaseInput, now: Date, stored?: StoredDates): void {
  const issues = [
    ...countryIssues(input),
    ...dateIssues(input, now, stored),
    ...consentIssues(input, now),
  ];
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
}

/** The birth facts a case records; an edit may clear them (null). */
export interface BirthFacts {
  birthDate?: string | null | undefined;
  birthYear?: number | null | undefined;
  estimatedAge?: number | null | undefined;
  possibleMinor?: boolean | null | undefined;
}

/** Under 18, or possibly so: by birth date or year, estimated age, or the caseworker's flag. */
export function isPossibleMinor(input: BirthFacts, now: Date): boolean {
  if (input.possibleMinor) {
    return true;
  }
  const year = now.getUTCFullYear();
  if (input.birthDate) {
    const eighteenth = new Date(
      `${Number(input.birthDate.slice(0, 4)) + 18}${input.birthDate.slice(4)}T00:00:00Z`,
    );
    return eighteenth > now;
  }
  if (input.birthYear !== null && input.birthYear !== undefined) {
    return year - input.birthYear <= 18;
  }
  return input.estimatedAge !== null && input.estimatedAge !== undefined && input.estimatedAge < 18;
}

/**
 * The possible-minor flag after an edit. A flag the birth facts explain follows them; one the
 * caseworker set against them (or without any) stays until they untick it: a child is never
 * unflagged by accident.
 */
export function possibleMinorAfterEdit(
  stored: BirthFacts & { possibleMinor: boolean },
  patch: BirthFacts,
  now: Date,
): boolean {
  const pick = <K extends keyof BirthFacts>(k: K) =>
    patch[k] !== undefined ? patch[k] : stored[k];
  const facts = {
    birthDate: pick('birthDate'),
    birthYear: pick('birthYear'),
    estimatedAge: pick('estimatedAge'),
  };
  if (patch.possibleMinor !== null && patch.possibleMinor !== undefined) {
    return isPossibleMinor({ ...facts, possibleMinor: patch.possibleMinor }, now);
  }
  const explicit =
    stored.possibleMinor && !isPossibleMinor({ ...stored, possibleMinor: false }, now);
  return explicit || isPossibleMinor(facts, now);
}
