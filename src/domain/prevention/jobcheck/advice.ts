import type { JobCheckLanguage, JobRisk } from './jobcheck.schema.ts';
import { LANGUAGES } from './rule-data.ts';
import type { RuleHit } from './rules.ts';

/**
 * What to check before going, tailored by the red flags that fired: the advice a sign calls for
 * comes first (a passport held → never hand it over), then the checks everyone should make,
 * more of them as the risk rises. Texts are in data/lang/<code>.json, English where missing.
 */

export const ADVICE_IDS = [
  'verify_company',
  'licensed_agency',
  'work_visa',
  'keep_passport',
  'tell_family',
  'reach_help',
  'no_fees',
  'contract_language',
  'take_time',
  'find_help',
] as const;
export type AdviceId = (typeof ADVICE_IDS)[number];

/** The advice each rule calls for, most pressing first. */
const FOR_RULE: Readonly<Record<string, readonly AdviceId[]>> = {
  passport_held: ['keep_passport', 'reach_help'],
  tourist_visa_for_work: ['work_visa', 'licensed_agency'],
  no_contract_or_permit: ['contract_language', 'work_visa'],
  upfront_fee: ['no_fees', 'licensed_agency'],
  costs_deducted_from_pay: ['no_fees', 'contract_language'],
  free_travel_visa: ['no_fees', 'contract_language'],
  location_changed: ['take_time', 'tell_family'],
  indirect_route: ['tell_family', 'reach_help'],
  hotspot_destination: ['tell_family', 'reach_help'],
  compound_area: ['tell_family', 'reach_help'],
  thailand_cover_offer: ['tell_family', 'verify_company'],
  vague_overseas_location: ['verify_company', 'tell_family'],
  recruited_by_acquaintance: ['verify_company', 'tell_family'],
  romance_invitation: ['tell_family', 'verify_company'],
  chat_app_contact: ['verify_company'],
  unsolicited_contact: ['verify_company'],
  no_real_interview: ['verify_company', 'licensed_agency'],
  crypto_gaming_employer: ['verify_company'],
  luxury_workplace: ['verify_company'],
  scam_chat_tasks: ['verify_company', 'find_help'],
  urgency: ['take_time'],
  students_targeted: ['tell_family', 'take_time'],
};

/** The checks everyone should make, by risk level. */
const BASE: Readonly<Record<JobRisk, readonly AdviceId[]>> = {
  low: ['verify_company', 'contract_language', 'tell_family'],
  medium: ['verify_company', 'keep_passport', 'tell_family', 'contract_language', 'no_fees'],
  high: [
    'verify_company',
    'keep_passport',
    'tell_family',
    'reach_help',
    'work_visa',
    'no_fees',
    'find_help',
  ],
};

/** An advice text in `lang`, or in English when that language has none. */
export function adviceText(id: AdviceId, lang: JobCheckLanguage): string {
  return LANGUAGES[lang]?.advice[id] ?? LANGUAGES.en!.advice[id]!;
}

/**
 * The advice for a result: first what the fired rules call for (strongest rule first), then the
 * base checks of the risk level, each advice once.
 * @example adviceFor(evaluateRules(input), 'high', 'th')
 */
export function adviceFor(
  hits: readonly RuleHit[],
  risk: JobRisk,
  lang: JobCheckLanguage,
): { id: string; text: string }[] {
  const ordered = [...hits].sort((a, b) => b.weight - a.weight);
  const ids = new Set<AdviceId>([...ordered.flatMap((h) => FOR_RULE[h.id] ?? []), ...BASE[risk]]);
  return [...ids].map((id) => ({ id, text: adviceText(id, lang) }));
}
