import { describe, expect, it } from 'vitest';
import {
  JOB_CHANNELS,
  JOB_CHECK_LANGUAGES,
  JOB_CHECK_MAX_TEXT,
} from '@/domain/prevention/jobcheck/jobcheck.schema.ts';
import { CHANNELS, MAX_TEXT, toRequest } from './check-page.ts';
import { chanceKey, chancePercent } from './result-view.ts';
import { format, loadStrings, pickLanguage, PUBLIC_LANGUAGES } from './strings.ts';

/**
 * The public pages copy two facts of the API instead of importing its Zod schema (which would
 * put Zod in their 60 KB): they must stay equal. Every language file has every English key,
 * written (not empty), with the same placeholders.
 */
describe('public pages and the API contract', () => {
  it('offer the API channels and its text limit', () => {
    expect([...CHANNELS]).toEqual([...JOB_CHANNELS]);
    expect(MAX_TEXT).toBe(JOB_CHECK_MAX_TEXT);
  });

  it('are written only in languages the checker answers in', () => {
    for (const { code } of PUBLIC_LANGUAGES) {
      expect(JOB_CHECK_LANGUAGES).toContain(code);
    }
  });

  it('send the trimmed text and only the optional fields that were filled', () => {
    expect(
      toRequest({ text: '  Job  ', title: ' ', channel: 'agency', destination: 'KHM' }),
    ).toEqual({ text: 'Job', channel: 'agency', destination: 'KHM' });
  });
});

describe('language files', () => {
  it.each(PUBLIC_LANGUAGES.map((l) => l.code))(
    '%s has every key, with its placeholders',
    async (code) => {
      const en = await loadStrings('en');
      const strings = await loadStrings(code);
      expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
      for (const [key, english] of Object.entries(en)) {
        const text = strings[key as keyof typeof en];
        expect(text.trim(), key).not.toBe('');
        expect(text.match(/\{\w+\}/g) ?? [], key).toEqual(english.match(/\{\w+\}/g) ?? []);
      }
    },
  );

  it('picks ?lang=, else the first supported browser language, else English', () => {
    expect(pickLanguage('?lang=vi', ['th-TH'])).toBe('vi');
    expect(pickLanguage('?lang=xx', ['de-DE', 'th-TH'])).toBe('th');
    expect(pickLanguage('', ['tl'])).toBe('fil');
    expect(pickLanguage('', ['de'])).toBe('en');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('wait {minutes} min {x}', { minutes: '3' })).toBe('wait 3 min {x}');
  });
});

describe('probability in words', () => {
  it('has bands from very unlikely to very likely', () => {
    expect([0, 0.05, 0.2, 0.5, 0.8, 1].map(chanceKey)).toEqual([
      'chance_very_low',
      'chance_low',
      'chance_some',
      'chance_likely',
      'chance_very_likely',
      'chance_very_likely',
    ]);
  });
});

describe('probability as a percentage', () => {
  it('is never shown as certain', () => {
    expect(chancePercent('en', 0.998)).toBe('> 99%');
    expect(chancePercent('en', 0.004)).toBe('< 1%');
    expect(chancePercent('en', 0.834)).toBe('83%');
  });
});
