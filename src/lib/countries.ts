import countries from 'i18n-iso-countries';

/** True when `code` is an assigned ISO 3166-1 alpha-3 code (upper case). */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.alpha3ToAlpha2(code) !== undefined;
}
