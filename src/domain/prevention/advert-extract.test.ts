import { describe, expect, it } from 'vitest';
import { countryOf } from './advert-countries.ts';
import { extractIndicators, normaliseLink } from './advert-extract.ts';

const values = (text: string, regions: string[] = []) =>
  extractIndicators(text, regions).map((i) => `${i.kind} ${i.value}`);

describe('extractIndicators: phones', () => {
  it('normalises national numbers with the destination or origin as the default region', () => {
    expect(values('โทร 081-234-5678 ด่วน', ['TH'])).toEqual(['phone +66812345678']);
    expect(values('Hubungi 0812-3456-7890 sekarang', ['ID'])).toEqual(['phone +6281234567890']);
    expect(values('Gọi ngay 0912 345 678', ['VN'])).toEqual(['phone +84912345678']);
    expect(values('Text 0917 123 4567', ['PH'])).toEqual(['phone +639171234567']);
    expect(values('ဖုန်း 09 250 123 456', ['MM'])).toEqual(['phone +959250123456']);
    expect(values('Appelez le 020 55 123 456', ['LA'])).toEqual(['phone +8562055123456']);
  });

  it('reads international numbers without a region, and the same number once', () => {
    expect(values('Call +855 12 345 678 or (+855) 12-345-678', [])).toEqual(['phone +85512345678']);
  });

  it('reads Thai and full-width digits', () => {
    expect(values('เบอร์ ๐๘๑-๒๓๔-๕๖๗๘', ['TH'])).toEqual(['phone +66812345678']);
    expect(values('电话 ＋８５５ １２ ３４５ ６７８')).toEqual(['phone +85512345678']);
  });

  it('takes no invalid number, salary or date for a phone', () => {
    expect(values('Salary 35000-50000 THB, start 2026-01-15', ['TH'])).toEqual([]);
  });
});

describe('extractIndicators: handles and links', () => {
  it('finds Telegram @names and t.me links, also written with spaces', () => {
    expect(values('Telegram @HR_Cambodia_Jobs or t . me / KKrecruit')).toEqual([
      'handle telegram:kkrecruit',
      'handle telegram:hr_cambodia_jobs',
    ]);
    expect(values('join t dot me/fastvisa_hr')).toEqual(['handle telegram:fastvisa_hr']);
    expect(values('Telegram: HR_Office88, TG ID jobs_kh_2026')).toEqual([
      'handle telegram:hr_office88',
      'handle telegram:jobs_kh_2026',
    ]);
    expect(values('Find us on Telegram today')).toEqual([]);
  });

  it('turns wa.me links into the phone number', () => {
    expect(values('WhatsApp: https://wa.me/66812345678?text=hi')).toEqual(['phone +66812345678']);
  });

  it('finds Line IDs after "Line ID", "Line:", ไลน์ and line.me links, not "in line with"', () => {
    expect(values('Line ID abc_def, in line with our policy')).toEqual(['handle line:abc_def']);
    expect(values('ไลน์ ID: job.thai99')).toEqual(['handle line:job.thai99']);
    expect(values('line.me/ti/p/~Recruiter01')).toEqual(['handle line:recruiter01']);
    expect(values('Line: @bestjob')).toEqual(['handle line:bestjob']);
  });

  it('finds e-mail addresses, also "[at]" and "[dot]"', () => {
    expect(values('CV to HR@BestJob.com or hr [at] best-job [dot] asia')).toEqual([
      'email hr@bestjob.com',
      'email hr@best-job.asia',
    ]);
  });

  it('normalises links: lower-case host, no www, tracking parameters or fragment', () => {
    expect(
      values('Apply https://www.Jobs-Asia.com/Apply?utm_source=fb&id=7&fbclid=x#top.'),
    ).toEqual(['link https://jobs-asia.com/Apply?id=7']);
    expect(values('see bit.ly/abc123 (needs node.js skills)')).toEqual([
      'link https://bit.ly/abc123',
    ]);
    expect(normaliseLink('Mr.Smith')).toBeNull();
  });
});

describe('countryOf', () => {
  it('recognises names in several languages, codes and places', () => {
    expect(countryOf('Cambodia')).toBe('KHM');
    expect(countryOf('กัมพูชา')).toBe('KHM');
    expect(countryOf('Campuchia')).toBe('KHM');
    expect(countryOf('KH')).toBe('KHM');
    expect(countryOf('mmr')).toBe('MMR');
    expect(countryOf('Sihanoukville, Cambodia')).toBe('KHM');
    expect(countryOf('ประเทศไทย')).toBe('THA');
    expect(countryOf('泰国')).toBe('THA');
    expect(countryOf('Myawaddy')).toBe('MMR');
  });

  it('returns null for what is not a country', () => {
    expect(countryOf('somewhere nice')).toBeNull();
    expect(countryOf('')).toBeNull();
    expect(countryOf(undefined)).toBeNull();
  });
});
