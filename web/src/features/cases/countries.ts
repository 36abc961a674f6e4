/**
 * The countries most cases involve (South-East and South Asia, East Africa, the Gulf, common
 * destinations), as ISO 3166-1 alpha-3 → alpha-2, so `Intl.DisplayNames` can name them in the UI
 * language. Any other country is entered as its alpha-3 code.
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

/** The country's name in `locale`, or the code itself when it is not in the table. */
export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) {
    return '';
  }
  const alpha2 = COMMON_COUNTRIES[code];
  if (!alpha2) {
    return code;
  }
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(alpha2) ?? code;
  } catch {
    return code;
  }
}

/** The table's countries, sorted by their name in `locale`. */
export function countryOptions(locale: string): { value: string; label: string }[] {
  const collator = new Intl.Collator(locale);
  return Object.keys(COMMON_COUNTRIES)
    .map((code) => ({ value: code, label: countryName(code, locale) }))
    .sort((a, b) => collator.compare(a.label, b.label));
}
