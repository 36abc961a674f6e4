/**
 * Fetch wrapper for the Homeward API.
 *
 * - Sends the session cookie (`credentials: 'same-origin'`) and JSON bodies.
 * - Adds `X-CSRF-Token` to every state-changing request. The token lives only in memory; it comes
 *   from the login and `GET /api/me` responses (see `setCsrfToken`).
 * - Turns `application/problem+json` answers into a typed `ApiError`.
 *
 * @example
 *   const page = await api.get<UserPage>('/api/users', { query: { limit: 25 } });
 */

/** One validation issue returned by the server, addressed by its path in the input. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Error code used when the server could not be reached at all. */
export const NETWORK_ERROR = 'network_error';

/** A failed API call. `status` is 0 when the request never reached the server. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly errors: FieldIssue[];
  /** Seconds to wait before retrying, from the `Retry-After` header (429 answers). */
  readonly retryAfterSeconds: number | null;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    errors?: FieldIssue[];
    retryAfterSeconds?: number | null;
  }) {
    super(init.detail ?? init.title);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors ?? [];
    this.retryAfterSeconds = init.retryAfterSeconds ?? null;
  }
}

/** True when `error` is an `ApiError`, optionally with the given code. */
export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
}

const MUTATING = new Set<Method>(['POST', 'PATCH', 'PUT', 'DELETE']);

let csrfToken: string | null = null;
const errorListeners = new Set<(error: ApiError) => void>();

/** Keeps the CSRF token from the login or `GET /api/me` answer; `null` after logout. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Subscribes to every failed call, so the session layer can react to `unauthenticated` and
 * `totp_enrolment_required` wherever they happen. Returns the unsubscribe function.
 */
export function onApiError(listener: (error: ApiError) => void): () => void {
  errorListeners.add(listener);
  return () => errorListeners.delete(listener);
}

/** Builds `/path?x=1`, leaving out empty values. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') {
      params.set(key, String(value));
    }
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function parseRetryAfter(header: string | null): number | null {
  if (!header) {
    return null;
  }
  const seconds = Number(header);
  if (Number.isFinite(seconds)) {
    return Math.max(0, Math.ceil(seconds));
  }
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function parseIssues(value: unknown): FieldIssue[] {
  if (!Array.isArray(value)) {
    return [];
  }
  return value.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) {
      return [];
    }
    const record = item as Record<string, unknown>;
    const path = Array.isArray(record.path) ? record.path.join('.') : asString(record.path);
    return [{ path: path ?? '', message: asString(record.message) ?? '' }];
  });
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Record<string, unknown> = {};
  if ((response.headers.get('content-type') ?? '').includes('json')) {
    try {
      const body: unknown = await response.json();
      if (typeof body === 'object' && body !== null) {
        problem = body as Record<string, unknown>;
      }
    } catch {
      // A broken error body still leaves the status, which is enough to explain the failure.
    }
  }
  return new ApiError({
    status: response.status,
    code: asString(problem.code) ?? `http_${response.status}`,
    title: asString(problem.title) ?? response.statusText,
    detail: asString(problem.detail),
    errors: parseIssues(problem.errors),
    retryAfterSeconds: parseRetryAfter(response.headers.get('retry-after')),
  });
}

async function send(method: Method, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const hasBody = options.body !== undefined;
  if (hasBody) {
    headers['Content-Type'] = 'application/json';
  }
  if (MUTATING.has(method) && csrfToken) {
    headers['X-CSRF-Token'] = csrfToken;
  }
  try {
    return await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: hasBody ? JSON.stringify(options.body) : undefined,
      signal: options.signal,
    });
  } catch (error: unknown) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw new ApiError({ status: 0, code: NETWORK_ERROR, title: 'Network error' });
  }
}

/** Fetches a fresh CSRF token (the server may rotate it); false when there is no session. */
async function refreshCsrfToken(): Promise<boolean> {
  try {
    const response = await send('GET', '/api/me', {});
    if (!response.ok) {
      return false;
    }
    const body = (await response.json()) as { csrfToken?: unknown };
    setCsrfToken(asString(body.csrfToken) ?? null);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends one request and returns the parsed JSON body (`undefined` for 204).
 * @throws ApiError for every non-2xx answer and for network failures.
 */
export async function apiRequest<T>(
  method: Method,
  path: string,
  options: RequestOptions = {},
): Promise<T> {
  let response = await send(method, path, options);
  // A stale token (for example after the server rotated it) is refreshed once and retried.
  if (response.status === 403 && MUTATING.has(method)) {
    const error = await toApiError(response.clone());
    if (error.code === 'csrf_failed' && (await refreshCsrfToken())) {
      response = await send(method, path, options);
    }
  }
  if (!response.ok) {
    const error = await toApiError(response);
    errorListeners.forEach((listener) => listener(error));
    throw error;
  }
  if (response.status === 204 || response.headers.get('content-length') === '0') {
    return undefined as T;
  }
  return (await response.json()) as T;
}

/** Shorthands for `apiRequest`. */
export const api = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('POST', path, { ...options, body }),
  patch: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PATCH', path, { ...options, body }),
  put: <T>(path: string, body?: unknown, options?: RequestOptions) =>
    apiRequest<T>('PUT', path, { ...options, body }),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, options),
};

/**
 * Uploads a file as the raw request body with `XMLHttpRequest`, so the caller can show progress
 * (`fetch` has no upload progress). Same CSRF and error handling as `apiRequest`.
 * @param onProgress called with the fraction sent, from 0 to 1.
 * @throws ApiError for every non-2xx answer and for network failures.
 */
export function apiUpload<T>(
  path: string,
  file: Blob,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.withCredentials = true;
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    if (csrfToken) {
      request.setRequestHeader('X-CSRF-Token', csrfToken);
    }
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) {
        onProgress(event.loaded / event.total);
      }
    });
    request.addEventListener('error', () =>
      reject(new ApiError({ status: 0, code: NETWORK_ERROR, title: 'Network error' })),
    );
    request.addEventListener('load', () => {
      const headers = { 'content-type': request.getResponseHeader('content-type') ?? '' };
      const response = new Response(request.responseText || null, {
        status: request.status,
        headers,
      });
      if (response.ok) {
        onProgress(1);
        resolve((request.responseText ? JSON.parse(request.responseText) : undefined) as T);
        return;
      }
      void toApiError(response).then((error) => {
        errorListeners.forEach((listener) => listener(error));
        reject(error);
      });
    });
    request.send(file);
  });
}
