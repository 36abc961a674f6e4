import { api, buildUrl } from '@web/lib/api';
import type {
  AuthorityKind,
  ConsentView,
  InstrumentList,
  InstrumentView,
  InterviewLang,
  Screening,
  ScreeningCreate,
  ScreeningList,
  ScreeningSummary,
  ScreeningUpdate,
} from './screening.schema';

const caseUrl = (caseId: string, rest = '') => `/api/cases/${encodeURIComponent(caseId)}${rest}`;
const screeningUrl = (caseId: string, screeningId: string, rest = '') =>
  caseUrl(caseId, `/screenings/${encodeURIComponent(screeningId)}${rest}`);

/** `GET /api/screening/instruments?lang=`: the latest version of every instrument. */
export function listInstruments(lang: InterviewLang, signal?: AbortSignal) {
  return api.get<InstrumentList>('/api/screening/instruments', { query: { lang }, signal });
}

/** One version of an instrument, in `lang` (the version a screening was begun on). */
export function getInstrument(
  ref: { id: string; version: number },
  lang: InterviewLang,
  signal?: AbortSignal,
) {
  const path = `/api/screening/instruments/${encodeURIComponent(ref.id)}/versions/${ref.version}`;
  return api.get<InstrumentView>(path, { query: { lang }, signal });
}

export function listScreenings(caseId: string, signal?: AbortSignal) {
  return api.get<ScreeningList>(caseUrl(caseId, '/screenings'), { signal });
}

export function getScreening(caseId: string, screeningId: string, signal?: AbortSignal) {
  return api.get<Screening>(screeningUrl(caseId, screeningId), { signal });
}

export function createScreening(caseId: string, input: ScreeningCreate) {
  return api.post<ScreeningSummary>(caseUrl(caseId, '/screenings'), input);
}

/**
 * `PATCH …/screenings/:sid`, naming the version it is based on in the body (the API takes it
 * there or in If-Match). @throws ApiError `version_conflict`, `screening_locked`.
 */
export function updateScreening(
  caseId: string,
  screeningId: string,
  input: ScreeningUpdate & { version: number },
) {
  return api.patch<ScreeningSummary>(screeningUrl(caseId, screeningId), input);
}

export function approveScreening(caseId: string, screeningId: string) {
  return api.post<ScreeningSummary>(screeningUrl(caseId, screeningId, '/approve'));
}

/** The case's consents (current versions), for the authorities a final report may go to. */
export function listCaseConsents(caseId: string, signal?: AbortSignal) {
  return api.get<{ items: ConsentView[] }>(caseUrl(caseId, '/consents'), { signal });
}

/**
 * The address of the evidence report: a draft without an authority, the final report of an
 * approved screening with the authority a legal-proceedings consent names.
 */
export function reportUrl(
  caseId: string,
  screeningId: string,
  lang: InterviewLang,
  authority?: { name: string; kind: AuthorityKind },
): string {
  return buildUrl(screeningUrl(caseId, screeningId, '/report.pdf'), {
    lang,
    authorityName: authority?.name,
    authorityKind: authority?.kind,
  });
}
