/**
 * Text features of the job-offer checker: normalisation, tokens, and hashed word and character
 * n-grams (the "hashing trick": a feature is a bucket number, so the model needs no vocabulary).
 * Training (EMSCAD rows) and scoring (a pasted advert) go through exactly these functions.
 */

/** Number of hash buckets (2^20): few collisions for the features a model keeps. */
export const HASH_DIM = 1 << 20;
const HASH_MASK = HASH_DIM - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** One FNV-1a step over a UTF-16 code unit (not cryptographic: only spreads features over buckets). */
function fnvStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units, as an unsigned integer. */
export function fnv1a(text: string, seed = FNV_OFFSET): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h = fnvStep(h, text.charCodeAt(i));
  }
  return h;
}

/** Bucket of a named feature: `prefix` keeps feature kinds (word, bigram, field …) apart. */
export function bucketOf(prefix: string, name: string): number {
  return fnv1a(name, fnv1a(prefix)) & HASH_MASK;
}

// EMSCAD replaced contact details with hashes; pasted adverts carry real ones. Both become the
// same placeholder token, so that "gives an e-mail address" means the same in training and use.
const CONTACT_PATTERNS: readonly [RegExp, string][] = [
  [/#URL_[0-9a-f]+#/gi, ' zzurl '],
  [/#EMAIL_[0-9a-f]+#/gi, ' zzemail '],
  [/#PHONE_[0-9a-f]+#/gi, ' zzphone '],
  [/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' zzemail '],
  [/\b(?:https?:\/\/|www\.)\S+/gi, ' zzurl '],
  [/\b(?:t\.me|wa\.me|line\.me|bit\.ly)\/\S*/gi, ' zzurl '],
  [/(?:\+\d{1,3}[\s.-]?)?\(?\d{2,4}\)?[\s.-]\d{3,4}[\s.-]\d{3,4}\b/g, ' zzphone '],
  [/\+\d{8,14}\b/g, ' zzphone '],
];

const ENTITIES: readonly [RegExp, string][] = [
  [/&amp;/g, '&'],
  [/&nbsp;|\u00a0/g, ' '],
  [/&(?:#39|apos|rsquo|lsquo);/g, "'"],
  [/&(?:quot|ldquo|rdquo);/g, '"'],
  [/&(?:lt|gt);/g, ' '],
];

/**
 * Normalises text for features: contact details to placeholder tokens, the few HTML entities the
 * data carries, list items glued together ("experienceMust have") split, NFKC, lower case.
 */
export function normaliseText(text: string): string {
  let out = text.normalize('NFKC');
  for (const [pattern, replacement] of ENTITIES) {
    out = out.replace(pattern, replacement);
  }
  for (const [pattern, replacement] of CONTACT_PATTERNS) {
    out = out.replace(pattern, replacement);
  }
  return out.replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2').toLowerCase();
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)?|[$€£¥฿₱₫৳]/gu;

/** Tokens of normalised text: runs of letters, marks and digits, and currency signs. */
export function tokenize(normalised: string): string[] {
  return normalised.match(TOKEN) ?? [];
}

/** Sparse counts keyed by bucket. */
export type Counts = Map<number, number>;

/** Math.log1p of the small counts, looked up (the same values, computed once). */
const LOG1P = Float64Array.from({ length: 256 }, (_, c) => Math.log1p(c));

/** log(1 + count), the scaling of a count in a model's vector (features.ts vectorOf). */
export function logCount(count: number): number {
  return count < 256 && Number.isInteger(count) ? LOG1P[count]! : Math.log1p(count);
}

function add(counts: Counts, bucket: number, n = 1): void {
  counts.set(bucket, (counts.get(bucket) ?? 0) + n);
}

/** Bucket of a word unigram under a prefix (`w` for the advert's text, `p` for a company profile). */
export function unigramBucket(prefix: string, token: string): number {
  return fnv1a(token, fnv1a(prefix)) & HASH_MASK;
}

/** Bucket of a word bigram under a prefix. */
export function bigramBucket(prefix: string, previous: string, token: string): number {
  return fnv1a(token, fnv1a(' ', fnv1a(previous, fnv1a(`${prefix}2`)))) & HASH_MASK;
}

/**
 * What counting a text's features computed per token, kept when an explanation will need it
 * again (explain.ts): the bucket of each bigram (at the index of its second token), and each
 * distinct token's count and character n-gram buckets, in first-seen order.
 */
export interface TokenParts {
  bigrams: number[];
  perToken: Map<string, number>;
  chars: Map<string, readonly number[]>;
}

/** An empty TokenParts, to pass to wordCounts and charCounts. */
export const emptyParts = (): TokenParts => ({
  bigrams: [],
  perToken: new Map(),
  chars: new Map(),
});

/**
 * Word unigrams and (unless `bigrams` is false) bigrams of a token list, hashed under `prefix`;
 * the bigrams' buckets are also written to `parts` when given.
 */
export function wordCounts(
  tokens: readonly string[],
  prefix: string,
  bigrams = true,
  parts?: TokenParts,
): Counts {
  const counts: Counts = new Map();
  for (let i = 0; i < tokens.length; i++) {
    add(counts, unigramBucket(prefix, tokens[i]!));
    if (bigrams && i > 0) {
      const bucket = bigramBucket(prefix, tokens[i - 1]!, tokens[i]!);
      add(counts, bucket);
      parts?.bigrams.push(bucket);
    }
  }
  return counts;
}

/** Character n-gram lengths, taken inside each word padded with spaces (like scikit-learn's char_wb). */
export const CHAR_NGRAMS = [3, 4, 5] as const;
const CHAR_SEED = fnv1a('c');
/** Long runs (unspaced scripts such as Thai) contribute their first characters only. */
const MAX_TOKEN_CHARS = 40;

/**
 * Buckets of the character 3-, 4- and 5-grams of one token, with repeats, in order; `seed` keeps
 * the n-grams of another field (the company profile) apart.
 */
export function charBuckets(token: string, seed = CHAR_SEED): number[] {
  const padded = ` ${token.slice(0, MAX_TOKEN_CHARS)} `;
  const out: number[] = [];
  for (let start = 0; start + CHAR_NGRAMS[0] <= padded.length; start++) {
    let h = seed;
    const end = Math.min(padded.length, start + CHAR_NGRAMS[CHAR_NGRAMS.length - 1]!);
    for (let i = start; i < end; i++) {
      h = fnvStep(h, padded.charCodeAt(i));
      const n = i - start + 1;
      if (n >= CHAR_NGRAMS[0]) {
        // The length is mixed in so that "abc" as a 3-gram and a 4-gram prefix differ.
        out.push(fnvStep(h, n) & HASH_MASK);
      }
    }
  }
  return out;
}

/**
 * Character n-gram counts of a token list (each distinct token's n-grams computed once); the
 * distinct tokens' counts and buckets are also written to `parts` when given.
 */
export function charCounts(tokens: readonly string[], prefix = 'c', parts?: TokenParts): Counts {
  const seed = fnv1a(prefix);
  const perToken = parts?.perToken ?? new Map<string, number>();
  for (const token of tokens) {
    perToken.set(token, (perToken.get(token) ?? 0) + 1);
  }
  const counts: Counts = new Map();
  for (const [token, n] of perToken) {
    if (hasCharNgrams(token)) {
      const buckets = charBuckets(token, seed);
      parts?.chars.set(token, buckets);
      for (const bucket of buckets) {
        add(counts, bucket, n);
      }
    }
  }
  return counts;
}

/** Single signs (currency) have no character n-grams; letters and digits do. */
export function hasCharNgrams(token: string): boolean {
  return token.length > 1 || /[\p{L}\p{N}]/u.test(token);
}
