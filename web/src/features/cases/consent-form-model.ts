import type { TFunction } from 'i18next';
import { zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import {
  ConsentCreateSchema,
  type ConsentCreate,
  type ConsentDecision,
  type ConsentMethod,
  type ConsentPurpose,
  type DataCategory,
} from './cases.schema';

/**
 * The consent form as typed. The answer, the purpose, the recipient and the categories start
 * empty: each must be chosen with the person (nothing is preset to "agrees" or "everything").
 */
export interface ConsentForm {
  purpose: ConsentPurpose | '';
  recipientOrganisationId: string;
  dataCategories: DataCategory[];
  method: ConsentMethod;
  decision: ConsentDecision | '';
  validUntil: string;
  guardianName: string;
  bestInterestNote: string;
}

export const EMPTY_FORM: ConsentForm = {
  purpose: '',
  recipientOrganisationId: '',
  dataCategories: [],
  method: 'verbal',
  decision: '',
  validUntil: '',
  guardianName: '',
  bestInterestNote: '',
};

export const NEEDS_RECIPIENT: ReadonlySet<ConsentPurpose | ''> = new Set([
  'referral',
  'cross_border_sharing',
]);

/** The fields of the form top to bottom, for the error summary. */
export const CONSENT_FIELDS = [
  'purpose',
  'recipientOrganisationId',
  'dataCategories',
  'decision',
  'validUntil',
  'guardianName',
] as const;

/** The form as the API's create body (unvalidated: the server's schema checks it). */
export function toConsentBody(form: ConsentForm, possibleMinor: boolean): Record<string, unknown> {
  return {
    purpose: form.purpose || undefined,
    recipientOrganisationId:
      (NEEDS_RECIPIENT.has(form.purpose) && form.recipientOrganisationId) || undefined,
    dataCategories: form.dataCategories,
    method: form.method,
    decision: form.decision || undefined,
    validUntil: form.validUntil || undefined,
    guardianName: (possibleMinor && form.guardianName.trim()) || undefined,
    bestInterestNote: (possibleMinor && form.bestInterestNote.trim()) || undefined,
  };
}

/** What to do about each required choice left open, in words the person recording can act on. */
const MISSING = {
  purpose: 'consent.errors.purpose',
  recipient: 'consent.errors.recipient',
  recipientOrganisationId: 'consent.errors.recipient',
  dataCategories: 'consent.errors.dataCategories',
  decision: 'consent.decisionRequired',
  validUntil: 'consent.errors.validUntil',
} as const;

/**
 * Checks the form with the server's `ConsentCreateSchema` (and the guardian rule the server
 * applies to a possible minor): the parsed body, or field errors keyed by `CONSENT_FIELDS`.
 */
export function checkConsentForm(
  form: ConsentForm,
  possibleMinor: boolean,
  t: TFunction,
): { body: ConsentCreate; errors: null } | { body: null; errors: FieldErrors } {
  const parsed = ConsentCreateSchema.safeParse(toConsentBody(form, possibleMinor));
  const errors: FieldErrors = {};
  if (!parsed.success) {
    const messages = zodFieldErrors(parsed.error, t);
    for (const issue of parsed.error.issues) {
      const path = String(issue.path[0] ?? '');
      const field = path === 'recipient' ? 'recipientOrganisationId' : path;
      const key = path in MISSING ? MISSING[path as keyof typeof MISSING] : undefined;
      errors[field] ??= key ? t(key) : (messages[path] ?? t('validation.invalid'));
    }
  }
  if (
    possibleMinor &&
    form.decision === 'given' &&
    !form.guardianName.trim() &&
    !form.bestInterestNote.trim()
  ) {
    errors.guardianName = t('consent.guardianRequired');
  }
  if (!parsed.success || Object.keys(errors).length > 0) {
    return { body: null, errors };
  }
  return { body: parsed.data, errors: null };
}
