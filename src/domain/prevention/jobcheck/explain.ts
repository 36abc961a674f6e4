import type { RawDoc } from './features.ts';
import type { LoadedModel } from './model.ts';
import {
  bigramBucket,
  bucketOf,
  charBuckets,
  type Counts,
  hasCharNgrams,
  logCount,
  type TokenParts,
  unigramBucket,
} from './text-features.ts';

/**
 * Which parts of a text moved the served model's score, in units of the model's raw log-odds:
 * every word gets its unigram weight, half of each bigram it is in, and the weights of its
 * character n-grams, each scaled as the model's vector scales it. Summed over the words (plus the
 * indicators and the intercept) this is exactly the model's log-odds.
 */

/** Per-word contributions and the share of the text's words the model knows. */
export interface TextContributions {
  words: Map<string, number>;
  /** Words the model was trained on as words (only these are named in reasons). */
  known: Set<string>;
  /** Share of the tokens with letters (not numbers or signs) that the model was trained on. */
  coverage: number;
  /** How many of the text's word tokens (repeats counted) the model was trained on. */
  knownWords: number;
}

function blockScale(counts: Counts, model: LoadedModel): number {
  let norm = 0;
  for (const [bucket, c] of counts) {
    if (model.kept[bucket] === 1) {
      norm += logCount(c) ** 2;
    }
  }
  return norm > 0 ? 1 / Math.sqrt(norm) : 0;
}

/** Contribution of one occurrence of a bucket: its share of the bucket's log-scaled value. */
function share(model: LoadedModel, counts: Counts, bucket: number, scale: number): number {
  if (model.kept[bucket] !== 1) {
    return 0;
  }
  const c = counts.get(bucket)!;
  return (model.weights[bucket]! * logCount(c) * scale) / c;
}

function countTokens(tokens: readonly string[]): Map<string, number> {
  const perToken = new Map<string, number>();
  tokens.forEach((t) => perToken.set(t, (perToken.get(t) ?? 0) + 1));
  return perToken;
}

/**
 * Splits the text part of the model's log-odds over the words of a document (rawTextDoc); with
 * the `parts` that rawTextDoc kept, no hash is computed twice.
 */
export function wordContributions(
  model: LoadedModel,
  doc: RawDoc,
  parts?: TokenParts,
): TextContributions {
  const { tokens } = doc;
  const [words, chars] = [doc.scaled[0]!, doc.scaled[1]!];
  const [ws, cs] = [blockScale(words, model), blockScale(chars, model)];
  const out = new Map<string, number>();
  const credit = (token: string, x: number) => out.set(token, (out.get(token) ?? 0) + x);
  for (let i = 1; i < tokens.length; i++) {
    const bucket = parts?.bigrams[i - 1] ?? bigramBucket('w', tokens[i - 1]!, tokens[i]!);
    const half = share(model, words, bucket, ws) / 2;
    credit(tokens[i]!, half);
    credit(tokens[i - 1]!, half);
  }
  const perToken = parts?.perToken ?? countTokens(tokens);
  const known = new Set<string>();
  let [knownWords, allWords] = [0, 0];
  for (const [token, n] of perToken) {
    const unigram = unigramBucket('w', token);
    const isWord = /\p{L}/u.test(token);
    allWords += isWord ? n : 0;
    if (model.kept[unigram] === 1) {
      known.add(token);
      knownWords += isWord ? n : 0;
    }
    let x = share(model, words, unigram, ws);
    if (hasCharNgrams(token)) {
      for (const bucket of parts?.chars.get(token) ?? charBuckets(token)) {
        x += share(model, chars, bucket, cs);
      }
    }
    credit(token, x * n);
  }
  const coverage = allWords === 0 ? 0 : knownWords / allWords;
  return { words: out, known, coverage, knownWords };
}

/** Weight of a named indicator (features.ts ENGINEERED) in a model; 0 when not kept. */
export function signalWeight(model: LoadedModel, signal: string): number {
  const bucket = bucketOf('e', signal);
  return model.kept[bucket] === 1 ? model.weights[bucket]! : 0;
}

/** Placeholder tokens stand for contact details; their indicators explain them instead. */
const isPlaceholder = (word: string) => /^zz(?:url|email|phone)$/.test(word);

/** Words too common to tell a person anything. */
const STOPWORDS = new Set(
  (
    'a an and are as at be by for from has have in is it its of on or our the their this to we ' +
    'will with you your all any can may more not who which that they them us also'
  ).split(' '),
);

const nameable = (word: string, known: Set<string>) =>
  known.has(word) && !isPlaceholder(word) && !STOPWORDS.has(word) && !/^\d+$/.test(word);

/**
 * The words that raised (`sign` 1) or lowered (`sign` -1) the score most, at most `limit`, with
 * their summed contribution. Only words the model knows are named; numbers, single characters
 * and the commonest words are left out (not actionable).
 */
export function topWords(
  text: TextContributions,
  sign: 1 | -1,
  limit = 4,
): { words: string[]; weight: number } {
  const ranked = [...text.words]
    .filter(([w, x]) => x * sign > 0 && w.length > 1 && nameable(w, text.known))
    .sort((a, b) => b[1] * sign - a[1] * sign || a[0].localeCompare(b[0]))
    .slice(0, limit);
  return { words: ranked.map(([w]) => w), weight: ranked.reduce((s, [, x]) => s + x, 0) };
}
