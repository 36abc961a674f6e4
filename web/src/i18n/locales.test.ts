import { describe, expect, it } from 'vitest';
import en from './en.json';

/** Every message file present (a language the translator has not delivered yet is not here). */
const FILES = import.meta.glob<{ default: unknown }>(['./*.json', '!./en.json'], { eager: true });
const LANGUAGE_FILES = Object.entries(FILES).map(
  ([path, module]) => [path.replace(/^\.\/|\.json$/g, ''), module.default] as const,
);

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** Strings that may be the same as the English (the product name, a dash, formats of names). */
const SAME_IN_EVERY_LANGUAGE = new Set([
  'app.name',
  'app.documentTitle',
  'common.none',
  'language.draftName',
  'audit.entityLabel',
  'caseList.capped',
]);

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

/** The plural keys of `messages` by base key, each with its suffixes. */
function pluralForms(messages: Map<string, string>): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const key of messages.keys()) {
    const match = PLURAL_SUFFIX.exec(key);
    if (match) {
      const base = key.slice(0, match.index);
      forms.set(base, [...(forms.get(base) ?? []), match[1] ?? ''].sort());
    }
  }
  return forms;
}

const english = flatten(en);

describe('English', () => {
  it('has the plural forms English uses (one, other) for every plural key', () => {
    // `_zero` is i18next's own form for a count of 0, in any language, beside the CLDR ones.
    for (const [key, forms] of pluralForms(english)) {
      expect(
        forms.filter((form) => form !== 'zero'),
        key,
      ).toEqual(['one', 'other']);
    }
  });
});

describe.each(LANGUAGE_FILES)('translations: %s', (code, messages) => {
  const translated = flatten(messages);
  const categories = [...new Intl.PluralRules(code).resolvedOptions().pluralCategories].sort();

  it('has every English key and nothing extra', () => {
    const have = new Set(baseKeys(translated));
    const want = new Set(baseKeys(english));
    const missing = [...want].filter((key) => !have.has(key));
    const extra = [...have].filter((key) => !want.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('gives every plural key exactly the forms Intl.PluralRules has for the language', () => {
    const forms = pluralForms(translated);
    for (const [base, englishForms] of pluralForms(english)) {
      const wanted = englishForms.includes('zero') ? [...categories, 'zero'].sort() : categories;
      expect(forms.get(base), `${code}: ${base}`).toEqual(wanted);
    }
  });

  it('leaves no string empty', () => {
    const empty = [...translated.entries()].filter(([, text]) => text.trim() === '');
    expect(empty).toEqual([]);
  });

  it.runIf(code === 'th')('translates every string rather than copying the English', () => {
    const copied = [...translated.entries()].filter(
      ([key, text]) => !SAME_IN_EVERY_LANGUAGE.has(key) && english.get(key) === text,
    );
    expect(copied).toEqual([]);
  });

  it('keeps the same placeholders', () => {
    for (const [key, text] of translated) {
      const source = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, '_other')) ?? '';
      expect(placeholders(text), `${code}: ${key}`).toEqual(placeholders(source));
    }
  });
});

describe('language files', () => {
  it('include Thai and the six new languages once they are delivered', () => {
    const codes = LANGUAGE_FILES.map(([code]) => code);
    expect(codes).toContain('th');
    for (const code of codes) {
      expect(['th', 'km', 'my', 'vi', 'id', 'bn', 'sw'], code).toContain(code);
    }
  });
});
