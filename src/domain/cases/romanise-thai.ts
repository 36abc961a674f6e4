/**
 * Thai names in Latin letters, close to the Royal Thai General System (RTGS) as names are
 * usually spelt: ประเสริฐ → "prasoet" (people write Prasert), สมชาย → "somchai", ธนากร →
 * "thanakon" (Thanakorn). Tone marks are dropped, a consonant under the cancel mark (์) is
 * silent, the inherent vowel is "o" in a closed syllable and "a" in an open one. Words are cut
 * with `Intl.Segmenter` (Node's full ICU) so that compound names split where Thai does. The
 * remaining differences from customary spellings (Prasert/Prasoet, Jaidee/Chaidi) are what the
 * sound key of the search dictionary absorbs (`hw_name_sound`, migration name_sound_keys).
 */
const INITIAL: Record<string, string> = {
  ก: 'k',
  ข: 'kh',
  ฃ: 'kh',
  ค: 'kh',
  ฅ: 'kh',
  ฆ: 'kh',
  ง: 'ng',
  จ: 'ch',
  ฉ: 'ch',
  ช: 'ch',
  ซ: 's',
  ฌ: 'ch',
  ญ: 'y',
  ฎ: 'd',
  ฏ: 't',
  ฐ: 'th',
  ฑ: 'th',
  ฒ: 'th',
  ณ: 'n',
  ด: 'd',
  ต: 't',
  ถ: 'th',
  ท: 'th',
  ธ: 'th',
  น: 'n',
  บ: 'b',
  ป: 'p',
  ผ: 'ph',
  ฝ: 'f',
  พ: 'ph',
  ฟ: 'f',
  ภ: 'ph',
  ม: 'm',
  ย: 'y',
  ร: 'r',
  ฤ: 'rue',
  ล: 'l',
  ว: 'w',
  ศ: 's',
  ษ: 's',
  ส: 's',
  ห: 'h',
  ฬ: 'l',
  อ: '',
  ฮ: 'h',
};
const FINAL: Record<string, string> = {
  ก: 'k',
  ข: 'k',
  ค: 'k',
  ฆ: 'k',
  ง: 'ng',
  จ: 't',
  ฉ: 't',
  ช: 't',
  ซ: 't',
  ฌ: 't',
  ญ: 'n',
  ฎ: 't',
  ฏ: 't',
  ฐ: 't',
  ฑ: 't',
  ฒ: 't',
  ณ: 'n',
  ด: 't',
  ต: 't',
  ถ: 't',
  ท: 't',
  ธ: 't',
  น: 'n',
  บ: 'p',
  ป: 'p',
  พ: 'p',
  ฟ: 'p',
  ภ: 'p',
  ม: 'm',
  ย: 'i',
  ร: 'n',
  ล: 'n',
  ว: 'o',
  ศ: 't',
  ษ: 't',
  ส: 't',
  ฬ: 'n',
};
const LEADING = new Set(['เ', 'แ', 'โ', 'ใ', 'ไ']);
/** Signs written after, above or below the consonant. */
const FOLLOWING = new Set(['ะ', 'ั', 'า', 'ำ', 'ิ', 'ี', 'ึ', 'ื', 'ุ', 'ู', '็', 'ๅ']);
/** Tone marks, nikhahit, phinthu, paiyannoi and mai yamok: not spelt. */
const IGNORED = new Set([
  '\u0E48',
  '\u0E49',
  '\u0E4A',
  '\u0E4B',
  '\u0E4D',
  '\u0E2F',
  '\u0E46',
  '\u0E3A',
]);
const CANCEL = '\u0E4C';
/** Second consonants of initial clusters (กร, ปล, ขว …) and the consonants that take them. */
const CLUSTER_HEADS = new Set(['ก', 'ข', 'ค', 'ต', 'ป', 'ผ', 'พ', 'บ', 'ศ', 'ส']);
const CLUSTER_TAILS = new Set(['ร', 'ล', 'ว']);
/** ห and อ before these are silent: they only change the tone (หญิง "ying", อยู่ "yu"). */
const SILENT_LEAD = new Set(['ง', 'ญ', 'น', 'ม', 'ย', 'ร', 'ล', 'ว']);

const isConsonant = (c: string | undefined): c is string => c !== undefined && c in INITIAL;

/** One Thai word (no spaces) in Latin letters, lower case. */
export function romaniseThai(text: string): string {
  const segments: string[] = [];
  for (const { segment } of SEGMENTER.segment(text)) {
    // A lone consonant the segmenter cut off closes the syllable before it (ยุพิน, not ยุพิ|น).
    if (segments.length > 0 && [...segment].length === 1 && isConsonant(segment)) {
      segments[segments.length - 1] += segment;
    } else {
      segments.push(segment);
    }
  }
  return segments.map(romaniseSegment).join('');
}

const SEGMENTER = new Intl.Segmenter('th', { granularity: 'word' });

function romaniseSegment(segment: string): string {
  const chars = dropSilent([...segment.normalize('NFC')].filter((c) => !IGNORED.has(c)));
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const next = syllable(chars, i);
    out += next.text;
    i = next.end;
  }
  return out;
}

/** Drops each consonant under the cancel mark, with a cluster head it silences (จันทร์). */
function dropSilent(chars: string[]): string[] {
  const out: string[] = [];
  for (const c of chars) {
    if (c === CANCEL) {
      let last = out.pop();
      if (FOLLOWING.has(last ?? '')) {
        last = out.pop();
      }
      // ทร์, ตร์ …: both letters of a cluster under the mark are silent.
      if (last === 'ร' && isConsonant(out.at(-1)) && !FOLLOWING.has(out.at(-2) ?? '')) {
        out.pop();
      }
    } else {
      out.push(c);
    }
  }
  return out;
}

function syllable(chars: string[], start: number): { text: string; end: number } {
  let i = start;
  const lead = LEADING.has(chars[i] ?? '') ? chars[i++] : undefined;
  let initial = '';
  if (isConsonant(chars[i])) {
    const c = chars[i++] as string;
    if (c === 'ห' ? SILENT_LEAD.has(chars[i] ?? '') : c === 'อ' && chars[i] === 'ย') {
      initial = INITIAL[chars[i++] as string] ?? '';
    } else if (isCluster(chars, i, lead)) {
      // ศร and สร are said "s" (RTGS เสริฐ soet), but ศรี is customarily spelt "sri".
      const s = (c === 'ศ' || c === 'ส') && chars[i] === 'ร' && chars[i + 1] !== 'ี';
      initial = s ? 's' : (INITIAL[c] ?? '') + (INITIAL[chars[i] as string] ?? '');
      i++;
    } else {
      initial = INITIAL[c] ?? '';
    }
  } else if (!lead) {
    return { text: FOLLOWING.has(chars[i] ?? '') ? '' : (chars[i] ?? ''), end: i + 1 };
  }
  const { vowel, end } = vowelOf(chars, i, lead);
  return { text: initial + vowel, end };
}

/** Whether the consonant before `i` and the one at `i` start a syllable together (กร, ปล, ขว). */
function isCluster(chars: string[], i: number, lead: string | undefined): boolean {
  const head = chars[i - 1] ?? '';
  const tail = chars[i] ?? '';
  const after = chars[i + 1] ?? '';
  if (!CLUSTER_HEADS.has(head) || !CLUSTER_TAILS.has(tail)) {
    return false;
  }
  // After a leading vowel, ว closes the syllable (แก้ว kaeo) unless a vowel sign follows it.
  if (lead !== undefined) {
    return tail !== 'ว' || FOLLOWING.has(after);
  }
  return FOLLOWING.has(after) || after === 'อ' || isConsonant(after);
}

/** Vowel signs after, above or below the consonant, alone. */
const SIMPLE_VOWELS: Record<string, string> = {
  ะ: 'a',
  'ั': 'a',
  า: 'a',
  ๅ: 'a',
  ำ: 'am',
  'ิ': 'i',
  'ี': 'i',
  'ึ': 'ue',
  'ื': 'ue',
  'ุ': 'u',
  'ู': 'u',
  '็': 'o',
};

function vowelOf(
  chars: string[],
  i: number,
  lead: string | undefined,
): { vowel: string; end: number } {
  const at = (k: number) => chars[k] ?? '';
  if (lead) {
    return leadVowel(chars, i, lead);
  }
  const c = at(i);
  if (c === 'ั' && at(i + 1) === 'ว') {
    return withFinal(chars, i + 2, 'ua');
  }
  if (c === 'ร' && at(i + 1) === 'ร') {
    // รร: "an" before nothing, "a" + the following final otherwise (สุวรรณ suwan).
    return isConsonant(chars[i + 2]) && !FOLLOWING.has(at(i + 3))
      ? withFinal(chars, i + 2, 'a')
      : { vowel: 'an', end: i + 2 };
  }
  if (c in SIMPLE_VOWELS) {
    const skip = c === 'ื' && at(i + 1) === 'อ' ? 2 : 1;
    const v = SIMPLE_VOWELS[c] ?? '';
    return c === 'ะ' || c === 'ำ' ? { vowel: v, end: i + 1 } : withFinal(chars, i + skip, v);
  }
  if ((c === 'อ' || c === 'ว') && isConsonant(chars[i + 1]) && !FOLLOWING.has(at(i + 2))) {
    return withFinal(chars, i + 1, c === 'อ' ? 'o' : 'ua');
  }
  if (c === 'อ' && !FOLLOWING.has(at(i + 1))) {
    return { vowel: 'o', end: i + 1 };
  }
  // No vowel written: "o" with a final consonant, "a" when the next consonant opens a syllable.
  const closed = !FOLLOWING.has(at(i + 1)) && !LEADING.has(at(i + 1)) && at(i + 1) !== 'ร';
  if (isConsonant(chars[i]) && (closed || i + 1 >= chars.length)) {
    return withFinal(chars, i, 'o');
  }
  return { vowel: 'a', end: i };
}

function leadVowel(chars: string[], i: number, lead: string): { vowel: string; end: number } {
  const at = (k: number) => chars[k] ?? '';
  if (lead === 'เ') {
    if (at(i) === 'า' && at(i + 1) === 'ะ') {
      return { vowel: 'o', end: i + 2 };
    }
    if (at(i) === 'า') {
      return { vowel: 'ao', end: i + 1 };
    }
    if (at(i) === 'ี' && at(i + 1) === 'ย') {
      return withFinal(chars, i + 2, 'ia');
    }
    if (at(i) === 'ื' && at(i + 1) === 'อ') {
      return withFinal(chars, i + 2, 'uea');
    }
    if (at(i) === 'ิ' || at(i) === 'อ') {
      return withFinal(chars, i + 1, 'oe');
    }
    if (at(i) === 'ะ') {
      return { vowel: 'e', end: i + 1 };
    }
    if (at(i) === '็') {
      return withFinal(chars, i + 1, 'e');
    }
    return withFinal(chars, i, 'e');
  }
  if (lead === 'แ') {
    return withFinal(chars, at(i) === 'ะ' || at(i) === '็' ? i + 1 : i, 'ae');
  }
  if (lead === 'โ') {
    return withFinal(chars, at(i) === 'ะ' ? i + 1 : i, 'o');
  }
  return { vowel: 'ai', end: i };
}

/** The vowel, then a final consonant at `i` if one closes the syllable there. */
function withFinal(chars: string[], i: number, vowel: string): { vowel: string; end: number } {
  const c = chars[i];
  const after = chars[i + 1] ?? '';
  // Before รร the consonant opens the next syllable (สุวรรณ su-wan).
  const opensRr = after === 'ร' && chars[i + 2] === 'ร';
  if (isConsonant(c) && c in FINAL && !FOLLOWING.has(after) && !opensRr) {
    // A consonant followed by a cluster tail and a vowel starts the next syllable instead.
    if (CLUSTER_HEADS.has(c) && CLUSTER_TAILS.has(after) && FOLLOWING.has(chars[i + 2] ?? '')) {
      return { vowel, end: i };
    }
    // A lone consonant after it at the end of the word: the two make a syllable (ธนากร thanakon).
    if (chars[i + 1] === 'ร' && i + 2 === chars.length && vowel.length > 0) {
      return { vowel, end: i };
    }
    const final = FINAL[c] ?? '';
    // ย and ว after a vowel make a diphthong (ai, ao, ui …), not a consonant.
    return { vowel: vowel + final, end: i + 1 };
  }
  return { vowel, end: i };
}
