import type { TFunction } from 'i18next';
import { type FieldErrors } from '@web/lib/errors';
import { yearFromInput } from '@web/lib/format';

export interface RegisterForm {
  given: string;
  family: string;
  script: string;
  secondName: boolean;
  altGiven: string;
  altFamily: string;
  altScript: string;
  altKind: 'alias' | 'transliteration';
  nationality: string;
  birthYear: string;
  estimatedAge: string;
  sex: string;
  mayBeMinor: boolean;
  contactKind: string;
  contactValue: string;
  consentDecision: string;
  consentMethod: string;
  guardianName: string;
  bestInterestNote: string;
}

export const EMPTY: RegisterForm = {
  given: '',
  family: '',
  script: 'Latn',
  secondName: false,
  altGiven: '',
  altFamily: '',
  altScript: 'Latn',
  altKind: 'transliteration',
  nationality: '',
  birthYear: '',
  estimatedAge: '',
  sex: '',
  mayBeMinor: false,
  contactKind: 'phone',
  contactValue: '',
  consentDecision: '',
  consentMethod: 'verbal',
  guardianName: '',
  bestInterestNote: '',
};

/** Where older versions kept the registration draft, in clear, on the device. */
const LEGACY_DRAFT_PREFIX = 'homeward.cases.registerDraft.';

/**
 * Deletes registration drafts that older versions kept in localStorage in clear (a name and a
 * safe contact on the device): drafts now live on the server, encrypted (`useDraft`).
 */
export function forgetLegacyDrafts(): void {
  try {
    const keys = Object.keys(window.localStorage).filter((k) => k.startsWith(LEGACY_DRAFT_PREFIX));
    keys.forEach((key) => window.localStorage.removeItem(key));
  } catch {
    // Storage blocked: then nothing was stored there either.
  }
}

export const toNumber = (value: string) => (value.trim() === '' ? undefined : Number(value.trim()));

export const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

/** `locale` decides the calendar the birth year was typed in (Buddhist era for Thai). */
export function looksUnder18(form: RegisterForm, locale: string): boolean {
  const year = yearFromInput(form.birthYear, locale);
  const age = toNumber(form.estimatedAge);
  return (
    form.mayBeMinor ||
    (year !== undefined && new Date().getFullYear() - year < 18) ||
    (age !== undefined && age < 18)
  );
}

export function toCreateBody(form: RegisterForm, locale: string): Record<string, unknown> {
  const identities: Record<string, unknown>[] = [
    {
      given: orUndefined(form.given),
      family: orUndefined(form.family),
      script: form.script,
      kind: 'primary',
    },
  ];
  if (form.secondName && (form.altGiven.trim() || form.altFamily.trim())) {
    identities.push({
      given: orUndefined(form.altGiven),
      family: orUndefined(form.altFamily),
      script: form.altScript,
      kind: form.altKind,
    });
  }
  const minor = looksUnder18(form, locale);
  return {
    identities,
    nationality: orUndefined(form.nationality),
    birthYear: yearFromInput(form.birthYear, locale),
    estimatedAge: toNumber(form.estimatedAge),
    sex: orUndefined(form.sex),
    possibleMinor: minor || undefined,
    contacts: form.contactValue.trim()
      ? [{ kind: form.contactKind, value: form.contactValue.trim() }]
      : undefined,
    consent: form.consentDecision
      ? {
          decision: form.consentDecision,
          method: form.consentMethod,
          guardianName: minor ? orUndefined(form.guardianName) : undefined,
          bestInterestNote: minor ? orUndefined(form.bestInterestNote) : undefined,
        }
      : undefined,
  };
}

/**
 * The API's field errors keyed by this form's inputs (`identities` → the given name, `contacts`
 * → the contact, `consent` → the guardian for a minor, else the answer), so that every error
 * of the summary links to a field on the page.
 */
export function formErrors(
  errors: FieldErrors,
  paths: string[],
  minor: boolean,
  t: TFunction,
): FieldErrors {
  const { identities, contacts, consent, ...result } = errors;
  if (identities || paths.some((path) => path.startsWith('identities'))) {
    result.given ??= identities;
  }
  if (consent) {
    if (minor) {
      result.guardianName = t('consent.guardianRequired');
    } else {
      result.consentDecision ??= consent;
    }
  }
  if (contacts) {
    result.contactValue = contacts;
  }
  return result;
}
