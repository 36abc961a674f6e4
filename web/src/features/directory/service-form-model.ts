import type {
  Availability,
  ReferralMethod,
  ServiceKind,
  StaffServiceDetail,
} from './directory.schema';

/** The service form's values: text as typed, lists as comma-separated text. */
export interface ServiceFormValues {
  kind: ServiceKind | '';
  name: string;
  description: string;
  countries: string;
  regions: string;
  languages: string;
  genders: string[];
  minAge: string;
  maxAge: string;
  nationalities: string;
  capacity: string;
  availability: Availability;
  phone: string;
  email: string;
  web: string;
  hours: string;
  referralMethods: ReferralMethod[];
  public: boolean;
  address: string;
}

export const EMPTY_SERVICE: ServiceFormValues = {
  kind: '',
  name: '',
  description: '',
  countries: '',
  regions: '',
  languages: '',
  genders: [],
  minAge: '',
  maxAge: '',
  nationalities: '',
  capacity: '',
  availability: 'available',
  phone: '',
  email: '',
  web: '',
  hours: '',
  referralMethods: ['homeward'],
  public: false,
  address: '',
};

/** Comma- or space-separated text as a list (countries upper-cased: alpha-3 codes). */
export function splitList(text: string, upper = false): string[] {
  return text
    .split(upper ? /[\s,;]+/ : /[,;]+/)
    .map((part) => (upper ? part.trim().toUpperCase() : part.trim()))
    .filter((part) => part !== '');
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));
const orUndefined = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The values as the API's `ServiceInput` (checked by the server's schema before sending). */
export function toServiceInput(v: ServiceFormValues): Record<string, unknown> {
  return {
    kind: v.kind === '' ? undefined : v.kind,
    name: v.name.trim(),
    description: orNull(v.description),
    countries: splitList(v.countries, true),
    regions: splitList(v.regions),
    languages: splitList(v.languages.replace(/\s+/g, ',')),
    eligibility: {
      genders: v.genders,
      minAge: numberOrNull(v.minAge),
      maxAge: numberOrNull(v.maxAge),
      nationalities: splitList(v.nationalities, true),
    },
    capacity: numberOrNull(v.capacity),
    availability: v.availability,
    contact: { phone: orUndefined(v.phone), email: orUndefined(v.email), web: orUndefined(v.web) },
    hours: orNull(v.hours),
    referralMethods: v.referralMethods,
    public: v.public,
    address: orNull(v.address),
  };
}

/** A stored service as form values (its address only when the caller may read it). */
export function fromService(s: StaffServiceDetail): ServiceFormValues {
  return {
    kind: s.service,
    name: s.name,
    description: s.description ?? '',
    countries: s.countries.join(', '),
    regions: s.regions.join(', '),
    languages: s.languages.join(', '),
    genders: s.eligibility.genders,
    minAge: s.eligibility.minAge?.toString() ?? '',
    maxAge: s.eligibility.maxAge?.toString() ?? '',
    nationalities: s.eligibility.nationalities.join(', '),
    capacity: s.capacity?.toString() ?? '',
    availability: s.availability,
    phone: s.contact.phone ?? '',
    email: s.contact.email ?? '',
    web: s.contact.web ?? '',
    hours: s.hours ?? '',
    referralMethods: s.referralMethods,
    public: s.public,
    address: s.address ?? '',
  };
}

/** The form field an issue's path points at (`contact.email` → `email`, `countries.1` → `countries`). */
export function formField(path: readonly PropertyKey[] | string): string {
  const parts =
    typeof path === 'string' ? path.replace(/^body\.?/, '').split('.') : path.map(String);
  const [first, second] = parts;
  if ((first === 'contact' || first === 'eligibility') && second !== undefined) {
    return second;
  }
  return first ?? '';
}
