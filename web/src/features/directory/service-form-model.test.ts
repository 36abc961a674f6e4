import { describe, expect, it } from 'vitest';
import { ServiceInputSchema } from './directory.schema';
import { EMPTY_SERVICE, formField, splitList, toServiceInput } from './service-form-model';

describe('service form model', () => {
  it('turns typed lists into the API’s lists', () => {
    expect(splitList('tha, mmr khm', true)).toEqual(['THA', 'MMR', 'KHM']);
    expect(splitList('Tak, Mae Sot district')).toEqual(['Tak', 'Mae Sot district']);
  });

  it('builds an input the server’s schema accepts', () => {
    const input = toServiceInput({
      ...EMPTY_SERVICE,
      kind: 'reception',
      name: 'Airport reception',
      countries: 'ken',
      languages: 'sw en',
      phone: '+254 700 000 000',
      minAge: '18',
    });
    const parsed = ServiceInputSchema.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({
      countries: ['KEN'],
      languages: ['sw', 'en'],
      eligibility: { minAge: 18, maxAge: null },
      contact: { phone: '+254 700 000 000' },
    });
  });

  it('points nested and indexed issues at their form field', () => {
    expect(formField(['contact', 'email'])).toBe('email');
    expect(formField('body.eligibility.maxAge')).toBe('maxAge');
    expect(formField('countries.1')).toBe('countries');
    const parsed = ServiceInputSchema.safeParse(toServiceInput(EMPTY_SERVICE));
    expect(parsed.error?.issues.map((i) => formField(i.path))).toEqual(
      expect.arrayContaining(['kind', 'name', 'countries', 'languages']),
    );
  });
});
