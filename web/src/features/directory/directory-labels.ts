import type { TFunction } from 'i18next';
import { countryName } from '@web/features/cases/countries';
import type { Availability, ReferralMethod, ServiceKind } from './directory.schema';

/** The words of the directory's codes, one typed key per value (no key is built from data). */
const KIND_KEYS = {
  shelter: 'directory.kinds.shelter',
  legal_aid: 'directory.kinds.legal_aid',
  medical: 'directory.kinds.medical',
  mental_health_psychosocial: 'directory.kinds.mental_health_psychosocial',
  reception: 'directory.kinds.reception',
  travel_documents: 'directory.kinds.travel_documents',
  livelihood_job_placement: 'directory.kinds.livelihood_job_placement',
  debt_counselling: 'directory.kinds.debt_counselling',
  education: 'directory.kinds.education',
  family_tracing: 'directory.kinds.family_tracing',
  hotline: 'directory.kinds.hotline',
} as const satisfies Record<ServiceKind, string>;

const AVAILABILITY_KEYS = {
  available: 'directory.availability.available',
  limited: 'directory.availability.limited',
  full: 'directory.availability.full',
} as const satisfies Record<Availability, string>;

const METHOD_KEYS = {
  homeward: 'directory.methods.homeward',
  phone: 'directory.methods.phone',
  email: 'directory.methods.email',
} as const satisfies Record<ReferralMethod, string>;

export function kindLabel(kind: ServiceKind, t: TFunction): string {
  return t(KIND_KEYS[kind]);
}

export function availabilityLabel(value: Availability, t: TFunction): string {
  return t(AVAILABILITY_KEYS[value]);
}

export function methodLabel(value: ReferralMethod, t: TFunction): string {
  return t(METHOD_KEYS[value]);
}

/**
 * Languages people who use the directory most often speak, for the search's language select
 * (any BCP 47 tag can be stored; a search matches the primary subtag).
 */
// prettier-ignore
export const COMMON_LANGUAGES = [
  'en', 'th', 'my', 'km', 'lo', 'vi', 'id', 'ms', 'fil', 'bn', 'ne', 'hi', 'ur', 'si', 'zh',
  'ko', 'ja', 'sw', 'am', 'ti', 'so', 'ar', 'ru', 'uz', 'kk', 'ky', 'fr', 'es', 'pt',
] as const;

/** A language tag's name in `locale` (`Intl.DisplayNames`), or the tag itself. */
export function languageName(tag: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Names of the countries, in `locale`, joined for reading. */
export function countryList(codes: readonly string[], locale: string): string {
  return codes.map((code) => countryName(code, locale)).join(', ');
}

/** Names of the languages, in `locale`, joined for reading. */
export function languageList(tags: readonly string[], locale: string): string {
  return tags.map((tag) => languageName(tag, locale)).join(', ');
}

const GENDER_KEYS = {
  female: 'directory.genders.female',
  male: 'directory.genders.male',
  non_binary: 'directory.genders.non_binary',
} as const;

export function genderLabel(value: keyof typeof GENDER_KEYS, t: TFunction): string {
  return t(GENDER_KEYS[value]);
}
