/**
 * Recall@10 of the labelled name variants (bench/name-variants.json) on the benchmark's load:
 * each person is registered through the API (POST /api/cases, script detected from the name, no
 * transliteration recorded) among the synthetic cases, then looked for through the API under the
 * other spelling. A hit is the person's case in the top 10; "same name" also counts a synthetic
 * case with exactly the registered name (the load repeats common names, and only other facts
 * tell two people with one name apart). Latency is of these searches, through the API.
 */
import { readFileSync } from 'node:fs';
import { displayName } from '@/domain/cases/display-name.ts';
import { quantiles } from './cases-measure.ts';
import type { Listening } from './servers.ts';

interface Variant {
  kind: string;
  lang: string;
  record: { given: string; family: string };
  query: string;
}

const VARIANTS = JSON.parse(
  readFileSync(new URL('./name-variants.json', import.meta.url), 'utf8'),
) as Variant[];

async function api(
  origin: string,
  cookie: string,
  path: string,
  init: { method?: string; body?: unknown; csrf?: string } = {},
): Promise<unknown> {
  const res = await fetch(`${origin}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      cookie,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}),
    },
    body: init.body ? JSON.stringify(init.body) : undefined,
  });
  if (!res.ok) {
    throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
  }
  return res.json();
}

/** The labelled people's cases, in the order of bench/name-variants.json, with display names. */
export interface Registered {
  ids: string[];
  names: string[];
}

async function register(origin: string, cookie: string): Promise<Registered> {
  const me = (await api(origin, cookie, '/api/me')) as { csrfToken: string };
  const ids: string[] = [];
  const names: string[] = [];
  for (const v of VARIANTS) {
    const body = { identities: [{ given: v.record.given, family: v.record.family }] };
    const created = (await api(origin, cookie, '/api/cases', {
      method: 'POST',
      body,
      csrf: me.csrfToken,
    })) as { id: string; identities: { script: string }[] };
    ids.push(created.id);
    // The list's display name of the registered identity (the app's own rule).
    names.push(displayName(v.record.given, v.record.family, created.identities[0]?.script));
  }
  return { ids, names };
}

/**
 * Registers the labelled people (unless `registered` holds them already: a kept database),
 * searches each variant, and returns the report lines and the registration.
 */
export async function measureVariants(
  homeward: Listening,
  cookie: string,
  registered?: Registered,
): Promise<{ lines: string[]; registered: Registered }> {
  const { origin } = homeward;
  const reg =
    registered?.ids.length === VARIANTS.length ? registered : await register(origin, cookie);
  const { ids, names } = reg;
  const byKind = new Map<string, { n: number; hits: number; sameName: number; ms: number[] }>();
  for (const [i, v] of VARIANTS.entries()) {
    const q = new URLSearchParams({ q: v.query, limit: '10' }).toString();
    const t0 = performance.now();
    const page = (await api(origin, cookie, `/api/cases?${q}`)) as {
      items: { id: string; displayName: string }[];
    };
    const ms = performance.now() - t0;
    const entry = byKind.get(v.kind) ?? { n: 0, hits: 0, sameName: 0, ms: [] };
    entry.n += 1;
    entry.hits += page.items.some((item) => item.id === ids[i]) ? 1 : 0;
    entry.sameName += page.items.some((item) => item.id === ids[i] || item.displayName === names[i])
      ? 1
      : 0;
    entry.ms.push(ms);
    byKind.set(v.kind, entry);
  }
  const all = [...byKind.values()].flatMap((e) => e.ms);
  const q = quantiles(all);
  const lines = [
    `Labelled name variants (${VARIANTS.length} pairs of bench/name-variants.json; recall@10)`,
    ...[...byKind].map(
      ([kind, e]) =>
        `  ${kind.padEnd(16)} n=${String(e.n).padStart(3)}  person ${e.hits}/${e.n} ` +
        `(${((100 * e.hits) / e.n).toFixed(0)} %), same name ${e.sameName}/${e.n}  ` +
        `API p50/p95 ${quantiles(e.ms).p50.toFixed(1)}/${quantiles(e.ms).p95.toFixed(1)} ms`,
    ),
    `  all: API p50 ${q.p50.toFixed(1)} ms, p95 ${q.p95.toFixed(1)} ms, p99 ${q.p99.toFixed(1)} ms`,
  ];
  return { lines, registered: reg };
}
