import type { EmscadRecord } from './features.ts';
import { seededRandom, shuffledIndices } from './logistic.ts';
import { fnv1a, normaliseText, tokenize } from './text-features.ts';

/**
 * Cross-validation folds that do not flatter the model: EMSCAD holds the same advert posted
 * several times, so near-duplicates are grouped (same title and company profile, or nearly the
 * same text by MinHash) and every group goes to one fold; folds are stratified by label.
 */

/** MinHash signature length and the estimated Jaccard similarity above which two texts are one. */
const MINHASH_SIZE = 64;
export const NEAR_DUPLICATE_JACCARD = 0.7;
const SHINGLE = 3;

/** MinHash signature of a text's word 3-shingles (one FNV-1a seed per position). */
export function minhash(text: string): Uint32Array {
  const tokens = tokenize(normaliseText(text));
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (let i = 0; i + SHINGLE <= Math.max(tokens.length, SHINGLE); i++) {
    const shingle = tokens.slice(i, i + SHINGLE).join(' ');
    for (let k = 0; k < MINHASH_SIZE; k++) {
      const h = fnv1a(shingle, Math.imul(k + 1, 0x9e3779b1) >>> 0);
      if (h < signature[k]!) {
        signature[k] = h;
      }
    }
  }
  return signature;
}

/** Estimated Jaccard similarity of two signatures (share of equal positions). */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k] === b[k]) {
      same++;
    }
  }
  return same / a.length;
}

function unionFind(n: number) {
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (i: number, j: number) => {
    parent[find(i)] = find(j);
  };
  return { find, union };
}

/** Group number of each record: near-duplicates share one. */
export function duplicateGroups(records: readonly EmscadRecord[]): number[] {
  const { find, union } = unionFind(records.length);
  const byKey = new Map<string, number>();
  const signatures = records.map((r) => minhash(`${r.description}\n${r.requirements}`));
  records.forEach((r, i) => {
    const key = `${normaliseText(r.title).trim()}|${normaliseText(r.company_profile).trim()}`;
    const first = byKey.get(key);
    if (first === undefined) {
      byKey.set(key, i);
    } else {
      union(i, first);
    }
    for (let j = 0; j < i; j++) {
      if (similarity(signatures[i]!, signatures[j]!) >= NEAR_DUPLICATE_JACCARD) {
        union(i, j);
      }
    }
  });
  return records.map((_, i) => find(i));
}

/**
 * Stratified group k-fold: groups, largest first (ties in seeded order), each go to the fold that
 * is furthest below its share of the group's classes. Returns the fold of each record.
 */
export function stratifiedGroupFolds(
  groups: readonly number[],
  labels: readonly number[],
  options: { k: number; seed: number },
): number[] {
  const members = new Map<number, number[]>();
  groups.forEach((g, i) => members.set(g, [...(members.get(g) ?? []), i]));
  const order = shuffledIndices(members.size, seededRandom(options.seed));
  const list = [...members.values()];
  const sorted = order.map((i) => list[i]!).sort((a, b) => b.length - a.length);
  const totals = [labels.filter((y) => y === 0).length, labels.filter((y) => y === 1).length];
  const counts = Array.from({ length: options.k }, () => [0, 0]);
  const fold = new Array<number>(labels.length).fill(0);
  for (const group of sorted) {
    const add = [0, 0];
    group.forEach((i) => add[labels[i]!]!++);
    let best = 0;
    let bestCost = Infinity;
    counts.forEach((c, f) => {
      const cost = add.reduce((sum, n, y) => sum + n * ((c[y]! + n) / Math.max(1, totals[y]!)), 0);
      if (cost < bestCost) {
        [best, bestCost] = [f, cost];
      }
    });
    group.forEach((i) => (fold[i] = best));
    counts[best]![0]! += add[0]!;
    counts[best]![1]! += add[1]!;
  }
  return fold;
}
