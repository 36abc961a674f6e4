/**
 * Name parts of the fast generator (bench/cases-rows.ts), built once per distinct composed part:
 * the text as written, its `nameKey` and the `latinKey` of that, all computed by the app's own
 * functions (src/domain/cases/case-names.ts). A full name's keys are the parts' keys joined with a
 * space, which is what `nameKey(given, family)` and `latinKey` give for trimmed, non-empty parts
 * (NFKC, lower-casing and any-ascii work character by character, and a space blocks composition);
 * `checkFastNames` verifies that against the reference path for a sample at start-up.
 */
import { latinKey, nameKey } from '@/domain/cases/case-names.ts';
import {
  createRng,
  identitiesOf,
  join,
  pickPool,
  POOLS,
  randomName,
  SPACE,
  titleCase,
  type Part,
  type Pool,
  type Rng,
} from './cases-synth.ts';

/** A given or family name as stored, with its keys, also as UTF-8 for the binary COPY. */
export interface NamePart {
  text: string;
  key: string;
  latinKey: string;
  utf8: { text: Buffer; key: Buffer; latinKey: Buffer };
}

/** A composed part in the primary script and in its usual Latin spelling. */
interface Composed {
  native: NamePart;
  latin: NamePart;
}

export interface FastName {
  nationality: string;
  script: string;
  given: Composed;
  family: Composed;
}

interface PoolPieces {
  given: Composed[];
  family: Composed[];
}

/** Per pool (same order as POOLS), caches of composed parts by a code of the parts chosen. */
export type Pieces = Map<Pool, PoolPieces>;

export function createPieces(): Pieces {
  return new Map(POOLS.map((p) => [p, { given: [], family: [] }]));
}

/** Keys of two parts joined by a space, as `nameKey(given, family)` joins them. */
export function joinKeys(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a} ${b}`;
}

function namePart(text: string): NamePart {
  const key = nameKey(text);
  const latin = latinKey(key);
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  return {
    text,
    key,
    latinKey: latin,
    utf8: { text: utf8(text), key: utf8(key), latinKey: utf8(latin) },
  };
}

function compose(parts: Part[], glue: { native: string; latin: string }): Composed {
  const joined = join(parts, glue);
  return { native: namePart(joined.native), latin: namePart(titleCase(joined.latin)) };
}

const NO_GLUE = { native: '', latin: '' };

/** The composed part for `code`, built on first use. */
function cached(cache: Composed[], code: number, parts: () => Part[], glue = SPACE): Composed {
  return (cache[code] ??= compose(parts(), glue));
}

/** One part, or two joined with `glue`, picked as `composeName` picks them. */
function oneOrTwo(
  cache: Composed[],
  [list, pick]: [Part[], (rng: Rng) => number],
  two: boolean,
  opts: { rng: Rng; glue?: typeof SPACE },
): Composed {
  const a = pick(opts.rng);
  if (!two) {
    return cached(cache, a, () => [list[a]!]);
  }
  const b = pick(opts.rng);
  const code = list.length + a * list.length + b;
  return cached(cache, code, () => [list[a]!, list[b]!], opts.glue);
}

/** `randomName` without the string work: the same draws, in the same order. */
export function fastName(pieces: Pieces, rng: Rng): FastName {
  const pool = pickPool(rng);
  const cache = pieces.get(pool)!;
  const g: [Part[], (rng: Rng) => number] = [pool.given, pool.pickGiven];
  const f: [Part[], (rng: Rng) => number] = [pool.family, pool.pickFamily];
  const out = (given: Composed, family: Composed): FastName => ({
    nationality: pool.nat.code,
    script: pool.nat.script,
    given,
    family,
  });
  switch (pool.nat.shape) {
    case 'given-family': {
      const given = oneOrTwo(cache.given, g, rng.next() < 0.3, { rng });
      const compound = pool.nat.code === 'THA' && rng.next() < 0.5;
      return out(given, oneOrTwo(cache.family, f, compound, { rng, glue: NO_GLUE }));
    }
    case 'given-middle-family': {
      const e = rng.int(pool.extra.length);
      const a = pool.pickGiven(rng);
      const code = e * pool.given.length + a;
      const given = cached(cache.given, code, () => [pool.extra[e]!, pool.given[a]!]);
      return out(given, oneOrTwo(cache.family, f, false, { rng }));
    }
    case 'syllables': {
      const given = oneOrTwo(cache.given, g, rng.next() < 0.5, { rng });
      return out(given, oneOrTwo(cache.family, f, rng.next() < 0.4, { rng }));
    }
    case 'chinese': {
      const a = pool.pickGiven(rng);
      const two = rng.next() < 0.7;
      const b = two ? pool.pickGiven(rng) : -1;
      const n = pool.given.length;
      const given = two
        ? cached(cache.given, n + a * n + b, () => [pool.given[a]!, pool.given[b]!], NO_GLUE)
        : cached(cache.given, a, () => [pool.given[a]!]);
      return out(given, oneOrTwo(cache.family, f, false, { rng }));
    }
  }
}

/**
 * Start-up check: `count` names drawn by the fast path and by `randomName`/`identitiesOf` from the
 * same seed have the same text and the same `name_key`/`latin_key`, and use the same draws.
 */
export function checkFastNames(pieces: Pieces, seed: number, count: number): void {
  const ref = createRng(seed);
  const fast = createRng(seed);
  for (let i = 0; i < count; i += 1) {
    const [primary, translit] = identitiesOf(randomName(ref));
    const name = fastName(pieces, fast);
    const parts = [[name.given.native, name.family.native] as const];
    if (name.script !== 'Latn') {
      parts.push([name.given.latin, name.family.latin]);
    }
    [primary, translit].forEach((expected, k) => {
      const [given, family] = parts[k] ?? [];
      const got = given &&
        family && {
          given: given.text,
          family: family.text,
          nameKey: joinKeys(given.key, family.key),
          latinKey: joinKeys(given.latinKey, family.latinKey),
        };
      const want = expected && {
        given: expected.given,
        family: expected.family,
        nameKey: expected.nameKey,
        latinKey: expected.latinKey,
      };
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        throw new Error(`fast name ${JSON.stringify(got)} differs from ${JSON.stringify(want)}`);
      }
    });
    if (ref.next() !== fast.next()) {
      throw new Error(`fast name path used different draws (name ${i})`);
    }
  }
}
