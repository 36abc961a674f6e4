import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { loadScriptFont } from '@web/lib/script-fonts';
import en from './en.json';
import th from './th.json';

/** Languages of the UI, each named in its own language for the switcher. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'th', name: 'ไทย' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

/** localStorage key that remembers the chosen language on this device. */
export const LANGUAGE_STORAGE_KEY = 'homeward.lang';

/** Script fonts are fetched only when their language is active (UX.md). */
const FONT_LOADERS: Partial<Record<LanguageCode, () => void>> = {
  th: () => loadScriptFont('Thai'),
};

/** True when `value` is one of the UI languages. */
export function isLanguageCode(value: unknown): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    // Storage can be blocked (private mode, strict settings); fall back to the browser language.
    return null;
  }
}

/** The stored choice, else the first browser language we support, else English. */
export function initialLanguage(): LanguageCode {
  const stored = readStoredLanguage();
  if (isLanguageCode(stored)) {
    return stored;
  }
  const preferred = navigator.languages
    .map((tag) => tag.toLowerCase().split('-')[0])
    .find(isLanguageCode);
  return preferred ?? 'en';
}

function applyLanguage(language: string): void {
  const code = isLanguageCode(language) ? language : 'en';
  document.documentElement.lang = code;
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, code);
  } catch {
    // Not remembered across visits, but the switch itself still works.
  }
  FONT_LOADERS[code]?.();
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, th: { translation: th } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
