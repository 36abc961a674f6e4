import countries from 'i18n-iso-countries';
import { isCountryCode } from '@/lib/countries.ts';
import { validationFailed, type FieldIssue } from '@/lib/errors.ts';
import type { ServiceInput } from './directory.schema.ts';

/**
 * Checks of a service's input beyond its schema: assigned country codes (not only the shape)
 * and BCP 47 language tags, stored canonical (`Intl.getCanonicalLocales`: `TH` → `th`,
 * `sw-ke` → `sw-KE`) so that a search for a language finds every entry in it.
 */

/** The canonical form of a BCP 47 tag, or null when it is not a well-formed tag. */
export function canonicalLanguage(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

function countryIssues(codes: readonly string[], path: string): FieldIssue[] {
  return codes.flatMap((code, i) =>
    isCountryCode(code) ? [] : [{ path: `${path}.${i}`, message: `Unknown country code ${code}` }],
  );
}

/**
 * The input with canonical, de-duplicated languages and de-duplicated lists. Throws
 * `validation_failed` naming every unknown country or malformed language.
 */
export function checkedServiceInput(input: ServiceInput): ServiceInput {
  const issues = [
    ...countryIssues(input.countries, 'countries'),
    ...countryIssues(input.eligibility.nationalities, 'eligibility.nationalities'),
  ];
  const languages = input.languages.map((tag, i) => {
    const canonical = canonicalLanguage(tag);
    if (canonical === null) {
      issues.push({ path: `languages.${i}`, message: `Not a BCP 47 language tag: ${tag}` });
    }
    return canonical ?? tag;
  });
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
  return {
    ...input,
    countries: [...new Set(input.countries)],
    languages: [...new Set(languages)],
    regions: [...new Set(input.regions)],
    referralMethods: [...new Set(input.referralMethods)],
    eligibility: {
      ...input.eligibility,
      genders: [...new Set(input.eligibility.genders)],
      nationalities: [...new Set(input.eligibility.nationalities)],
    },
  };
}

/** A search's country, alpha-3 from alpha-2 or alpha-3 in any case; throws `validation_failed`. */
export function searchCountry(code: string | undefined): string | undefined {
  if (code === undefined) {
    return undefined;
  }
  const upper = code.toUpperCase();
  const alpha3 = upper.length === 2 ? countries.alpha2ToAlpha3(upper) : upper;
  if (alpha3 === undefined || !isCountryCode(alpha3)) {
    throw validationFailed([{ path: 'country', message: `Unknown country code ${code}` }]);
  }
  return alpha3;
}

/** A search's language as its primary subtag (`th-TH` → `th`); throws `validation_failed`. */
export function searchLanguage(tag: string | undefined): string | undefined {
  if (tag === undefined) {
    return undefined;
  }
  const canonical = canonicalLanguage(tag);
  if (canonical === null) {
    throw validationFailed([{ path: 'language', message: `Not a BCP 47 language tag: ${tag}` }]);
  }
  return canonical.split('-')[0]!.toLowerCase();
}
