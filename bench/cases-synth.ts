/**
 * Deterministic synthetic case records for the 1M-case search benchmark: a seeded PRNG, names
 * composed per nationality from bench/cases-names.ts, and the search keys computed exactly as the
 * app computes them (src/domain/cases/case-names.ts).
 */
import { latinKey, nameKey } from '@/domain/cases/case-names.ts';
import { STAGES, EVENT_TYPES } from '@/domain/cases/case-journey.schema.ts';
import { EXPLOITATION_FORMS, RISK_FACTORS } from '@/domain/cases/cases.schema.ts';
import { NATIONALITIES, splitEntry, type NationalityNames } from './cases-names.ts';

/** A seeded PRNG (sfc32): the same seed gives the same data on every machine. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
}

export function createRng(seed: number): Rng {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i += 1) {
    next();
  }
  const int = (n: number) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)]! };
}

/** Zipf-like pick: index i has weight 1/(i+1)^0.8, so early (common) names repeat most. */
function zipfPicker(length: number): (rng: Rng) => number {
  const cumulative = new Float64Array(length);
  let sum = 0;
  for (let i = 0; i < length; i += 1) {
    sum += 1 / Math.pow(i + 1, 0.8);
    cumulative[i] = sum;
  }
  return (rng) => {
    const x = rng.next() * sum;
    let lo = 0;
    let hi = length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  };
}

export interface Part {
  native: string;
  latin: string;
}

export interface Pool {
  nat: NationalityNames;
  given: Part[];
  family: Part[];
  extra: Part[];
  pickGiven: (rng: Rng) => number;
  pickFamily: (rng: Rng) => number;
}

export const POOLS: Pool[] = NATIONALITIES.map((nat) => {
  const given = nat.given.map(splitEntry);
  const family = nat.family.map(splitEntry);
  return {
    nat,
    given,
    family,
    extra: (nat.extra ?? []).map(splitEntry),
    pickGiven: zipfPicker(given.length),
    pickFamily: zipfPicker(family.length),
  };
});
const NATIONALITY_WEIGHTS = POOLS.map((p) => p.nat.weight);
const WEIGHT_SUM = NATIONALITY_WEIGHTS.reduce((a, b) => a + b, 0);

export function pickPool(rng: Rng): Pool {
  let x = rng.next() * WEIGHT_SUM;
  for (const pool of POOLS) {
    x -= pool.nat.weight;
    if (x < 0) {
      return pool;
    }
  }
  return POOLS[0]!;
}

/** Joins parts: with a space, or without for Chinese characters and syllable compounds. */
export function join(parts: Part[], glue: { native: string; latin: string }): Part {
  return {
    native: parts.map((p) => p.native).join(glue.native),
    latin: parts.map((p) => p.latin).join(glue.latin),
  };
}

export const SPACE = { native: ' ', latin: ' ' };

/** A person's name: given and family in the primary script, and the usual Latin spelling. */
export interface SynthName {
  nationality: string;
  script: string;
  given: Part;
  family: Part;
}

function composeName(rng: Rng, pool: Pool): { given: Part; family: Part } {
  const g = () => pool.given[pool.pickGiven(rng)]!;
  const f = () => pool.family[pool.pickFamily(rng)]!;
  switch (pool.nat.shape) {
    case 'given-family': {
      // Two given names (Filipino "Maria Rosa", Bangladeshi "Mohammad Rahim") or a compound Thai
      // surname ("แสงทองศรีสุข") for part of the population: the long tail of real names.
      const given = rng.next() < 0.3 ? join([g(), g()], SPACE) : g();
      const compound = pool.nat.code === 'THA' && rng.next() < 0.5;
      const family = compound ? join([f(), f()], { native: '', latin: '' }) : f();
      return { given, family };
    }
    case 'given-middle-family':
      return { given: join([rng.pick(pool.extra), g()], SPACE), family: f() };
    case 'syllables': {
      const given = rng.next() < 0.5 ? join([g(), g()], SPACE) : g();
      const family = rng.next() < 0.4 ? join([f(), f()], SPACE) : f();
      return { given, family };
    }
    case 'chinese': {
      const one = g();
      const two = rng.next() < 0.7 ? [one, g()] : [one];
      return { given: join(two, { native: '', latin: '' }), family: f() };
    }
  }
}

/** Capitalises the first letter of each word of a Latin spelling ("xiuying" → "Xiuying"). */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase());
}

export function randomName(rng: Rng): SynthName {
  const pool = pickPool(rng);
  const { given, family } = composeName(rng, pool);
  return {
    nationality: pool.nat.code,
    script: pool.nat.script,
    given: { native: given.native, latin: titleCase(given.latin) },
    family: { native: family.native, latin: titleCase(family.latin) },
  };
}

/** One `case_identities` row (without ids). */
export interface SynthIdentity {
  kind: 'primary' | 'transliteration';
  given: string;
  family: string;
  script: string;
  nameKey: string;
  latinKey: string;
}

function identity(kind: SynthIdentity['kind'], script: string, given: string, family: string) {
  const key = nameKey(given, family);
  return { kind, script, given, family, nameKey: key, latinKey: latinKey(key) };
}

/**
 * The names a caseworker records: the primary name in its own script and, for non-Latin scripts,
 * the usual Latin spelling as a `transliteration` identity.
 */
export function identitiesOf(name: SynthName): SynthIdentity[] {
  const primary = identity('primary', name.script, name.given.native, name.family.native);
  if (name.script === 'Latn') {
    return [primary];
  }
  return [primary, identity('transliteration', 'Latn', name.given.latin, name.family.latin)];
}

/** One `case_events` row (without ids). */
export interface SynthEvent {
  stage: string;
  type: string;
  occurredOn: string;
  country: string | null;
}

const DAY_MS = 86_400_000;

/** 2–6 events through consecutive stages, starting at exit, dated after `start`. */
export function eventsOf(rng: Rng, start: number, nationality: string): SynthEvent[] {
  const count = 2 + rng.int(5);
  const events: SynthEvent[] = [];
  let at = start;
  for (let i = 0; i < count; i += 1) {
    const stage = STAGES[Math.min(i, STAGES.length - 1)]!;
    at += rng.int(60) * DAY_MS;
    events.push({
      stage,
      type: rng.pick(EVENT_TYPES[stage]),
      occurredOn: new Date(at).toISOString().slice(0, 10),
      country: stage === 'return' || stage === 'reintegration' ? nationality : null,
    });
  }
  return events;
}

/** A random subset (possibly empty) of `items`, each taken with probability `p`. */
export function subset<T>(rng: Rng, items: readonly T[], p: number): T[] {
  return items.filter(() => rng.next() < p);
}

export const RISK_FACTOR_CODES = RISK_FACTORS;
export const FORMS = EXPLOITATION_FORMS;

/** A deterministic UUID (version 7 layout: time first, so ids cluster as the app's do). */
export function uuidAt(rng: Rng, ms: number): string {
  const hex = ms.toString(16).padStart(12, '0');
  const r = () => (rng.int(0x10000) | 0).toString(16).padStart(4, '0');
  const variant = (0x8000 | rng.int(0x4000)).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${r().slice(1)}-${variant}-${r()}${r()}${r()}`;
}

/**
 * A one-letter typo: drops, swaps with its neighbour, or replaces a letter (by another letter of
 * the same name, which keeps the script), never touching spaces. Used for the search queries and
 * for data-entry variants in the data.
 */
export function misspell(rng: Rng, text: string): string {
  const chars = Array.from(text);
  const letters = chars.map((c, i) => (c === ' ' ? -1 : i)).filter((i) => i >= 0);
  if (letters.length < 3) {
    return text;
  }
  const at = rng.pick(letters);
  const op = rng.int(3);
  if (op === 0) {
    chars.splice(at, 1);
  } else if (op === 1 && at + 1 < chars.length && chars[at + 1] !== ' ') {
    [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  } else {
    chars[at] = chars[rng.pick(letters)]!;
  }
  return chars.join('');
}
