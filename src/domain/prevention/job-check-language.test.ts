import { describe, expect, it } from 'vitest';
import { negotiateJobCheckLanguage } from './job-check-language.ts';

/** Which language the public checker answers in: ?lang=, then Accept-Language, then English. */
describe('negotiateJobCheckLanguage', () => {
  it('takes ?lang= over the browser header', () => {
    expect(negotiateJobCheckLanguage('vi', 'th-TH,th;q=0.9')).toBe('vi');
  });

  it('takes the best supported language of Accept-Language, by weight', () => {
    expect(negotiateJobCheckLanguage(undefined, 'de-DE,th;q=0.5,id;q=0.8')).toBe('id');
    expect(negotiateJobCheckLanguage(undefined, 'th-TH,th;q=0.9,en;q=0.8')).toBe('th');
  });

  it('reads regional tags and Tagalog as their checker language', () => {
    expect(negotiateJobCheckLanguage(undefined, 'zh-Hant-TW')).toBe('zh');
    expect(negotiateJobCheckLanguage(undefined, 'tl-PH')).toBe('fil');
  });

  it('skips q=0 and unsupported languages, and falls back to English', () => {
    expect(negotiateJobCheckLanguage(undefined, 'th;q=0, fr')).toBe('en');
    expect(negotiateJobCheckLanguage(undefined, undefined)).toBe('en');
    expect(negotiateJobCheckLanguage(undefined, ';;,q=,')).toBe('en');
  });
});
