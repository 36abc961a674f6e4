import { describe, expect, it } from 'vitest';
import en from './en.json';
import th from './th.json';

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Strings that are the same in every language (the product name, a dash). */
const SAME_IN_EVERY_LANGUAGE = new Set(['app.name', 'app.documentTitle', 'common.none']);

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const result = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof child === 'string') {
      result.set(path, child);
    } else {
      flatten(child, path).forEach((text, childPath) => result.set(childPath, text));
    }
  }
  return result;
}

/** Keys without plural suffixes: Thai has one plural form where English has two. */
function baseKeys(messages: Map<string, string>): string[] {
  return [...new Set([...messages.keys()].map((key) => key.replace(PLURAL_SUFFIX, '')))].sort();
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1] ?? '').sort();
}

describe('translations', () => {
  const english = flatten(en);
  const thai = flatten(th);

  it('has every English key in Thai and nothing extra', () => {
    expect(baseKeys(thai)).toEqual(baseKeys(english));
  });

  it('gives Thai the plural form it uses (other)', () => {
    const plurals = [...english.keys()].filter((key) => key.endsWith('_other'));
    plurals.forEach((key) => expect(thai.has(key), key).toBe(true));
  });

  it('translates every string rather than copying the English', () => {
    const copied = [...thai.entries()].filter(
      ([key, text]) => !SAME_IN_EVERY_LANGUAGE.has(key) && english.get(key) === text,
    );
    expect(copied).toEqual([]);
  });

  it('keeps the same placeholders', () => {
    for (const [key, text] of thai) {
      const source = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, '_other')) ?? '';
      expect(placeholders(text), key).toEqual(placeholders(source));
    }
  });
});
