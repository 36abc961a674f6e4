import autocannon from 'autocannon';
import { latencySamples, type LatencySamples } from './stats.ts';

/** One HTTP target to load. */
export interface LoadTarget {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

/** How long and how hard to load each target. */
export interface LoadOptions {
  /** Measured seconds per target, split into slices. */
  durationS: number;
  /** Discarded seconds per target before the first slice. */
  warmupS: number;
  connections: number;
}

/** What the slices of one target measured, together. */
export interface LoadResult {
  name: string;
  url: string;
  durationS: number;
  connections: number;
  /** Completed requests (any status). */
  requests: number;
  /** Mean requests per second: completed requests over measured seconds. */
  rps: number;
  /** Lowest and highest requests per second of a single slice (a noise indicator). */
  sliceRps: { min: number; max: number };
  /** Latency in ms, from per-response hrtime samples (autocannon's histogram is whole ms). */
  latencyMs: { mean: number; p50: number; p99: number; max: number };
  /** Connection errors, including timeouts. */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Count per status code. */
  statusCodes: Record<string, number>;
}

/** Seconds per slice: targets take turns in slices of about this length. */
export const SLICE_S = 2;

let active: autocannon.Instance | null = null;
let stopped = false;

/** Stops the running load, if any, and refuses to start another (Ctrl+C). */
export function stopActiveLoad(): void {
  stopped = true;
  active?.stop();
}

function fire(
  opts: autocannon.Options,
  onResponse?: (ms: number) => void,
): Promise<autocannon.Result> {
  if (stopped) {
    return Promise.reject(new Error('load stopped'));
  }
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err: unknown, result) => {
      active = null;
      if (err) {
        reject(err instanceof Error ? err : new Error(`autocannon failed: ${JSON.stringify(err)}`));
      } else {
        resolve(result);
      }
    });
    active = instance;
    if (onResponse) {
      instance.on('response', (_client, _status, _bytes, ms) => onResponse(ms));
    }
  });
}

interface Accumulator {
  target: LoadTarget;
  samples: LatencySamples;
  slices: autocannon.Result[];
}

function summarise(acc: Accumulator, connections: number): LoadResult {
  const sum = (pick: (r: autocannon.Result) => number) =>
    acc.slices.reduce((total, r) => total + pick(r), 0);
  const durationS = sum((r) => r.duration);
  const requests = sum((r) => r.requests.total);
  const sliceRps = acc.slices.map((r) => r.requests.total / r.duration);
  const statusCodes: Record<string, number> = {};
  for (const slice of acc.slices) {
    for (const [code, stat] of Object.entries(slice.statusCodeStats ?? {})) {
      statusCodes[code] = (statusCodes[code] ?? 0) + (stat.count ?? 0);
    }
  }
  const latency = acc.samples.summary();
  return {
    name: acc.target.name,
    url: acc.target.url,
    durationS,
    connections,
    requests,
    rps: requests / durationS,
    sliceRps: { min: Math.min(...sliceRps), max: Math.max(...sliceRps) },
    latencyMs: { mean: latency.mean, p50: latency.p50, p99: latency.p99, max: latency.max },
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    statusCodes,
  };
}

/**
 * Loads every target with `connections` keep-alive connections, one target at a time (never
 * concurrently). Each target is warmed up for `warmupS` seconds (discarded), then the targets
 * take turns in slices of about `SLICE_S` seconds until each has `durationS` measured seconds,
 * so a change in background load on a shared machine hits all of them alike. Every run is
 * bounded by its duration; a request times out after 10 s.
 */
export async function runLoads(
  targets: LoadTarget[],
  opts: LoadOptions,
  onSlice: (message: string) => void = () => undefined,
): Promise<LoadResult[]> {
  const base = (t: LoadTarget): autocannon.Options => ({
    url: t.url,
    headers: t.headers ?? {},
    connections: opts.connections,
    pipelining: 1,
    timeout: 10,
  });
  const accs: Accumulator[] = targets.map((target) => ({
    target,
    samples: latencySamples(),
    slices: [],
  }));
  for (const acc of accs.filter(() => opts.warmupS > 0)) {
    onSlice(`warm-up ${acc.target.name}`);
    await fire({ ...base(acc.target), duration: opts.warmupS });
  }
  const slices = Math.max(1, Math.round(opts.durationS / SLICE_S));
  for (let i = 0; i < slices; i += 1) {
    for (const acc of accs) {
      onSlice(`slice ${i + 1}/${slices} ${acc.target.name}`);
      const duration = opts.durationS / slices;
      acc.slices.push(await fire({ ...base(acc.target), duration }, (ms) => acc.samples.add(ms)));
    }
  }
  return accs.map((acc) => summarise(acc, opts.connections));
}
