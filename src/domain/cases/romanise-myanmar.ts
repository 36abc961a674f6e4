/**
 * Burmese names in the customary Latin spellings of passports and ID cards, syllable by
 * syllable: ထွန်း → "htun", အောင် → "aung", ကျော် → "kyaw", မြင့် → "myint". Common name
 * syllables come from a table (spellings are customary, not derivable letter by letter); others
 * are spelt from their onset and rhyme. Tone marks are dropped.
 */
const SYLLABLES: Record<string, string> = {
  အောင်: 'aung',
  ကျော်: 'kyaw',
  မောင်: 'maung',
  မျိုး: 'myo',
  ဇော်: 'zaw',
  သန့်: 'thant',
  ထွန်း: 'htun',
  ဝင်း: 'win',
  စိုး: 'soe',
  နိုင်: 'naing',
  မင်း: 'min',
  သိန်း: 'thein',
  ခင်: 'khin',
  မြ: 'mya',
  သီ: 'thi',
  တာ: 'da',
  ယဉ်: 'yin',
  နွယ်: 'nwe',
  ဖြူ: 'phyu',
  ချို: 'cho',
  ဆု: 'hsu',
  လှ: 'hla',
  ကြည်: 'kyi',
  မိုး: 'moe',
  ဇင်: 'zin',
  သဲ: 'thae',
  စု: 'su',
  နီ: 'ni',
  ရီ: 'yi',
  သူ: 'thu',
  ဟိန်း: 'hein',
  ထက်: 'htet',
  ပိုင်: 'paing',
  လင်း: 'lin',
  ဦး: 'oo',
  ဖိုး: 'pho',
  ညို: 'nyo',
  လွင်: 'lwin',
  မြင့်: 'myint',
  ကို: 'ko',
  သန်း: 'than',
  ဆွေ: 'swe',
  မော်: 'maw',
  ထွေး: 'htwe',
  ခိုင်: 'khaing',
  အေး: 'aye',
  မူ: 'mu',
  ညွန့်: 'nyunt',
  ရွှေ: 'shwe',
  လှိုင်: 'hlaing',
  ကျင်: 'kyin',
  ဌေး: 'htay',
  ပြည့်: 'pyae',
  ဖြိုး: 'phyo',
  သော်: 'thaw',
  တင့်: 'tint',
  မြတ်: 'myat',
  ဟန်: 'han',
  ကြူ: 'kyu',
  စံ: 'san',
  ဖေ: 'phay',
  ခေါင်: 'khaung',
  ဒင်: 'din',
  ဗို: 'bo',
  နောင်: 'naung',
  လေး: 'lay',
  ဘို: 'bo',
  ကြိုင်: 'kyaing',
  တင်: 'tin',
  ဒေါ်: 'daw',
  ဦ: 'u',
  ဥ: 'u',
  နု: 'nu',
  ဝေ: 'wai',
  ရဲ: 'ye',
  ဇာ: 'zar',
  ချစ်: 'chit',
  မာ: 'mar',
  ပု: 'pu',
  ဆန်း: 'hsan',
  မြင်: 'myin',
  သက်: 'thet',
  ကျော: 'kyaw',
  ဝါ: 'wah',
};
const ONSET: Record<string, string> = {
  က: 'k',
  ခ: 'kh',
  ဂ: 'g',
  ဃ: 'g',
  င: 'ng',
  စ: 's',
  ဆ: 'hs',
  ဇ: 'z',
  ဈ: 'z',
  ည: 'ny',
  ဋ: 't',
  ဌ: 'ht',
  ဍ: 'd',
  ဎ: 'd',
  ဏ: 'n',
  တ: 't',
  ထ: 'ht',
  ဒ: 'd',
  ဓ: 'd',
  န: 'n',
  ပ: 'p',
  ဖ: 'ph',
  ဗ: 'b',
  ဘ: 'b',
  မ: 'm',
  ယ: 'y',
  ရ: 'y',
  လ: 'l',
  ဝ: 'w',
  သ: 'th',
  ဟ: 'h',
  ဠ: 'l',
  အ: '',
  ဣ: 'i',
  ဤ: 'i',
  ဥ: 'u',
  ဦ: 'u',
  ဧ: 'e',
  ဩ: 'aw',
  ဪ: 'aw',
};
/** Rhymes: the vowel signs and final (with asat) after the onset, tone marks removed. */
const RHYME: Record<string, string> = {
  '': 'a',
  'ာ': 'a',
  'ါ': 'a',
  'ိ': 'i',
  'ီ': 'i',
  'ု': 'u',
  'ူ': 'u',
  'ေ': 'ay',
  'ဲ': 'e',
  'ော': 'aw',
  'ေါ': 'aw',
  'ော်': 'aw',
  'ေါ်': 'aw',
  'ို': 'o',
  'ံ': 'an',
  'ုံ': 'on',
  'ွ': 'wa',
  က်: 'et',
  'ိုက်': 'aik',
  'ောက်': 'auk',
  င်: 'in',
  'ိုင်': 'aing',
  'ောင်': 'aung',
  စ်: 'it',
  ဉ်: 'in',
  ည်: 'i',
  တ်: 'at',
  'ိတ်': 'eik',
  'ုတ်': 'oke',
  န်: 'an',
  'ိန်': 'ein',
  'ုန်': 'on',
  ပ်: 'at',
  'ိပ်': 'eik',
  'ုပ်': 'oke',
  မ်: 'an',
  'ိမ်': 'ein',
  'ုမ်': 'on',
  ယ်: 'e',
  'ွန်': 'un',
  'ွတ်': 'ut',
  'ွင်': 'win',
  'ွယ်': 'we',
  'ွေ': 'we',
};
const TONES = /[\u1037\u1038]/gu;
const CONSONANT = /[\u1000-\u1021\u1023-\u102A\u103F]/u;
/** Asat (final) and virama (stacked): the consonant before it closes the syllable. */
const KILLERS = new Set(['\u103A', '\u1039']);

/** Burmese text (one word) in Latin letters, lower case: syllables joined without spaces. */
export function romaniseMyanmar(text: string): string {
  return syllables(text.normalize('NFC')).map(romaniseSyllable).join('');
}

function syllables(text: string): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    // A consonant starts a syllable unless an asat or virama follows it (then it is a final).
    let k = i + 1;
    while (chars[k] === '\u1037' || chars[k] === '\u1038') {
      k++;
    }
    const stacked = chars[i - 1] === '\u1039';
    const starts = CONSONANT.test(c) && (stacked || !KILLERS.has(chars[k] ?? ''));
    if (starts || out.length === 0) {
      out.push(c);
    } else {
      out[out.length - 1] += c;
    }
  }
  return out;
}

function romaniseSyllable(syllable: string): string {
  // A consonant stacked on the next one (virama) is this syllable's final, like one with asat.
  const plain = syllable.replace(/\u1039/gu, '\u103A');
  const table = SYLLABLES[syllable] ?? SYLLABLES[plain] ?? SYLLABLES[plain.replace(TONES, '')];
  if (table !== undefined) {
    return table;
  }
  const chars = [...plain.replace(TONES, '')];
  const first = chars.shift() ?? '';
  let onset = ONSET[first] ?? '';
  let rest = chars.join('');
  // Medials: ya-pin/ya-yit (ky, py, my; ch for kh), ha-hto (hl, hm, hn; sh for ya).
  if (/^[\u103B\u103C]/u.test(rest)) {
    onset = first === 'ခ' || first === 'ဆ' ? 'ch' : `${onset}y`;
    rest = rest.slice(1);
  }
  if (rest.includes('\u103E')) {
    onset = first === 'ရ' || first === 'ယ' ? 'sh' : `h${onset}`;
    rest = rest.replace('\u103E', '');
  }
  const rhyme = RHYME[rest] ?? RHYME[rest.replace(/^\u103D/u, '')] ?? rest.replace(/[^a-z]/g, '');
  return onset + rhyme;
}
