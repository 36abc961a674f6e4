import type { JobCheckResult } from '@/domain/prevention/jobcheck/jobcheck.schema.ts';

/** What the page sends to the checker (the API's `JobCheckInput`, built from the form). */
export interface CheckRequest {
  text: string;
  title?: string;
  salary?: string;
  location?: string;
  channel?: string;
  destination?: string;
}

/** Why a call failed, as the page explains it. */
export type ApiFailure =
  | { kind: 'invalid' }
  | { kind: 'too_long' }
  | { kind: 'rate_limited'; retryAfterSeconds: number }
  | { kind: 'network' }
  | { kind: 'server' };

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

/** A POST with no cookie (`credentials: 'omit'`): the public API is anonymous. */
async function post(url: string, body: unknown): Promise<Response | null> {
  try {
    return await fetch(url, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    return null;
  }
}

function failureOf(response: Response | null): ApiFailure {
  if (response === null) {
    return { kind: 'network' };
  }
  if (response.status === 413) {
    return { kind: 'too_long' };
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'rate_limited', retryAfterSeconds: Number.isFinite(seconds) ? seconds : 60 };
  }
  return response.status >= 400 && response.status < 500 ? { kind: 'invalid' } : { kind: 'server' };
}

/** Checks an offer; reasons and advice come back in `lang`. Nothing is stored by the server. */
export async function checkOffer(
  input: CheckRequest,
  lang: string,
): Promise<ApiResult<JobCheckResult>> {
  const response = await post(`/api/public/job-check?lang=${encodeURIComponent(lang)}`, input);
  if (response?.ok) {
    return { ok: true, value: (await response.json()) as JobCheckResult };
  }
  return { ok: false, failure: failureOf(response) };
}

/** Reports the advert anonymously (the checked fields and, if given, the reporter's country). */
export async function reportAdvert(
  input: CheckRequest & { origin?: string },
): Promise<ApiResult<null>> {
  const response = await post('/api/public/job-reports', input);
  if (response?.status === 202) {
    return { ok: true, value: null };
  }
  return { ok: false, failure: failureOf(response) };
}
