import { describe, expect, it } from 'vitest';
import { compilePatterns, findAll, normalise, prepareText } from './text-match.ts';

const find = (patterns: string[], text: string, negations?: string[]): string[] => {
  const neg = negations ? compilePatterns(negations) : undefined;
  return compilePatterns(patterns).flatMap((p) => findAll(prepareText(text), p, 5, neg));
};

describe('normalise', () => {
  it('applies NFKC, lower case, removes zero-width characters and reads native digits', () => {
    expect(normalise('ＦＲＥＥ　Ｖｉｓａ')).toBe('free visa');
    expect(normalise('ไม่ต้อง\u200bสัมภาษณ์')).toBe('ไม่ต้องสัมภาษณ์');
    expect(normalise('৳ ১২,৫০০ ៛ ១២០០ ๕๐')).toBe('৳ 12,500 ៛ 1200 50');
    expect(normalise('  a \n\t b ')).toBe('a b');
  });

  it('undoes letters spaced out and @ for a, as adverts write them to slip past filters', () => {
    expect(normalise('Contact T e l e g r a m now')).toBe('contact telegram now');
    expect(normalise('wh@tsapp or c@sino, not name @ example')).toBe(
      'whatsapp or casino, not name @ example',
    );
    expect(normalise('ⓣⓔⓛⓔⓖⓡⓐⓜ')).toBe('telegram');
    expect(normalise('a b c')).toBe('a b c');
  });
});

describe('patterns', () => {
  it('match Latin text with or without accents, and report the passage as written', () => {
    expect(find(['việc nhẹ lương cao'], 'Viec nhe luong cao!')).toEqual(['viec nhe luong cao']);
    expect(find(['viec nhe'], 'Việc nhẹ, lương cao')).toEqual(['việc nhẹ']);
  });

  it('keep accents with =, so that lào (Laos) is not lao động (labour)', () => {
    expect(find(['=lào'], 'xuất khẩu lao động')).toEqual([]);
    expect(find(['=lào'], 'sang Lào làm việc')).toEqual(['lào']);
  });

  it('match whole words in spaced scripts, substrings in Thai and Chinese', () => {
    expect(find(['line'], 'apply online')).toEqual([]);
    expect(find(['line'], 'add our LINE now')).toEqual(['line']);
    expect(find(['ไลน์'], 'ทักไลน์มา')).toEqual(['ไลน์']);
    expect(find(['包吃包住'], '工资高包吃包住')).toEqual(['包吃包住']);
  });

  it('lift a boundary with *, and let a space match hyphens, dots or nothing', () => {
    expect(find(['gaji'], 'gajinya besar')).toEqual([]);
    expect(find(['gaji*'], 'gajinya besar')).toEqual(['gaji']);
    expect(find(['free flight'], 'free-flight, freeflight')).toEqual(['free-flight', 'freeflight']);
  });

  it('accept regular expressions with re:, and reject invalid ones at load', () => {
    expect(find(['re:age\\s*1[89]-3[05]'], 'Age 18-35 only')).toEqual(['age 18-35']);
    expect(() => compilePatterns(['re:(unclosed'])).toThrow(/Invalid pattern/);
  });

  it('skip a passage right after a negation, up to two words away in spaced scripts', () => {
    const neg = ['no', 'not', 'ไม่มี', '不'];
    expect(find(['placement fee'], 'No placement fee', neg)).toEqual([]);
    expect(find(['placement fee'], 'we do not charge any placement fee', neg)).toEqual([]);
    expect(find(['placement fee'], 'Placement fee: $300', neg)).toEqual(['placement fee']);
    expect(find(['ค่าหัว'], 'ไม่มีค่าหัว', neg)).toEqual([]);
    // Without spaces the cue must touch the phrase: 不 alone does not negate 收押金 (collects a deposit).
    expect(find(['押金'], '不收押金', neg)).toEqual(['押金']);
    expect(find(['押金'], '不收押金', [...neg, '不收'])).toEqual([]);
  });
});
