import anyAscii from 'any-ascii';
import { romaniseKhmer } from './romanise-khmer.ts';
import { romaniseMyanmar } from './romanise-myanmar.ts';
import { romaniseThai } from './romanise-thai.ts';

/**
 * Search keys for names in any script. `nameKey` is the name as written (NFKC, lower case) for
 * trigram matching in its own script; `latinKey` is its Latin form so that a name typed in Latin
 * letters finds one recorded in Thai, Khmer, Burmese, Bengali, Amharic or Chinese, and the other
 * way round. Thai, Burmese and Khmer words follow the usual systems for names (RTGS, the customary
 * passport spellings, UNGEGN: ประเสริฐ "prasoet", ထွန်း "htun"); other scripts use any-ascii
 * (Chinese as pinyin: 王伟 "wang wei"). What remains between a romanisation and a person's own
 * spelling (Prasoet / Prasert) is matched by the dictionary's sound key (`hw_name_sound`).
 */
export function nameKey(given?: string | null, family?: string | null): string {
  return [given, family]
    .filter((p): p is string => Boolean(p?.trim()))
    .join(' ')
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Version of the keys `latinKey` computes. Identities written with an older version are
 * recomputed at start-up (`refreshNameKeys`); raise it with a migration that marks the rows.
 */
export const NAME_KEY_VERSION = 1;

const ROMANISERS: readonly (readonly [RegExp, (word: string) => string])[] = [
  [/\p{Script=Thai}/u, romaniseThai],
  [/\p{Script=Myanmar}/u, romaniseMyanmar],
  [/\p{Script=Khmer}/u, romaniseKhmer],
];

/**
 * Latin key: letters and digits only, single spaces, word by word (so the key of a full name is
 * the keys of its words joined by spaces).
 */
export function latinKey(text: string): string {
  return text
    .split(/\s+/)
    .map((word) => {
      const romanise = ROMANISERS.find(([pattern]) => pattern.test(word))?.[1];
      return anyAscii(romanise ? romanise(word) : word)
        .toLowerCase()
        .replace(/[^a-z0-9 ]+/g, '')
        .trim();
    })
    .filter(Boolean)
    .join(' ')
    .replace(/\s+/g, ' ');
}

export { displayName } from './display-name.ts';
