import { useEffect } from 'react';

/**
 * Fonts for writing systems, fetched only when needed (UX.md): for the active UI language (see
 * i18n) and for names on screen written in that script, whatever the UI language.
 *
 * Only Thai has an `@fontsource` package installed today. Names in Lao, Khmer, Burmese, Bengali,
 * Devanagari, Sinhala, Ethiopic and Chinese use the `.hw-name` font stack (cases.css), which names
 * the Noto families and the usual system fonts for each script. Once a package such as
 * `@fontsource/noto-sans-khmer` is added, give it a loader here and names in it use it.
 */
const SCRIPT_FONTS = [
  {
    script: 'Thai',
    pattern: /[\u0E00-\u0E7F]/u,
    load: () =>
      Promise.all([
        import('@fontsource/noto-sans-thai/400.css'),
        import('@fontsource/noto-sans-thai/700.css'),
      ]),
  },
] as const;

export type FontScript = (typeof SCRIPT_FONTS)[number]['script'];

const started = new Set<FontScript>();

/** Loads the font for `script` once; a failed load only means the system font is used. */
export function loadScriptFont(script: FontScript): void {
  if (started.has(script)) {
    return;
  }
  started.add(script);
  const font = SCRIPT_FONTS.find((candidate) => candidate.script === script);
  font?.load().catch(() => {
    started.delete(script);
  });
}

/** Loads the fonts for the scripts used in `texts` (names on screen). */
export function loadFontsFor(texts: readonly (string | null | undefined)[]): void {
  for (const font of SCRIPT_FONTS) {
    if (!started.has(font.script) && texts.some((text) => text && font.pattern.test(text))) {
      loadScriptFont(font.script);
    }
  }
}

/** `loadFontsFor` after render, again whenever the joined text changes. */
export function useNameFonts(texts: readonly (string | null | undefined)[]): void {
  const joined = texts.filter(Boolean).join('\n');
  useEffect(() => {
    loadFontsFor([joined]);
  }, [joined]);
}
