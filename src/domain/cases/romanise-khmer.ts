/**
 * Khmer names in Latin letters, close to the UNGEGN system as names are usually spelt: សុខា →
 * "sokha", ចាន់ → "chan", ជា → "chea". Khmer consonants belong to two series that give their
 * vowels different values (ក "ka" but គ "ko"); both are kept here. Subscript consonants (after
 * the coeng sign) join the cluster; a consonant without a vowel after a vowelled one is a final.
 */
const CONSONANTS: Record<string, [string, 1 | 2]> = {
  ក: ['k', 1],
  ខ: ['kh', 1],
  គ: ['k', 2],
  ឃ: ['kh', 2],
  ង: ['ng', 2],
  ច: ['ch', 1],
  ឆ: ['chh', 1],
  ជ: ['ch', 2],
  ឈ: ['chh', 2],
  ញ: ['nh', 2],
  ដ: ['d', 1],
  ឋ: ['th', 1],
  ឌ: ['d', 2],
  ឍ: ['th', 2],
  ណ: ['n', 1],
  ត: ['t', 1],
  ថ: ['th', 1],
  ទ: ['t', 2],
  ធ: ['th', 2],
  ន: ['n', 2],
  ប: ['b', 1],
  ផ: ['ph', 1],
  ព: ['p', 2],
  ភ: ['ph', 2],
  ម: ['m', 2],
  យ: ['y', 2],
  រ: ['r', 2],
  ល: ['l', 2],
  វ: ['v', 2],
  ស: ['s', 1],
  ហ: ['h', 1],
  ឡ: ['l', 1],
  អ: ['', 1],
};
/** Independent vowels. */
const INDEPENDENT: Record<string, string> = {
  ឥ: 'e',
  ឦ: 'ei',
  ឧ: 'o',
  ឩ: 'ou',
  ឪ: 'ov',
  ឫ: 'rue',
  ឬ: 'rue',
  ឭ: 'lue',
  ឮ: 'lue',
  ឯ: 'ae',
  ឰ: 'ai',
  ឱ: 'ao',
  ឲ: 'ao',
  ឳ: 'au',
};
/** Dependent vowels (and vowel + sign pairs): [first series, second series]. */
const VOWELS: Record<string, [string, string]> = {
  '': ['a', 'o'],
  'ា': ['a', 'ea'],
  'ិ': ['e', 'i'],
  'ី': ['ei', 'i'],
  'ឹ': ['oe', 'ue'],
  'ឺ': ['ueu', 'ueu'],
  'ុ': ['o', 'u'],
  'ូ': ['ou', 'u'],
  'ួ': ['uo', 'uo'],
  'ើ': ['aeu', 'eu'],
  'ឿ': ['oea', 'oea'],
  'ៀ': ['ie', 'ie'],
  'េ': ['e', 'e'],
  'ែ': ['ae', 'ae'],
  'ៃ': ['ai', 'ey'],
  'ោ': ['ao', 'o'],
  'ៅ': ['au', 'ov'],
  'ំ': ['am', 'um'],
  'ុំ': ['om', 'um'],
  'ាំ': ['am', 'oam'],
  'ះ': ['ah', 'eah'],
  'ុះ': ['oh', 'uh'],
  'េះ': ['eh', 'eh'],
  'ោះ': ['aoh', 'uoh'],
};
const FINALS: Record<string, string> = {
  ក: 'k',
  ខ: 'k',
  គ: 'k',
  ឃ: 'k',
  ង: 'ng',
  ច: 'ch',
  ឆ: 'ch',
  ជ: 'ch',
  ឈ: 'ch',
  ញ: 'nh',
  ដ: 't',
  ឋ: 't',
  ឌ: 't',
  ឍ: 't',
  ណ: 'n',
  ត: 't',
  ថ: 't',
  ទ: 't',
  ធ: 't',
  ន: 'n',
  ប: 'b',
  ផ: 'p',
  ព: 'p',
  ភ: 'p',
  ម: 'm',
  យ: 'y',
  រ: '',
  ល: 'l',
  វ: 'v',
  ស: 's',
  ហ: 'h',
  ឡ: 'l',
};
const COENG = '\u17D2';
/** Signs that only change a consonant's series or shorten the vowel; dropped. */
const MARKS = /[\u17C9\u17CA\u17CB\u17CC\u17CD\u17CE\u17CF\u17D0\u17D1\u17DD]/gu;

/** Khmer text (one word) in Latin letters, lower case. */
export function romaniseKhmer(text: string): string {
  const chars = [...text.normalize('NFC').replace(MARKS, '')];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    const consonant = CONSONANTS[c];
    if (consonant) {
      const next = syllable(chars, i + 1, consonant);
      out += next.text;
      i = next.end;
    } else {
      out += INDEPENDENT[c] ?? '';
      i++;
    }
  }
  return out;
}

/** The syllable of `consonant`, whose signs start at `i`: cluster, vowel, final. */
function syllable(
  chars: string[],
  start: number,
  consonant: [string, 1 | 2],
): { text: string; end: number } {
  let [onset, series] = consonant;
  let i = start;
  while (chars[i] === COENG && CONSONANTS[chars[i + 1] ?? '']) {
    const sub = CONSONANTS[chars[i + 1] as string] as [string, 1 | 2];
    // A subscript of the second series (other than ង ញ ន ម យ រ ល វ) moves the cluster to it.
    onset += sub[0];
    series = sub[1] === 2 && !'ងញនមយរលវ'.includes(chars[i + 1] as string) ? 2 : series;
    i += 2;
  }
  let sign = '';
  while (chars[i] !== undefined && !((chars[i] as string) in CONSONANTS) && chars[i] !== COENG) {
    sign += chars[i];
    i++;
  }
  // A following consonant with no vowel of its own closes this syllable.
  const next = chars[i];
  const closes =
    next !== undefined &&
    next in FINALS &&
    (chars[i + 1] === undefined || (chars[i + 1] as string) in CONSONANTS);
  const inherent = series === 1 ? 'a' : 'o';
  const vowel = sign === '' ? inherent : (VOWELS[sign]?.[series - 1] ?? inherent);
  return closes
    ? { text: onset + vowel + (FINALS[next] ?? ''), end: i + 1 }
    : { text: onset + vowel, end: i };
}
