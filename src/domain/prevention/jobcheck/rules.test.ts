import { describe, expect, it } from 'vitest';
import { adviceFor, ADVICE_IDS } from './advice.ts';
import { LANGUAGES, RULE_DEFS } from './rule-data.ts';
import { evaluateRules, ruleText } from './rules.ts';

const ids = (text: string, extra: Record<string, string> = {}): string[] =>
  evaluateRules({ text, ...extra }).map((h) => h.id);

describe('evaluateRules (English)', () => {
  it('fires the scam-compound signs of a typical typing-job offer, combination included', () => {
    const hits = evaluateRules({
      text: 'Typing job in Sihanoukville, $1,500/month, free flight and visa. Contact t.me/example_recruiter',
    });
    const fired = hits.map((h) => h.id);
    expect(fired).toEqual(
      expect.arrayContaining([
        'bait_job',
        'hotspot_destination',
        'high_pay',
        'free_travel_visa',
        'chat_app_contact',
        'combo_compound_offer',
      ]),
    );
    expect(hits[0]!.id).toBe('combo_compound_offer');
    expect(hits.find((h) => h.id === 'high_pay')!.matched[0]).toContain('USD 1,500');
    expect(hits.every((h) => h.source.startsWith('RF'))).toBe(true);
  });

  it('fires nothing on an ordinary nurse job in the UK at £2,000 a month', () => {
    expect(ids('Staff nurse, NHS hospital in London. £2,000 per month, visa sponsorship.')).toEqual(
      [],
    );
  });

  it('judges pay against the job and the destination', () => {
    expect(ids('Customer service agent in Cambodia, salary USD 1,200 per month')).toContain(
      'high_pay',
    );
    expect(ids('Customer service agent in London, salary USD 1,200 per month')).not.toContain(
      'high_pay',
    );
    expect(ids('Engineer in Phnom Penh, USD 1,200 per month')).not.toContain('high_pay');
  });

  it('takes the destination from the field, names or ISO codes, as well as from the text', () => {
    expect(ids('Office work, good pay', { destination: 'KH' })).toContain('hotspot_destination');
    expect(ids('Office work, good pay', { destination: 'Myawaddy' })).toContain('compound_area');
    expect(ids('Tell us about your work')).not.toContain('hotspot_destination');
  });

  it('fires the acquaintance rule from the channel field as well as the text', () => {
    expect(ids('An office job', { channel: 'friend_or_relative' })).toContain(
      'recruited_by_acquaintance',
    );
    expect(ids('An office job', { channel: 'job_site' })).toEqual([]);
  });

  it('matches whole words in spaced scripts: "line" in "online" is not the Line app', () => {
    expect(ids('Apply online before the deadline')).not.toContain('chat_app_contact');
    expect(ids('Add Line: example_recruiter')).toContain('chat_app_contact');
  });

  it('reads full-width letters and digits (NFKC) and any case', () => {
    expect(ids('ＴＯＵＲＩＳＴ ＶＩＳＡ is fine, work permit later')).toContain(
      'tourist_visa_for_work',
    );
  });
});

describe('rule data', () => {
  it('has an English and a Thai text for every rule', () => {
    for (const rule of RULE_DEFS) {
      expect(LANGUAGES.en!.texts[rule.id], rule.id).toBeTruthy();
      expect(LANGUAGES.th!.texts[rule.id], rule.id).toBeTruthy();
      expect(ruleText(rule.id, 'th')).toBe(LANGUAGES.th!.texts[rule.id]);
    }
  });

  it('falls back to English for a language without the text', () => {
    expect(ruleText('passport_held', 'km')).toBe(LANGUAGES.en!.texts.passport_held);
  });
});

describe('evaluateRules (Thai: no spaces between words)', () => {
  it('matches Thai phrases inside running text and reads baht with Thai digits', () => {
    const hits = evaluateRules({
      text: 'รับสมัครแอดมินออนไลน์ทำงานที่กัมพูชา เงินเดือน ๕๐,๐๐๐ บาท มีที่พักและอาหารให้ ติดต่อทางไลน์',
    });
    expect(hits.map((h) => h.id)).toEqual(
      expect.arrayContaining([
        'bait_job',
        'hotspot_destination',
        'high_pay',
        'free_travel_visa',
        'chat_app_contact',
        'combo_compound_offer',
      ]),
    );
    expect(hits.find((h) => h.id === 'high_pay')!.matched[0]).toContain('50,000 บาท');
  });

  it('does not read ออนไลน์ (online) as the Line app', () => {
    expect(ids('งานแอดมินออนไลน์ ทำที่บ้าน')).not.toContain('chat_app_contact');
    expect(ids('สนใจทักไลน์มาได้เลย')).toContain('chat_app_contact');
  });

  it('gives the Thai text and Thai advice', () => {
    expect(ruleText('passport_held', 'th')).toContain('หนังสือเดินทาง');
    expect(adviceFor([], 'low', 'th')[0]!.text).toContain('ตรวจสอบบริษัท');
  });
});

describe('adviceFor', () => {
  it('puts the advice the fired rules call for first, then the base checks, each once', () => {
    const hits = evaluateRules({
      text: 'The company will keep your passport for visa processing.',
    });
    const advice = adviceFor(hits, 'high', 'en').map((a) => a.id);
    expect(advice[0]).toBe('keep_passport');
    expect(new Set(advice).size).toBe(advice.length);
    expect(advice).toEqual(expect.arrayContaining(['verify_company', 'tell_family', 'find_help']));
  });

  it('gives a short list for a low risk with no rule fired, in English where the text exists', () => {
    const advice = adviceFor([], 'low', 'en');
    expect(advice.map((a) => a.id)).toEqual(['verify_company', 'contract_language', 'tell_family']);
    expect(advice.every((a) => a.text.length > 20)).toBe(true);
  });

  it('has an English text for every advice', () => {
    for (const id of ADVICE_IDS) {
      expect(LANGUAGES.en!.advice[id], id).toBeTruthy();
    }
  });
});
