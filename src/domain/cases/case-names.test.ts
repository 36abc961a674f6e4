import { describe, expect, it } from 'vitest';
import { latinKey } from './case-names.ts';
import { detectScript, followScript, ScriptSchema } from './name-script.schema.ts';

describe('script of a name', () => {
  it.each([
    ['ประเสริฐ', 'Thai'],
    ['အောင် ထွန်း', 'Mymr'],
    ['សុខា', 'Khmr'],
    ['রহিম উদ্দিন', 'Beng'],
    ['ሰላም', 'Ethi'],
    ['王伟', 'Hani'],
    ['Nguyễn Thị Lan', 'Latn'],
    ['山田 はなこ', 'Jpan'],
    ['김민준', 'Kore'],
    ['Ольга', 'Cyrl'],
  ])('detects %s as %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });

  it('detects nothing in a name without letters', () => {
    expect(detectScript('  12 - ')).toBeUndefined();
  });

  it('accepts any well-formed ISO 15924 code, Hani included, and refuses other shapes', () => {
    for (const code of ['Hani', 'Hans', 'Hant', 'Latn', 'Cher', 'Tfng']) {
      expect(ScriptSchema.safeParse(code).success).toBe(true);
    }
    for (const code of ['hani', 'HANI', 'Han', 'Latin', '']) {
      expect(ScriptSchema.safeParse(code).success).toBe(false);
    }
  });

  it('follows the name as it is typed until the user picks a script', () => {
    expect(followScript({ text: '', script: 'Latn' }, { text: 'ป', script: 'Latn' })).toBe('Thai');
    expect(followScript({ text: 'ป', script: 'Thai' }, { text: 'ปร', script: 'Thai' })).toBe(
      'Thai',
    );
    // The user chose Hans for a Han name: typing more keeps it.
    expect(followScript({ text: '王', script: 'Hans' }, { text: '王伟', script: 'Hans' })).toBe(
      'Hans',
    );
    // Choosing a script is kept as chosen.
    expect(followScript({ text: 'Wang', script: 'Latn' }, { text: 'Wang', script: 'Zyyy' })).toBe(
      'Zyyy',
    );
  });
});

describe('Latin keys: the usual romanisation for names in their own script', () => {
  it.each([
    // Thai, RTGS (the customary spelling in brackets differs only as the sound key allows)
    ['สมชาย ใจดี', 'somchai chaidi'],
    ['ประเสริฐ', 'prasoet'],
    ['ธนากร', 'thanakon'],
    ['สมศักดิ์', 'somsak'],
    ['สุวรรณ', 'suwan'],
    ['ศรีสุข', 'srisuk'],
    ['จันทร์เพ็ญ', 'chanphen'],
    // Burmese, customary passport spellings
    ['အောင် ထွန်း', 'aung htun'],
    ['ကျော်', 'kyaw'],
    ['မြင့်', 'myint'],
    ['နန္ဒာ', 'nanda'],
    // Khmer, UNGEGN-like
    ['សុខា', 'sokha'],
    ['ចាន់', 'chan'],
    ['ជា', 'chea'],
    // Chinese as pinyin, Vietnamese without diacritics (any-ascii)
    ['王伟', 'wangwei'],
    ['Nguyễn Thị Lan', 'nguyen thi lan'],
  ])('%s → %s', (name, key) => {
    expect(latinKey(name)).toBe(key);
  });

  it('keys a full name as the keys of its words joined by spaces', () => {
    expect(latinKey('ประเสริฐ ใจดี')).toBe(`${latinKey('ประเสริฐ')} ${latinKey('ใจดี')}`);
  });
});
