import { describe, expect, it } from 'vitest';
import { modelReasonText } from './model-reasons.ts';

describe('modelReasonText', () => {
  it('fills in the words, quoted, in the requested language', () => {
    expect(modelReasonText('words_fraud', 'en', ['wire', 'telegram'])).toBe(
      'Words often seen in fraudulent job adverts: “wire”, “telegram”.',
    );
    expect(modelReasonText('words_fraud', 'th', ['wire'])).toBe(
      'คำที่พบบ่อยในประกาศงานหลอกลวง: “wire”',
    );
    expect(modelReasonText('messaging_app_up', 'zh')).toMatch(/聊天软件/);
    expect(modelReasonText('language_not_covered', 'id')).toMatch(/bahasa Inggris/);
    expect(modelReasonText('short_text_up', 'vi')).toMatch(/hợp đồng/);
  });

  it('falls back to English for a language not written yet', () => {
    expect(modelReasonText('contact_phone_up', 'km')).toBe(
      modelReasonText('contact_phone_up', 'en'),
    );
  });
});
