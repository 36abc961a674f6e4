import { describe, expect, it } from 'vitest';
import { ADVICE_IDS } from './advice.ts';
import type { JobCheckLanguage } from './jobcheck.schema.ts';
import { LANGUAGES, RULE_DEFS } from './rule-data.ts';
import { evaluateRules, ruleText } from './rules.ts';

const fired = (text: string): string[] => evaluateRules({ text }).map((h) => h.id);

/** [language, phrase as an advert would write it, the rule it must fire]. */
const FIRES: [JobCheckLanguage, string, string][] = [
  ['en', 'We will pay for your flight and visa', 'free_travel_visa'],
  ['en', 'Pay a deposit to reserve your seat', 'upfront_fee'],
  ['en', 'Our driver will pick you up at the airport', 'indirect_route'],
  ['en', '18–35, fluent English/Chinese typing', 'young_age_band'],
  ['en', 'Contact us on LINE: @example_recruiter', 'chat_app_contact'],
  ['en', 'LINE：example_recruiter', 'chat_app_contact'],
  ['en', '18–35, fluent English/Chinese typing', 'typing_language_skills'],
  ['en', 'Applicants 20-30 years old', 'young_age_band'],
  ['th', 'ทำงานที่พนมเปญ', 'hotspot_destination'],
  ['th', 'บริษัทจะยึดพาสปอร์ตไว้', 'passport_held'],
  ['th', 'ใช้วีซ่าท่องเที่ยวเข้าไปก่อน', 'tourist_visa_for_work'],
  ['th', 'ไม่ต้อง\u200bสัมภาษณ์', 'no_real_interview'],
  ['id', 'Berangkat pakai visa turis dulu', 'tourist_visa_for_work'],
  ['id', 'Paspor ditahan oleh perusahaan', 'passport_held'],
  ['id', 'Kerja di Kamboja', 'hotspot_destination'],
  ['id', 'Gaji Rp 15 juta, kerja admin online', 'bait_job'],
  ['vi', 'Việc nhẹ lương cao', 'high_pay_promise'],
  ['vi', 'viec nhe luong cao', 'high_pay_promise'],
  ['vi', 'Sang Campuchia làm việc', 'hotspot_destination'],
  ['vi', 'Công ty giữ hộ chiếu', 'passport_held'],
  ['fil', 'Libreng ticket at tirahan', 'free_travel_visa'],
  ['fil', 'Walang OEC, may escort sa airport', 'no_contract_or_permit'],
  ['fil', 'Kaibigan ko nagtatrabaho doon', 'recruited_by_acquaintance'],
  ['zh', '包吃包住，包机票', 'free_travel_visa'],
  ['zh', '護照由公司保管', 'passport_held'],
  ['zh', '緬甸工作', 'hotspot_destination'],
  ['zh', '聊天引流，养号', 'scam_chat_tasks'],
  ['sw', 'Tiketi ya ndege bure', 'free_travel_visa'],
  ['sw', 'Kampuni itashika pasipoti yako', 'passport_held'],
  ['sw', 'Sema wewe ni mtalii', 'tourist_visa_for_work'],
  ['bn', 'টুরিস্ট ভিসায় যেতে হবে', 'tourist_visa_for_work'],
  ['bn', 'মিয়ানমারে কাজ', 'hotspot_destination'],
  ['bn', 'প্রসেসিং ফি দিতে হবে', 'upfront_fee'],
  ['bn', 'বয়স ১৮-৩০ বছর', 'young_age_band'],
  ['my', 'တယ်လီဂရမ်မှ ဆက်သွယ်ပါ', 'chat_app_contact'],
  ['my', 'မြဝတီတွင် အလုပ်', 'compound_area'],
  ['km', 'ទាក់ទងតាមតេឡេក្រាម', 'chat_app_contact'],
  ['km', 'ធ្វើការនៅកម្ពុជា', 'hotspot_destination'],
];

/** Phrases that look close to a sign but are not it. */
const DOES_NOT_FIRE: [JobCheckLanguage, string, string][] = [
  ['en', 'No placement fee, licensed agency only', 'upfront_fee'],
  ['en', 'We never keep your passport', 'passport_held'],
  ['en', 'Apply online before the deadline', 'chat_app_contact'],
  ['th', 'ไม่มีค่าหัว สมัครที่สำนักงานจัดหางาน', 'upfront_fee'],
  ['th', 'งานแอดมินออนไลน์', 'chat_app_contact'],
  ['th', 'ไม่มีค่าใช้จ่ายในการสมัคร', 'free_travel_visa'],
  ['id', 'Tanpa biaya administrasi', 'upfront_fee'],
  ['vi', 'Xuất khẩu lao động Nhật Bản', 'hotspot_destination'],
  ['vi', 'Không thu phí hồ sơ', 'upfront_fee'],
  ['zh', '不收押金，签订劳动合同', 'upfront_fee'],
  ['zh', '我的老家', 'hotspot_destination'],
  ['fil', 'Walang placement fee, may OEC', 'upfront_fee'],
  ['sw', 'Hakuna ada ya usajili', 'upfront_fee'],
  ['id', 'Bukan visa turis, visa kerja resmi', 'tourist_visa_for_work'],
  ['my', 'မြန်မာစာ ရေးတတ်ရမည်', 'hotspot_destination'],
  ['en', 'Study abroad fair for students', 'vague_overseas_location'],
  ['en', 'Product line: cosmetics and skin care', 'chat_app_contact'],
  ['en', 'Open 18-30 June, 9am to 5pm', 'young_age_band'],
];

describe('red-flag rules per language', () => {
  it.each(FIRES)('%s: "%s" fires %s', (_lang, text, rule) => {
    expect(fired(text)).toContain(rule);
  });

  it.each(DOES_NOT_FIRE)('%s: "%s" does not fire %s', (_lang, text, rule) => {
    expect(fired(text)).not.toContain(rule);
  });

  it('has a file for every checker language, with patterns for most rules in the main ones', () => {
    const textRules = RULE_DEFS.filter((r) => r.kind === 'text').map((r) => r.id);
    for (const lang of ['en', 'th', 'id', 'vi', 'zh'] as const) {
      const covered = textRules.filter((id) => (LANGUAGES[lang]?.patterns[id] ?? []).length > 0);
      expect(covered.length, lang).toBe(textRules.length);
    }
    expect(Object.keys(LANGUAGES).sort()).toEqual(
      ['bn', 'en', 'fil', 'id', 'km', 'my', 'sw', 'th', 'vi', 'zh'].sort(),
    );
  });

  it('explains every rule and gives every advice in seven languages', () => {
    for (const lang of ['en', 'th', 'id', 'vi', 'zh', 'fil', 'sw'] as const) {
      for (const rule of RULE_DEFS) {
        expect(LANGUAGES[lang]?.texts[rule.id], `${lang} ${rule.id}`).toBeTruthy();
      }
      for (const id of ADVICE_IDS) {
        expect(LANGUAGES[lang]?.advice[id], `${lang} ${id}`).toBeTruthy();
      }
    }
    expect(ruleText('passport_held', 'fil')).toContain('passport');
    expect(ruleText('passport_held', 'sw')).toContain('pasipoti');
    expect(ruleText('passport_held', 'vi')).toContain('hộ chiếu');
    expect(ruleText('passport_held', 'id')).toContain('paspor');
  });
});
