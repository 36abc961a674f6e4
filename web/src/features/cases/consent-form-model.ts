import type { TFunction } from 'i18next';
import { zodFieldErrors, type FieldErrors } from '@web/lib/errors';
import type { AuthorityKind } from '@/domain/consent/consent.schema.ts';
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
 * For legal proceedings the recipient is an authority: its name and kind (`recipientName`,
 * `recipientAuthorityKind`) instead of an organisation.
 */
export interface ConsentForm {
  purpose: ConsentPurpose | '';
  recipientOrganisationId: string;
  recipientName: string;
  recipientAuthorityKind: AuthorityKind | '';
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
  recipientName: '',
  recipientAuthorityKind: '',
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

/** Purposes whose recipient is an authority (name and kind), not an organisation of the list. */
export const NEEDS_AUTHORITY: ReadonlySet<ConsentPurpose | ''> = new Set(['legal_proceedings']);

/** The fields of the form top to bottom, for the error summary. */
export const CONSENT_FIELDS = [
  'purpose',
  'recipientOrganisationId',
  'recipientName',
  'recipientAuthorityKind',
  'dataCategories',
  'decision',
  'validUntil',
  'guardianName',
] as const;

/** The form as the API's create body (unvalidated: the server's schema checks it). */
export function toConsentBody(form: ConsentForm, possibleMinor: boolean): Record<string, unknown> {
  const authority = NEEDS_AUTHORITY.has(form.purpose);
  return {
    purpose: form.purpose || undefined,
    recipientOrganisationId:
      (NEEDS_RECIPIENT.has(form.purpose) && form.recipientOrganisationId) || undefined,
    recipientName: (authority && form.recipientName.trim()) || undefined,
    recipientAuthorityKind: (authority && form.recipientAuthorityKind) || undefined,
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
  recipientName: 'consent.errors.authorityName',
  recipientAuthorityKind: 'consent.errors.authorityKind',
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
      const issuePath = String(issue.path[0] ?? '');
      // For an authority the unnamed recipient is its name (the name and kind are checked apart).
      const path =
        issuePath === 'recipient' && NEEDS_AUTHORITY.has(form.purpose)
          ? 'recipientName'
          : issuePath;
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
