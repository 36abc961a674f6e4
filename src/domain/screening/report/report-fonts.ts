import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create, type Font } from 'fontkit';

/**
 * The Noto fonts the report embeds, from the @fontsource packages (runtime dependencies: found in
 * node_modules beside the source or the built server). Each face covers one Unicode subset, so a
 * text is split into runs by which face has each character (`fontRuns`): a character missing
 * from the Thai face (an em dash, curly quotes) is set in the Latin one instead of a box.
 */
const require = createRequire(import.meta.url);

export type Weight = 'regular' | 'bold';

/** Package and file stem of each face, in fallback order (Latin first for Latin text). */
const FACES = [
  ['@fontsource/noto-sans', 'noto-sans-latin'],
  ['@fontsource/noto-sans', 'noto-sans-latin-ext'],
  ['@fontsource/noto-sans-thai', 'noto-sans-thai-thai'],
  ['@fontsource/noto-sans-khmer', 'noto-sans-khmer-khmer'],
  ['@fontsource/noto-sans-myanmar', 'noto-sans-myanmar-myanmar'],
  ['@fontsource/noto-sans-bengali', 'noto-sans-bengali-bengali'],
  ['@fontsource/noto-sans', 'noto-sans-vietnamese'],
] as const;

/** One loaded face: the name it is registered under in a document, its bytes, its glyph map. */
export interface Face {
  name: string;
  data: Buffer;
  font: Font;
}

const loaded = new Map<Weight, Face[]>();

function load(weight: Weight): Face[] {
  const w = weight === 'bold' ? 700 : 400;
  return FACES.map(([pkg, stem]) => {
    const data = readFileSync(require.resolve(`${pkg}/files/${stem}-${w}-normal.woff`));
    return { name: `${stem}-${w}`, data, font: create(data) as Font };
  });
}

/** The faces of `weight`, read once per process. */
export function faces(weight: Weight): Face[] {
  let found = loaded.get(weight);
  if (!found) {
    found = load(weight);
    loaded.set(weight, found);
  }
  return found;
}

/** A stretch of text set in one face. */
export interface Run {
  face: string;
  text: string;
}

/**
 * `text` split into runs by font coverage: a character stays in the current face while that
 * face has it (so spaces and marks stay with their words), else goes to the first face that
 * has it; a character no face has stays in the current face (or the first).
 */
export function fontRuns(text: string, weight: Weight): Run[] {
  const list = faces(weight);
  const runs: Run[] = [];
  let current: Face | undefined;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!current?.font.hasGlyphForCodePoint(cp)) {
      current = list.find((f) => f.font.hasGlyphForCodePoint(cp)) ?? current ?? list[0]!;
    }
    const last = runs.at(-1);
    if (last?.face === current.name) {
      last.text += ch;
    } else {
      runs.push({ face: current.name, text: ch });
    }
  }
  return runs;
}

/** Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer). */
const NO_SPACES = /[\u0E00-\u0EFF\u1000-\u109F\u1780-\u17FF]/u;
const segmenter = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * `text` with a zero-width space between two words of a script written without spaces, so lines
 * wrap between words (the dictionary segmentation of ICU) instead of inside a cluster.
 */
export function withWordBreaks(text: string): string {
  if (!NO_SPACES.test(text)) {
    return text;
  }
  let out = '';
  let previous = '';
  for (const { segment } of segmenter.segment(text)) {
    if (NO_SPACES.test(previous.slice(-1)) && NO_SPACES.test(segment.charAt(0))) {
      out += '\u200B';
    }
    out += segment;
    previous = segment;
  }
  return out;
}
