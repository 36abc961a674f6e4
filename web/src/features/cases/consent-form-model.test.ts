import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  checkConsentForm,
  EMPTY_FORM,
  toConsentBody,
  type ConsentForm,
} from './consent-form-model';

/** Answers with the key, so the test sees which message a field gets. */
const t = ((key: string) => key) as unknown as TFunction;

const LEGAL: ConsentForm = {
  ...EMPTY_FORM,
  purpose: 'legal_proceedings',
  dataCategories: ['narrative'],
  decision: 'given',
};

describe('consent form: an authority for legal proceedings', () => {
  it('asks for the authority name and kind, keyed by their fields', () => {
    const checked = checkConsentForm(LEGAL, false, t);
    expect(checked.body).toBeNull();
    expect(checked.errors).toMatchObject({
      recipientName: 'consent.errors.authorityName',
      recipientAuthorityKind: 'consent.errors.authorityKind',
    });
    expect(checked.errors).not.toHaveProperty('recipientOrganisationId');
    const named = checkConsentForm({ ...LEGAL, recipientName: '  ' }, false, t);
    expect(named.errors).toHaveProperty('recipientName');
  });

  it('sends the trimmed name and the kind, and no organisation', () => {
    const form: ConsentForm = {
      ...LEGAL,
      recipientName: ' Central Court ',
      recipientAuthorityKind: 'court',
      recipientOrganisationId: '0190a8c4-0000-7000-8000-000000000001',
    };
    const checked = checkConsentForm(form, false, t);
    expect(checked.errors).toBeNull();
    expect(checked.body).toMatchObject({
      purpose: 'legal_proceedings',
      recipientName: 'Central Court',
      recipientAuthorityKind: 'court',
    });
    expect(checked.body?.recipientOrganisationId).toBeUndefined();
  });

  it('drops an authority typed earlier when another purpose is chosen', () => {
    const body = toConsentBody(
      { ...LEGAL, purpose: 'photos', recipientName: 'Court', recipientAuthorityKind: 'court' },
      false,
    );
    expect(body.recipientName).toBeUndefined();
    expect(body.recipientAuthorityKind).toBeUndefined();
    expect(checkConsentForm({ ...LEGAL, purpose: 'photos' }, false, t).errors).toBeNull();
  });
});
