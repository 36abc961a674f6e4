import anyAscii from 'any-ascii';

/**
 * Search keys for names in any script. `nameKey` is the name as written (NFKC, lower case) for
 * trigram matching in its own script; `latinKey` is an any-ascii transliteration so that a name
 * typed in Latin letters can find one recorded in Thai, Khmer, Burmese, Bengali, Amharic or
 * Chinese, and the other way round. Transliteration is rough (Thai "สมชาย" → "smchay", while the
 * usual spelling is "Somchai"): caseworkers record common spellings as aliases, which get keys too.
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

/** Latin transliteration key: letters and digits only, single spaces. */
export function latinKey(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

export { displayName } from './display-name.ts';
