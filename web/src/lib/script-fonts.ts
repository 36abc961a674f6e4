import { useEffect } from 'react';

/**
 * Fonts for writing systems, fetched only when needed (UX.md): for the active UI language (see
 * i18n) and for names on screen written in that script, whatever the UI language.
 *
 * Each loader is a separate `import()`, so a script's `@font-face` rules are a CSS chunk of their
 * own (about 1 kB a weight; 93 kB for Chinese, ~100 slices each with its character list) fetched
 * the first time a name in that script is shown, never with the first page. The rules carry
 * `unicode-range` (fontsource's `400.css`/`700.css`, not the one-subset files, which have none),
 * so the browser then downloads only the files for the characters on screen: for a Chinese name a
 * few of the slices of Noto Sans SC. Latin text never uses these families: the `.hw-name` stack
 * (cases.css) puts Noto Sans, loaded on every page, first. Devanagari is in Noto Sans itself.
 * test/e2e/script-fonts.e2e.ts checks which files a page fetches.
 */
const SCRIPT_FONTS = [
  {
    script: 'Thai',
    pattern: /\p{Script=Thai}/u,
    load: () =>
      Promise.all([
        import('@fontsource/noto-sans-thai/400.css'),
        import('@fontsource/noto-sans-thai/700.css'),
      ]),
  },
  {
    script: 'Lao',
    pattern: /\p{Script=Lao}/u,
    load: () =>
      Promise.all([
        import('@fontsource/noto-sans-lao/400.css'),
        import('@fontsource/noto-sans-lao/700.css'),
      ]),
  },
  {
    script: 'Khmer',
    pattern: /\p{Script=Khmer}/u,
    load: () =>
      Promise.all([
        import('@fontsource/noto-sans-khmer/400.css'),
        import('@fontsource/noto-sans-khmer/700.css'),
      ]),
  },
  {
    script: 'Myanmar',
    pattern: /\p{Script=Myanmar}/u,
    load: () =>
      Promise.all([
        import('@fontsource/noto-sans-myanmar/400.css'),
        import('@fontsource/noto-sans-myanmar/700.css'),
      ]),
  },
  {
    script: 'Bengali',
    pattern: /\p{Script=Bengali}/u,
    load: () =>
      Promise.all([
        import('@fontsource/noto-sans-bengali/400.css'),
        import('@fontsource/noto-sans-bengali/700.css'),
      ]),
  },
  {
    script: 'Sinhala',
    pattern: /\p{Script=Sinhala}/u,
    load: () =>
      Promise.all([
        import('@fontsource/noto-sans-sinhala/400.css'),
        import('@fontsource/noto-sans-sinhala/700.css'),
      ]),
  },
  {
    script: 'Ethiopic',
    pattern: /\p{Script=Ethiopic}/u,
    load: () =>
      Promise.all([
        import('@fontsource/noto-sans-ethiopic/400.css'),
        import('@fontsource/noto-sans-ethiopic/700.css'),
      ]),
  },
  {
    // Han characters, Simplified Chinese forms (Noto Sans SC also has the common Traditional ones).
    script: 'Han',
    pattern: /\p{Script=Han}/u,
    load: () =>
      Promise.all([
        import('@fontsource/noto-sans-sc/400.css'),
        import('@fontsource/noto-sans-sc/700.css'),
      ]),
  },
] as const;

export type FontScript = (typeof SCRIPT_FONTS)[number]['script'];

const started = new Set<FontScript>();
/** The `@font-face` rules being fetched, per script (to wait for them before printing). */
const loading = new Map<FontScript, Promise<void>>();

/** Loads the font for `script` once; a failed load only means the system font is used. */
export function loadScriptFont(script: FontScript): void {
  if (started.has(script)) {
    return;
  }
  started.add(script);
  const font = SCRIPT_FONTS.find((candidate) => candidate.script === script);
  const load = font?.load().then(
    () => undefined,
    () => {
      started.delete(script);
    },
  );
  if (load) {
    loading.set(script, load);
  }
}

/**
 * Resolves once the fonts for the scripts in `texts` are in the page and their files for these
 * characters are downloaded (before printing: paper shows empty boxes for a font still loading).
 */
export async function fontsReadyFor(texts: readonly (string | null | undefined)[]): Promise<void> {
  loadFontsFor(texts);
  const needed = SCRIPT_FONTS.filter((font) =>
    texts.some((text) => text && font.pattern.test(text)),
  );
  await Promise.all(needed.map((font) => loading.get(font.script) ?? Promise.resolve()));
  const sample = texts.filter(Boolean).join(' ');
  const family = (script: FontScript) =>
    script === 'Han' ? 'Noto Sans SC' : `Noto Sans ${script}`;
  await Promise.all(
    needed.map((font) =>
      document.fonts.load(`16px "${family(font.script)}"`, sample).catch(() => []),
    ),
  );
  await document.fonts.ready;
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
