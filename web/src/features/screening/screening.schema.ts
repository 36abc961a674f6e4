/**
 * The screening contract, shared with the server (see cases.schema.ts): only the zod-only
 * `*.schema.ts` files are imported from `src/`, so the types cannot drift from the API.
 */
export {
  ELEMENTS,
  STRENGTHS,
  type Element,
  type RuleSet,
  type Strength,
} from '@/domain/screening/instrument.schema.ts';
export {
  ANSWER_VALUES,
  type AnswerValue,
  type Finding,
  type PartResult,
  type PartStatus,
  type RulesReason,
} from '@/domain/screening/screening.schema.ts';
export {
  EVIDENCE_KINDS,
  MAX_EVIDENCE_NOTE,
  MAX_STATEMENT,
  type AnswerInput,
  type AnswerView,
  type EvidenceKind,
  type InstrumentList,
  type InstrumentView,
  type Screening,
  type ScreeningCreate,
  type ScreeningList,
  type ScreeningStatus,
  type ScreeningSummary,
  type ScreeningUpdate,
} from '@/domain/screening/screening-views.schema.ts';
export {
  AUTHORITY_KINDS,
  type AuthorityKind,
  type ConsentView,
} from '@/domain/consent/consent.schema.ts';

/** The languages an interview can be held in today (instrument texts exist for these). */
export const INTERVIEW_LANGS = ['en', 'th'] as const;
export type InterviewLang = (typeof INTERVIEW_LANGS)[number];

/** The UI language when an interview can be held in it, else English. */
export function interviewLangFor(uiLanguage: string): InterviewLang {
  return (INTERVIEW_LANGS as readonly string[]).includes(uiLanguage)
    ? (uiLanguage as InterviewLang)
    : 'en';
}
