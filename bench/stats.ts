/** Summary of a set of timings, in the unit they were recorded in. */
export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p99: number;
  max: number;
}

/** Most samples kept; beyond it a uniform reservoir sample is kept (8 MB at most). */
export const MAX_SAMPLES = 1_000_000;

/** A bounded collector of timings (see `latencySamples`). */
export interface LatencySamples {
  add(value: number): void;
  summary(): Summary;
}

/**
 * Collects timings in bounded memory. Mean and max are exact; percentiles come from all samples,
 * or from a uniform reservoir sample of `capacity` once more were recorded.
 */
export function latencySamples(capacity = MAX_SAMPLES): LatencySamples {
  const values = new Float64Array(capacity);
  let count = 0;
  let sum = 0;
  let max = 0;
  return {
    add(value) {
      const slot = count < capacity ? count : Math.floor(Math.random() * (count + 1));
      if (slot < capacity) {
        values[slot] = value;
      }
      count += 1;
      sum += value;
      max = Math.max(max, value);
    },
    summary() {
      const kept = values.slice(0, Math.min(count, capacity)).sort();
      return {
        count,
        mean: count === 0 ? 0 : sum / count,
        p50: percentile(kept, 0.5),
        p99: percentile(kept, 0.99),
        max,
      };
    },
  };
}

/** Nearest-rank percentile of ascending `sorted` (0 when empty). */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) {
    return 0;
  }
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}
