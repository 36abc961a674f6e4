import isoCodes from 'i18n-iso-countries/codes.json';

/** Every ISO 3166-1 country, alpha-3 → alpha-2 (the dependency the server validates codes with). */
const ALPHA3_TO_ALPHA2: ReadonlyMap<string, string> = new Map(
  isoCodes.map(([alpha2, alpha3]) => [alpha3 ?? '', alpha2 ?? '']),
);

/**
 * The countries most cases involve (South-East and South Asia, East Africa, the Gulf, common
 * destinations), as ISO 3166-1 alpha-3 → alpha-2, so `Intl.DisplayNames` can name them in the UI
 * language; they come first in a country select, before every other country.
 */
// prettier-ignore
export const COMMON_COUNTRIES: Readonly<Record<string, string>> = {
  THA: 'TH', MMR: 'MM', KHM: 'KH', LAO: 'LA', VNM: 'VN', MYS: 'MY', IDN: 'ID', PHL: 'PH',
  SGP: 'SG', TLS: 'TL', BRN: 'BN', CHN: 'CN', TWN: 'TW', HKG: 'HK', JPN: 'JP', KOR: 'KR',
  MNG: 'MN', IND: 'IN', BGD: 'BD', NPL: 'NP', LKA: 'LK', PAK: 'PK', AFG: 'AF', UZB: 'UZ',
  KGZ: 'KG', KAZ: 'KZ', RUS: 'RU', UKR: 'UA', ETH: 'ET', ERI: 'ER', KEN: 'KE', UGA: 'UG',
  TZA: 'TZ', SOM: 'SO', SDN: 'SD', SSD: 'SS', RWA: 'RW', NGA: 'NG', GHA: 'GH', ARE: 'AE',
  SAU: 'SA', QAT: 'QA', KWT: 'KW', OMN: 'OM', BHR: 'BH', JOR: 'JO', LBN: 'LB', TUR: 'TR',
  AUS: 'AU', GBR: 'GB', USA: 'US',
};

const ISO3 = /^[A-Z]{3}$/;

/** True for a well-formed alpha-3 code (whether or not it is in the table). */
export function isIso3(value: string): boolean {
  return ISO3.test(value);
}

/**
 * The country's name in `locale` (`Intl.DisplayNames`), for any ISO 3166-1 alpha-3 code; the code
 * itself only when it is not a country.
 */
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) {
    return '';
  }
  const alpha2 = ALPHA3_TO_ALPHA2.get(code);
  if (!alpha2) {
    return code;
  }
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(alpha2) ?? code;
  } catch {
    return code;
  }
}

/** True when `code` is an assigned ISO 3166-1 alpha-3 code. */
export function isCountry(code: string): boolean {
  return ALPHA3_TO_ALPHA2.has(code);
}

function sortedOptions(codes: Iterable<string>, locale: string) {
  const collator = new Intl.Collator(locale);
  return [...codes]
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

/** The table's countries, sorted by their name in `locale`. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  return sortedOptions(Object.keys(COMMON_COUNTRIES), locale);
}

/** Every other ISO country (not in the common table), sorted by its name in `locale`. */
export function otherCountryOptions(locale: string): { value: string; label: string }[] {
  return sortedOptions(
    [...ALPHA3_TO_ALPHA2.keys()].filter((code) => !(code in COMMON_COUNTRIES)),
    locale,
  );
}
