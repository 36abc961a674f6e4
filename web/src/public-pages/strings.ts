import type en from './strings/en.ts';

/** The languages the public pages are written in, with each one's name in itself. */
export const PUBLIC_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'th', name: 'ไทย' },
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'fil', name: 'Filipino' },
] as const;

export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number]['code'];

/** Every key of the English file, each a string in the other languages. */
export type PublicStrings = { readonly [K in keyof typeof en]: string };
export type PublicKey = keyof PublicStrings;

/** One `import()` per language: only the chosen language's file is fetched. */
const LOADERS: Record<PublicLanguage, () => Promise<{ default: PublicStrings }>> = {
  en: () => import('./strings/en.ts'),
  th: () => import('./strings/th.ts'),
  id: () => import('./strings/id.ts'),
  vi: () => import('./strings/vi.ts'),
  fil: () => import('./strings/fil.ts'),
};

/** Loads the strings of `lang`. */
export async function loadStrings(lang: PublicLanguage): Promise<PublicStrings> {
  return (await LOADERS[lang]()).default;
}

/** Whether `code` is a language of the public pages. */
export function isPublicLanguage(code: string | null | undefined): code is PublicLanguage {
  return PUBLIC_LANGUAGES.some((l) => l.code === code);
}

/**
 * The page's language: `?lang=` when it names one, else the browser's first supported language
 * (Tagalog counts as Filipino), else English. Nothing is stored: the choice lives in the URL.
 */
export function pickLanguage(search: string, browser: readonly string[]): PublicLanguage {
  const asked = new URLSearchParams(search).get('lang');
  if (isPublicLanguage(asked)) {
    return asked;
  }
  for (const tag of browser) {
    const primary = tag.toLowerCase().split('-')[0];
    const code = primary === 'tl' ? 'fil' : primary;
    if (isPublicLanguage(code)) {
      return code;
    }
  }
  return 'en';
}

/** `template` with each `{name}` replaced by `values[name]`. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
