import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '@/domain/auth/auth.schema.ts';
import { SIGNED_OUT } from '@web/lib/device-state';
import { loadScriptFont, type FontScript } from '@web/lib/script-fonts';
import en from './en.json';

interface LanguageDef {
  code: UiLanguage;
  /** The language's name in itself, for the switcher. */
  name: string;
  /** Drafted without a native speaker (TRANSLATIONS.md): the switcher says so. */
  draft: boolean;
  /** The script font to fetch while it is the UI language (Latin is in Noto Sans). */
  font?: FontScript;
}

/** Every language the UI can have, each named in its own language (see TRANSLATIONS.md). */
const ALL_LANGUAGES: readonly LanguageDef[] = [
  { code: 'en', name: 'English', draft: false },
  { code: 'th', name: 'ไทย', draft: false, font: 'Thai' },
  { code: 'km', name: 'ខ្មែរ', draft: true, font: 'Khmer' },
  { code: 'my', name: 'မြန်မာ', draft: true, font: 'Myanmar' },
  { code: 'vi', name: 'Tiếng Việt', draft: true },
  { code: 'id', name: 'Bahasa Indonesia', draft: true },
  { code: 'bn', name: 'বাংলা', draft: true, font: 'Bengali' },
  { code: 'sw', name: 'Kiswahili', draft: true },
];

/**
 * The other languages' messages, one chunk each, fetched when the language is chosen (only
 * English is in the first download). A language whose file is not there yet is simply not offered.
 */
const BUNDLES = import.meta.glob<{ default: Record<string, unknown> }>(['./*.json', '!./en.json']);

function bundleOf(code: string) {
  return BUNDLES[`./${code}.json`];
}

/** Languages of the UI whose messages exist, in the switcher's order. */
export const LANGUAGES: readonly LanguageDef[] = ALL_LANGUAGES.filter(
  (language) => language.code === 'en' || bundleOf(language.code) !== undefined,
);

export type LanguageCode = UiLanguage;

/** True when `value` is one of the UI languages. */
export function isLanguageCode(value: unknown): value is LanguageCode {
  return LANGUAGES.some((language) => language.code === value);
}

/**
 * Before login: the language a logout passed on, else the first browser language we have, else
 * English. Nothing is read from the device's storage; after login the server's preference wins.
 */
export function initialLanguage(): LanguageCode {
  if (isLanguageCode(SIGNED_OUT.language)) {
    return SIGNED_OUT.language;
  }
  const preferred = navigator.languages
    .map((tag) => tag.toLowerCase().split('-')[0])
    .find(isLanguageCode);
  return preferred ?? 'en';
}

/**
 * Fetches the messages of `code` once (for `i18n.getFixedT(code)`, such as a consent form printed
 * in the person's language). Rejects when the chunk cannot be fetched.
 */
export async function loadMessages(code: LanguageCode): Promise<void> {
  const load = bundleOf(code);
  if (code === 'en' || !load || i18n.hasResourceBundle(code, 'translation')) {
    return;
  }
  const messages = await load();
  i18n.addResourceBundle(code, 'translation', messages.default, true, true);
}

/**
 * Fetches the messages of `code` (once) and switches the UI to it. A chunk that cannot be fetched
 * (offline) leaves the current language in place.
 */
export async function switchLanguage(code: LanguageCode): Promise<void> {
  try {
    await loadMessages(code);
  } catch {
    return;
  }
  await i18n.changeLanguage(code);
}

/** Redraws every translated text (after a change of calendar, which `Intl` formats with). */
export function redrawTexts(): void {
  void i18n.changeLanguage(i18n.language);
}

function applyLanguage(language: string): void {
  const definition = LANGUAGES.find((candidate) => candidate.code === language);
  document.documentElement.lang = definition?.code ?? 'en';
  if (definition?.font) {
    loadScriptFont(definition.font);
  }
}

i18n.on('languageChanged', applyLanguage);

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  partialBundledLanguages: true,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((language) => language.code),
  interpolation: { escapeValue: false },
  returnNull: false,
});

const startLanguage = initialLanguage();
if (startLanguage !== 'en') {
  void switchLanguage(startLanguage);
}

export default i18n;
