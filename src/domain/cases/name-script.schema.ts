import { z } from 'zod';

/**
 * The writing system of a name, as an ISO 15924 code: four letters, the first upper case
 * (`Latn`, `Thai`, `Hani`). Any well-formed code is accepted, including ones Homeward has no
 * special handling for; `Hans` and `Hant` (simplified and traditional Han) are accepted from a
 * caller who knows, and treated like `Hani` (see `isHan`). No dependencies: the web imports this.
 */
export const ScriptSchema = z
  .string()
  .regex(/^[A-Z][a-z]{3}$/, 'An ISO 15924 script code: four letters, such as Latn, Thai or Hani');
export type Script = z.infer<typeof ScriptSchema>;

/**
 * Scripts detected from the text, in the order they are tried, as [ISO 15924 code, Unicode
 * script property name]. Han comes before Hiragana/Katakana/Hangul are checked, so a Japanese
 * name mixing kana and kanji is `Jpan` and Korean with Hanja `Kore` (see `detectScript`).
 */
const DETECTED: readonly (readonly [string, RegExp])[] = [
  ['Thai', /\p{Script=Thai}/u],
  ['Laoo', /\p{Script=Lao}/u],
  ['Khmr', /\p{Script=Khmer}/u],
  ['Mymr', /\p{Script=Myanmar}/u],
  ['Beng', /\p{Script=Bengali}/u],
  ['Deva', /\p{Script=Devanagari}/u],
  ['Sinh', /\p{Script=Sinhala}/u],
  ['Taml', /\p{Script=Tamil}/u],
  ['Ethi', /\p{Script=Ethiopic}/u],
  ['Arab', /\p{Script=Arabic}/u],
  ['Hebr', /\p{Script=Hebrew}/u],
  ['Cyrl', /\p{Script=Cyrillic}/u],
  ['Grek', /\p{Script=Greek}/u],
  ['Geor', /\p{Script=Georgian}/u],
  ['Armn', /\p{Script=Armenian}/u],
  ['Tibt', /\p{Script=Tibetan}/u],
  ['Mong', /\p{Script=Mongolian}/u],
  ['Tglg', /\p{Script=Tagalog}/u],
  ['Java', /\p{Script=Javanese}/u],
  ['Bali', /\p{Script=Balinese}/u],
  ['Latn', /\p{Script=Latin}/u],
];
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const HANGUL = /\p{Script=Hangul}/u;
const HAN = /\p{Script=Han}/u;

/** The codes the forms offer; any other well-formed code is accepted too. */
export const SCRIPTS = [
  ...DETECTED.map(([code]) => code),
  'Hani',
  'Hans',
  'Hant',
  'Jpan',
  'Kore',
  'Zyyy',
] as const;

/**
 * The script of a name from its letters: the script of the most letters (a name that mixes
 * scripts is rare and usually a Latin initial in a native name), `Hani` for Chinese characters,
 * `Jpan` when there is kana, `Kore` when there is Hangul, or undefined when the text has no letter
 * of a known script (empty, digits, punctuation).
 *
 * @example detectScript('ประเสริฐ') // 'Thai'
 * @example detectScript('王伟') // 'Hani'
 */
export function detectScript(text: string): Script | undefined {
  const counts = new Map<string, number>();
  for (const char of text) {
    const code = scriptOfChar(char);
    if (code) {
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  if (counts.has('Jpan') || counts.has('Kore')) {
    return counts.has('Jpan') ? 'Jpan' : 'Kore';
  }
  let best: string | undefined;
  for (const [code, n] of counts) {
    if (best === undefined || n > (counts.get(best) ?? 0)) {
      best = code;
    }
  }
  return best;
}

function scriptOfChar(char: string): string | undefined {
  if (HAN.test(char)) {
    return 'Hani';
  }
  if (KANA.test(char)) {
    return 'Jpan';
  }
  if (HANGUL.test(char)) {
    return 'Kore';
  }
  return DETECTED.find(([, pattern]) => pattern.test(char))?.[0];
}

/** Han in any of its codes: `Hani` (detected), `Hans`, `Hant`. */
export function isHan(script: string | null | undefined): boolean {
  return script === 'Hani' || script === 'Hans' || script === 'Hant';
}

/**
 * The script a name form shows after the name changed from `before` to `after` (forms fill the
 * script in as the name is typed): the one detected from the new text while the script still
 * follows the text (it is the one detected from the old text, or `Latn` for an empty name), and
 * otherwise the one the user chose, which typing never overrides. A change of the script itself
 * is kept as it is.
 *
 * @example followScript({ text: 'ป', script: 'Thai' }, { text: 'ปร', script: 'Thai' }) // 'Thai'
 * @example followScript({ text: '', script: 'Latn' }, { text: '王', script: 'Latn' }) // 'Hani'
 */
export function followScript(
  before: { text: string; script: string },
  after: { text: string; script: string },
): string {
  if (after.script !== before.script || after.text === before.text) {
    return after.script;
  }
  const follows = before.script === (detectScript(before.text) ?? 'Latn');
  return follows ? (detectScript(after.text) ?? after.script) : after.script;
}

/** `followScript` for each row of a list of names, matched to its previous state by `key`. */
export function followScripts<
  Row extends { key: string; given: string; family: string; script: string },
>(before: readonly Row[], after: Row[]): Row[] {
  return after.map((row) => {
    const old = before.find((b) => b.key === row.key);
    const script = old
      ? followScript(
          { text: `${old.given} ${old.family}`.trim(), script: old.script },
          { text: `${row.given} ${row.family}`.trim(), script: row.script },
        )
      : row.script;
    return script === row.script ? row : { ...row, script };
  });
}
