import { describe, expect, it } from 'vitest';
import {
  bigramBucket,
  charBuckets,
  fnv1a,
  HASH_DIM,
  normaliseText,
  tokenize,
  unigramBucket,
  wordCounts,
} from './text-features.ts';

describe('feature hashing', () => {
  it('is FNV-1a 32-bit (published test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('puts every feature in range, and word, bigram and prefix kinds in different buckets', () => {
    const buckets = [
      unigramBucket('w', 'visa'),
      unigramBucket('p', 'visa'),
      bigramBucket('w', 'free', 'visa'),
    ];
    for (const b of buckets) {
      expect(b).toBeGreaterThanOrEqual(0);
      expect(b).toBeLessThan(HASH_DIM);
    }
    expect(new Set(buckets).size).toBe(3);
  });

  it('counts unigrams and bigrams, and unigrams only when asked', () => {
    const counts = wordCounts(['free', 'visa', 'free', 'visa'], 'w');
    expect(counts.get(unigramBucket('w', 'free'))).toBe(2);
    expect(counts.get(bigramBucket('w', 'free', 'visa'))).toBe(2);
    expect(counts.get(bigramBucket('w', 'visa', 'free'))).toBe(1);
    expect(wordCounts(['free', 'visa'], 'w', false).size).toBe(2);
  });

  it('takes the 3-, 4- and 5-grams inside a word padded with spaces', () => {
    // " visa " has 4 trigrams, 3 four-grams and 2 five-grams.
    expect(charBuckets('visa')).toHaveLength(9);
    expect(charBuckets('visa')).toEqual(charBuckets('visa'));
    expect(charBuckets('ab')).toHaveLength(2 + 1);
  });
});

describe('normaliseText and tokenize', () => {
  it('turns real and EMSCAD-hashed contact details into the same placeholder tokens', () => {
    const pasted = tokenize(
      normaliseText('Mail jobs@example.org or see https://example.org/apply'),
    );
    const emscad = tokenize(normaliseText('Mail #EMAIL_0b13a2# or see #URL_9f8e7d6c#'));
    expect(pasted).toEqual(['mail', 'zzemail', 'or', 'see', 'zzurl']);
    expect(emscad).toEqual(pasted);
    expect(tokenize(normaliseText('Call +66 812 345 678'))).toEqual(['call', 'zzphone']);
  });

  it('splits list items glued together, decodes the data’s entities, keeps currency signs', () => {
    expect(tokenize(normaliseText('experienceMust have Sales &amp; Marketing, $500'))).toEqual([
      'experience',
      'must',
      'have',
      'sales',
      'marketing',
      '$',
      '500',
    ]);
  });

  it('keeps unspaced scripts as runs of letters with their marks', () => {
    expect(tokenize(normaliseText('งานออนไลน์ รายได้สูง'))).toEqual(['งานออนไลน์', 'รายได้สูง']);
  });
});

describe('text indicators', () => {
  it('sees a chat app however it is written', async () => {
    const { rawTextDoc } = await import('./features.ts');
    for (const text of ['Message us on WhatsApp', 'whatsapp only', 'Join our Telegram group']) {
      expect(rawTextDoc(text).signals).toContain('messaging_app');
    }
    expect(rawTextDoc('Apply on our website').signals).not.toContain('messaging_app');
  });
});
