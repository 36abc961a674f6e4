import type { PublicServicePage } from '@/domain/directory/directory.schema.ts';
import type { ApiFailure, ApiResult } from './api.ts';

/** What a find-help search asks for; empty strings are left out of the query. */
export interface HelpQuery {
  country: string;
  service: string;
  language: string;
}

function failureOf(response: Response | null): ApiFailure {
  if (response === null) {
    return { kind: 'network' };
  }
  if (response.status === 429) {
    const seconds = Number(response.headers.get('retry-after'));
    return { kind: 'rate_limited', retryAfterSeconds: Number.isFinite(seconds) ? seconds : 60 };
  }
  return response.status >= 400 && response.status < 500 ? { kind: 'invalid' } : { kind: 'server' };
}

/** A GET with no cookie (`credentials: 'omit'`) and no referrer; null when the network failed. */
async function get(url: string): Promise<Response | null> {
  try {
    return await fetch(url, {
      credentials: 'omit',
      referrerPolicy: 'no-referrer',
      headers: { accept: 'application/json' },
    });
  } catch {
    return null;
  }
}

/**
 * Searches the public directory with no cookie (`credentials: 'omit'`) and no referrer; the
 * server stores nothing. `cursor` asks for the next page.
 */
export async function searchHelp(
  query: HelpQuery,
  cursor: string | null,
): Promise<ApiResult<PublicServicePage>> {
  const params = new URLSearchParams();
  for (const name of ['country', 'service', 'language'] as const) {
    if (query[name]) {
      params.set(name, query[name]);
    }
  }
  if (cursor) {
    params.set('cursor', cursor);
  }
  const response = await get(`/api/public/directory/services?${params.toString()}`);
  if (response?.ok) {
    return { ok: true, value: (await response.json()) as PublicServicePage };
  }
  return { ok: false, failure: failureOf(response) };
}
