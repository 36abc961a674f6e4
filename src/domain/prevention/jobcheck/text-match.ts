/**
 * Text matching for the red-flag rules: one normal form for adverts and patterns alike, so a
 * pattern written once matches the many ways the same words reach a phone screen.
 *
 * The normal form is NFKC (full-width and circled letters and digits become ASCII, ligatures
 * split), lower case, zero-width characters removed (Thai, Burmese and Khmer text often carries
 * U+200B between words), digits of Thai, Bengali, Burmese, Khmer, Lao and Arabic scripts as ASCII,
 * and runs of white space as one space. Matching runs on a folded copy in which the accents on
 * Latin letters are dropped (`việc nhẹ lương cao` and `viec nhe luong cao` match alike, `đ` is
 * `d`); marks on other scripts are letters' vowels and stay.
 */

/** First code point of each script's digits 0–9 that NFKC leaves as they are. */
const DIGIT_ZEROS = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0x0ed0, 0x1040, 0x17e0];
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/gu;

function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0)!;
  const zero = DIGIT_ZEROS.find((z) => cp >= z && cp <= z + 9);
  return zero === undefined ? ch : String(cp - zero);
}

/** Latin letters written one by one to slip past filters: `T e l e g r a m`. */
const SPACED_OUT = /(?<!\p{L})(?:\p{Script=Latin} ){3,}\p{Script=Latin}(?!\p{L})/gu;

/**
 * The normal form described above (not folded), also undoing two common disguises of words
 * that platforms filter: letters spaced out (`t e l e g r a m`) and `@` for `a` inside a word
 * (`wh@tsapp`, `c@sino`).
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(ZERO_WIDTH, '')
    .replace(/\p{Nd}/gu, asciiDigit)
    .replace(/\s+/gu, ' ')
    .replace(SPACED_OUT, (m) => m.replaceAll(' ', ''))
    .replace(/(?<=\p{L})@(?=\p{L})/gu, 'a')
    .trim();
}

/** Drops the accents of a Latin letter (Latin-1, Latin Extended A/B, Vietnamese); others stay. */
function foldChar(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp < 0xc0 || (cp > 0x24f && (cp < 0x1e00 || cp > 0x1eff))) {
    return ch;
  }
  return ch === 'đ' ? 'd' : ch.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** A character at or above U+00C0: below it, foldChar leaves every character as it is. */
const NEEDS_FOLDING = /[^\p{ASCII}\u0080-\u00bf]/u;

/** Normalised text, its folded copy, and where each folded character came from. */
export interface PreparedText {
  normal: string;
  folded: string;
  /** `origin[i]` is the index in `normal` of the character that produced `folded[i]`. */
  origin: number[];
}

/** Normalises and folds a text once, for matching many patterns against it. */
export function prepareText(text: string): PreparedText {
  const normal = normalise(text);
  if (!NEEDS_FOLDING.test(normal)) {
    // Most adverts: no accented letter, so the folded copy is the text itself.
    const origin = new Array<number>(normal.length + 1);
    for (let i = 0; i <= normal.length; i++) {
      origin[i] = i;
    }
    return { normal, folded: normal, origin };
  }
  let folded = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of normal) {
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k += 1) {
      origin.push(i);
    }
    folded += f;
    i += ch.length;
  }
  origin.push(normal.length);
  return { normal, folded, origin };
}

/** Scripts written without spaces between words: their patterns match as substrings. */
const UNSPACED = /[\p{Script=Thai}\p{Script=Lao}\p{Script=Myanmar}\p{Script=Khmer}\p{Script=Han}]/u;
const SPACED_SCRIPTS = ['Latin', 'Bengali', 'Devanagari', 'Arabic', 'Cyrillic'] as const;

/** A negative look-around that keeps a spaced-script word from matching inside a longer word. */
function boundaryFor(ch: string, ahead: boolean): string {
  if (UNSPACED.test(ch)) {
    return '';
  }
  const script = SPACED_SCRIPTS.find((s) => new RegExp(`\\p{Script=${s}}`, 'u').test(ch));
  const cls = script ? `[\\p{Script=${script}}\\p{M}\\p{N}]` : '[\\p{N}]';
  if (!/[\p{L}\p{N}]/u.test(ch)) {
    return '';
  }
  return ahead ? `(?!${cls})` : `(?<!${cls})`;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Compiles one pattern of the rules' data:
 * - a phrase (`free flight`, `ค่าตอบแทนสูง`): matched after the same normalisation and folding
 *   as the text; a space matches any run of spaces, hyphens, dots, commas or slashes (or none);
 *   words of spaced scripts match whole (`line` does not match `online`);
 * - `*` at the start or end of a phrase lifts that boundary (`gaji*` matches `gajinya`);
 * - `=` at the start: matched against the text with its accents (`=lào` is Laos, not `lao động`);
 * - `re:` followed by a regular expression (Unicode mode), matched against the folded text as is.
 * @throws SyntaxError when a `re:` pattern is not a valid expression.
 */
export function compilePattern(pattern: string): CompiledPattern {
  const { before, body, after, accents } = patternSource(pattern);
  return { re: new RegExp(`${before}${body}${after}`, 'gu'), accents };
}

interface PatternSource {
  before: string;
  body: string;
  after: string;
  accents: boolean;
  /** Whether the body is a phrase's (escaped words and separators), not a `re:` expression. */
  phrase: boolean;
}

function patternSource(pattern: string): PatternSource {
  if (pattern.startsWith('re:')) {
    // NFKC like the text (Bengali য় is two code points there); no lower-casing: \P ≠ \p.
    const body = pattern.slice(3).normalize('NFKC');
    new RegExp(body, 'u'); // throws here, naming the pattern, if it is invalid
    return { before: '', body, after: '', accents: false, phrase: false };
  }
  const accents = pattern.startsWith('=');
  const bare = accents ? pattern.slice(1) : pattern;
  const prepared = prepareText(bare.replace(/^\*|\*$/g, ''));
  const phrase = accents ? prepared.normal : prepared.folded;
  if (phrase === '') {
    throw new SyntaxError(`Empty pattern: "${pattern}"`);
  }
  const body = phrase.split(' ').map(escapeRe).join('[\\s\\-–—.,/]*');
  const chars = [...phrase];
  const before = bare.startsWith('*') ? '' : boundaryFor(chars[0]!, false);
  const after = bare.endsWith('*') ? '' : boundaryFor(chars[chars.length - 1]!, true);
  return { before, body, after, accents, phrase: true };
}

/**
 * Compiles many patterns into as few expressions as possible (one for those matched without
 * accents, one for those with): one scan of the text per rule instead of one per phrase. Longer
 * phrases come first, so the longest of two phrases starting at the same place is the one found.
 */
export function compilePatterns(patterns: readonly string[]): CompiledPattern[] {
  const sources = [...patterns]
    .sort((a, b) => b.length - a.length)
    .map((p) => {
      try {
        return patternSource(p);
      } catch (error) {
        throw new SyntaxError(`Invalid pattern "${p}": ${String(error)}`, { cause: error });
      }
    });
  return [false, true].flatMap((accents) => {
    const group = sources.filter((s) => s.accents === accents);
    if (group.length === 0) {
      return [];
    }
    // Phrases with the same boundaries share them: (?<!…)(?:a|b|c)(?!…) scans faster.
    const byBoundary = new Map<string, PatternSource[]>();
    for (const s of group) {
      const key = `${s.before}\u0000${s.after}`;
      byBoundary.set(key, [...(byBoundary.get(key) ?? []), s]);
    }
    const parts = [...byBoundary.values()].map(
      (list) => `(?:${alternation(list, list[0]!.before)})${list[0]!.after}`,
    );
    const re = new RegExp(parts.map((p) => `(?:${p})`).join('|'), 'gu');
    return [{ re, accents }];
  });
}

/** A phrase body's first unit: an escaped character or one code point. */
function firstUnit(body: string): string {
  return body.startsWith('\\') ? body.slice(0, 2) : String.fromCodePoint(body.codePointAt(0)!);
}

/**
 * `before` (the bodies' shared look-behind) followed by the alternation of the bodies, in order,
 * with the phrases of each run between `re:` patterns grouped by their first character:
 * `a(?:…|…)|b(?:…)`. Phrases that start with different characters never match at the same place,
 * so the matches are those of the plain alternation, but the engine tries one group per position
 * instead of every phrase. The look-behind, a costly test of Unicode classes, is moved after the
 * first character (`a(?<!X[^])` is `(?<!X)a`), so it runs only where a phrase can start.
 */
function alternation(list: readonly PatternSource[], before: string): string {
  const out: string[] = [];
  const late = before === '' ? '' : `${before.slice(0, -1)}[^])`;
  let run = new Map<string, string[]>();
  const flush = (): void => {
    for (const [unit, rests] of run) {
      const rest = rests.length === 1 ? rests[0]! : `(?:${rests.join('|')})`;
      out.push(`${unit}${late}${rest}`);
    }
    run = new Map();
  };
  for (const s of list) {
    if (!s.phrase) {
      flush();
      out.push(`${before}(?:${s.body})`);
    } else {
      const unit = firstUnit(s.body);
      run.set(unit, [...(run.get(unit) ?? []), s.body.slice(unit.length)]);
    }
  }
  flush();
  return out.join('|');
}

/** A compiled pattern; `accents` = matched against the normalised text instead of the folded. */
export interface CompiledPattern {
  re: RegExp;
  accents: boolean;
}

/**
 * The matched passages of the normalised text (not folded), at most `limit` of them; with
 * `negations`, passages right after a negation (see `isNegated`) are left out.
 */
export function findAll(
  prepared: PreparedText,
  pattern: CompiledPattern,
  limit = 3,
  negations?: readonly CompiledPattern[],
): string[] {
  const found: string[] = [];
  const haystack = pattern.accents ? prepared.normal : prepared.folded;
  for (const m of haystack.matchAll(pattern.re)) {
    if (negations && !pattern.accents && isNegated(prepared, m.index, negations)) {
      continue;
    }
    if (pattern.accents) {
      found.push(m[0]);
    } else {
      const start = prepared.origin[m.index]!;
      found.push(prepared.normal.slice(start, prepared.origin[m.index + m[0].length]));
    }
    if (found.length >= limit) {
      break;
    }
  }
  return found;
}

/**
 * Whether the passage at `start` of the folded text comes right after a negation: a cue such as
 * `no`, `without`, `ไม่มี` or `不`, followed by at most two words in spaced scripts (`we do not
 * charge any placement fee`) or by nothing in scripts without spaces (`不收押金`).
 */
export function isNegated(
  prepared: PreparedText,
  start: number,
  cues: readonly CompiledPattern[],
): boolean {
  const window = prepared.folded.slice(Math.max(0, start - 18), start);
  return cues.some((cue) => {
    for (const m of window.matchAll(cue.re)) {
      const gap = window.slice(m.index + m[0].length);
      const unspaced = UNSPACED.test(m[0].slice(-1));
      if (unspaced ? gap === '' : gap.trim().split(/\s+/u).filter(Boolean).length <= 2) {
        return true;
      }
    }
    return false;
  });
}
