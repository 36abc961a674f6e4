import { api } from '@web/lib/api';
import type {
  DueList,
  Jurisdiction,
  JurisdictionList,
  NrmSettings,
  NrmSettingsUpdate,
  Referral,
  ReferralCreate,
  ReferralUpdate,
  StepUpdate,
} from './nrm.schema';

const referralsUrl = (caseId: string, rest = '') =>
  `/api/cases/${encodeURIComponent(caseId)}/nrm-referrals${rest}`;

/** `GET /api/cases/:caseId/nrm-referrals`: the case's referrals with their steps and decisions. */
export function listReferrals(caseId: string, signal?: AbortSignal) {
  return api.get<{ items: Referral[] }>(referralsUrl(caseId), { signal });
}

export function createReferral(caseId: string, input: ReferralCreate) {
  return api.post<Referral>(referralsUrl(caseId), input);
}

/** Records one decision (the server adds the journey event `identification/nrm_decision`). */
export function recordDecision(caseId: string, referralId: string, input: ReferralUpdate) {
  return api.patch<Referral>(referralsUrl(caseId, `/${encodeURIComponent(referralId)}`), input);
}

/** `GET /api/nrm-referrals`: deadlines overdue or due within the organisation's horizon. */
export function listDue(signal?: AbortSignal) {
  return api.get<DueList>('/api/nrm-referrals', { signal });
}

export function getNrmSettings(signal?: AbortSignal) {
  return api.get<NrmSettings>('/api/nrm/settings', { signal });
}

export function updateNrmSettings(input: NrmSettingsUpdate) {
  return api.patch<NrmSettings>('/api/nrm/settings', input);
}

export function listJurisdictions(signal?: AbortSignal) {
  return api.get<JurisdictionList>('/api/nrm/jurisdictions', { signal });
}

/** A new figure for an unverified step (platform admins). @throws ApiError `nrm_figure_verified`. */
export function updateStep(code: string, step: string, input: StepUpdate) {
  const path = `/api/nrm/jurisdictions/${encodeURIComponent(code)}/steps/${encodeURIComponent(step)}`;
  return api.patch<Jurisdiction>(path, input);
}
