import countries from 'i18n-iso-countries';
import bn from 'i18n-iso-countries/langs/bn.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import id from 'i18n-iso-countries/langs/id.json' with { type: 'json' };
import km from 'i18n-iso-countries/langs/km.json' with { type: 'json' };
import ms from 'i18n-iso-countries/langs/ms.json' with { type: 'json' };
import sw from 'i18n-iso-countries/langs/sw.json' with { type: 'json' };
import th from 'i18n-iso-countries/langs/th.json' with { type: 'json' };
import vi from 'i18n-iso-countries/langs/vi.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import { isCountryCode } from '@/lib/countries.ts';

/**
 * Recognises the country a person typed ("Cambodia", "กัมพูชา", "Campuchia", "KH", "Sihanoukville,
 * Cambodia") as an ISO 3166-1 alpha-3 code. Names come from i18n-iso-countries in the languages of
 * affected communities it has (no Burmese or Filipino there: those fall back to English names and
 * the places below).
 */
const LOCALES = [en, th, id, vi, zh, km, bn, sw, ms];
for (const locale of LOCALES) {
  countries.registerLocale(locale);
}
const LANGS = LOCALES.map((l) => l.locale);

/** Places named in scam-compound recruitment instead of a country, and common other names. */
const PLACES: Readonly<Record<string, string>> = {
  burma: 'MMR',
  myawaddy: 'MMR',
  'shwe kokko': 'MMR',
  'kk park': 'MMR',
  'mae sot': 'THA',
  bangkok: 'THA',
  sihanoukville: 'KHM',
  'phnom penh': 'KHM',
  bavet: 'KHM',
  poipet: 'KHM',
  'golden triangle': 'LAO',
  bokeo: 'LAO',
  dubai: 'ARE',
  manila: 'PHL',
  'lao pdr': 'LAO',
  ไทย: 'THA',
  ພະມ້າ: 'MMR',
  พม่า: 'MMR',
  เมียวดี: 'MMR',
  สีหนุวิลล์: 'KHM',
  ลาว: 'LAO',
  缅甸: 'MMR',
  柬埔寨: 'KHM',
  西港: 'KHM',
};

function oneName(name: string): string | undefined {
  // Thai names often start with ประเทศ ("country").
  const plain = name.trim().replace(/^ประเทศ\s*/u, '');
  if (/^[A-Za-z]{2}$/.test(plain)) {
    return countries.alpha2ToAlpha3(plain.toUpperCase());
  }
  if (/^[A-Za-z]{3}$/.test(plain) && isCountryCode(plain.toUpperCase())) {
    return plain.toUpperCase();
  }
  const place = PLACES[plain.toLowerCase()];
  if (place) {
    return place;
  }
  for (const lang of LANGS) {
    const code = countries.getSimpleAlpha3Code(plain, lang);
    if (code) {
      return code;
    }
  }
  return undefined;
}

/**
 * The alpha-3 code of the country `text` names, trying the whole text and then each part
 * separated by commas, slashes or dashes (the last part first: "city, country"); null when none
 * is recognised.
 *
 * @example countryOf('Sihanoukville, Cambodia') // 'KHM'
 */
export function countryOf(text: string | undefined): string | null {
  if (text === undefined || text.trim() === '') {
    return null;
  }
  const parts = [text, ...text.split(/[,/|\-–()]+/).reverse()];
  for (const part of parts) {
    const code = part.trim() === '' ? undefined : oneName(part);
    if (code) {
      return code;
    }
  }
  return null;
}

/** The alpha-2 code of an alpha-3 one (a default region for phone numbers), if it has one. */
export function alpha2Of(alpha3: string | null): string | undefined {
  return alpha3 === null ? undefined : countries.alpha3ToAlpha2(alpha3);
}
