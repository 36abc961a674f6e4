import type { JobCheckLanguage } from './jobcheck.schema.ts';

/**
 * Plain-language explanations of the model's features (the red-flag rules have their own, in
 * rules.ts). English and Thai are written here; other languages fall back to English until
 * translated (the Thai was drafted without a native speaker's review, like the rules' Thai).
 * `{words}` is replaced by the quoted words.
 */

/** Explanation keys: the word groups, the text indicators (features.ts ENGINEERED) by direction. */
export type ModelReasonKey =
  | 'words_fraud'
  | 'words_genuine'
  | 'language_not_covered'
  | `${'contact_email' | 'contact_url' | 'contact_phone' | 'messaging_app' | 'money_amount' | 'many_exclamations' | 'short_text'}_${'up' | 'down'}`;

type Texts = Record<ModelReasonKey, string>;

const EN: Texts = {
  words_fraud: 'Words often seen in fraudulent job adverts: {words}.',
  words_genuine: 'Words often seen in genuine job adverts: {words}.',
  language_not_covered:
    'The learned model only knows English adverts, so for this text the result rests mostly on the warning signs listed here.',
  contact_email_up:
    'It asks you to reply to an e-mail address, as many fraudulent adverts do. Check that the address belongs to the company’s own website.',
  contact_email_down:
    'It gives an e-mail address, as genuine adverts usually do. Still check that the address belongs to the company’s own website.',
  contact_url_up:
    'It sends you to a link, as many fraudulent adverts do. Open only the company’s official website, not links sent to you.',
  contact_url_down:
    'It links to a website, as genuine adverts usually do. Check that the site is the employer’s own.',
  contact_phone_up:
    'It asks you to call or message a phone number, as many fraudulent adverts do. Find the company’s number yourself and call it.',
  contact_phone_down:
    'It gives a phone number, as genuine adverts often do. Check that it is the company’s published number.',
  messaging_app_up:
    'It asks you to talk on a chat app such as Telegram or WhatsApp. Genuine employers also use e-mail, a website and an office you can visit.',
  messaging_app_down:
    'It mentions a chat app. Genuine employers also use e-mail, a website and an office you can visit.',
  money_amount_up:
    'It puts a sum of money up front, as fraudulent adverts often do. Compare it with what the job normally pays.',
  money_amount_down: 'It states the pay. Compare it with what the job normally pays.',
  many_exclamations_up:
    'It uses many exclamation marks to excite you, as fraudulent adverts often do. Take your time.',
  many_exclamations_down: 'It uses many exclamation marks. Take your time before answering.',
  short_text_up:
    'It is very short and says little about the work or the employer, as fraudulent adverts often are. Ask for the employer’s name, address and a written contract.',
  short_text_down:
    'It is short. Ask for the employer’s name, address and a written contract before deciding.',
};

const TH: Texts = {
  words_fraud: 'คำที่พบบ่อยในประกาศงานหลอกลวง: {words}',
  words_genuine: 'คำที่พบบ่อยในประกาศงานจริง: {words}',
  language_not_covered:
    'แบบจำลองที่เรียนรู้รู้จักเฉพาะประกาศงานภาษาอังกฤษ ผลสำหรับข้อความนี้จึงอาศัยสัญญาณเตือนที่แสดงไว้ที่นี่เป็นหลัก',
  contact_email_up:
    'ให้ตอบกลับทางอีเมล ซึ่งประกาศงานหลอกลวงจำนวนมากทำเช่นนี้ ตรวจสอบว่าอีเมลนั้นเป็นของเว็บไซต์ทางการของบริษัท',
  contact_email_down: 'มีที่อยู่อีเมล ซึ่งประกาศงานจริงมักมี แต่ยังควรตรวจสอบว่าอีเมลนั้นเป็นของเว็บไซต์ทางการของบริษัท',
  contact_url_up:
    'ส่งลิงก์ให้คุณกด ซึ่งประกาศงานหลอกลวงจำนวนมากทำเช่นนี้ เปิดเฉพาะเว็บไซต์ทางการของบริษัท ไม่ใช่ลิงก์ที่ส่งมาให้',
  contact_url_down: 'มีลิงก์เว็บไซต์ ซึ่งประกาศงานจริงมักมี ตรวจสอบว่าเป็นเว็บไซต์ของนายจ้างจริง',
  contact_phone_up:
    'ให้โทรหรือส่งข้อความไปยังเบอร์โทรศัพท์ ซึ่งประกาศงานหลอกลวงจำนวนมากทำเช่นนี้ ค้นหาเบอร์ของบริษัทด้วยตัวเองแล้วโทรไป',
  contact_phone_down: 'มีเบอร์โทรศัพท์ ซึ่งประกาศงานจริงมักมี ตรวจสอบว่าเป็นเบอร์ที่บริษัทเผยแพร่ไว้',
  messaging_app_up:
    'ให้คุยผ่านแอปแชท เช่น Telegram หรือ WhatsApp นายจ้างจริงมีอีเมล เว็บไซต์ และสำนักงานที่คุณไปได้',
  messaging_app_down: 'มีการพูดถึงแอปแชท นายจ้างจริงมีอีเมล เว็บไซต์ และสำนักงานที่คุณไปได้',
  money_amount_up: 'ยกจำนวนเงินขึ้นมาก่อน ซึ่งประกาศงานหลอกลวงมักทำ เปรียบเทียบกับค่าจ้างปกติของงานนี้',
  money_amount_down: 'มีการระบุค่าจ้าง เปรียบเทียบกับค่าจ้างปกติของงานนี้',
  many_exclamations_up: 'ใช้เครื่องหมายอัศเจรีย์มากเพื่อเร่งเร้า ซึ่งประกาศงานหลอกลวงมักทำ ค่อย ๆ ตัดสินใจ',
  many_exclamations_down: 'ใช้เครื่องหมายอัศเจรีย์มาก ค่อย ๆ ตัดสินใจก่อนตอบ',
  short_text_up:
    'ข้อความสั้นมากและแทบไม่บอกอะไรเกี่ยวกับงานหรือนายจ้าง ซึ่งประกาศงานหลอกลวงมักเป็นเช่นนี้ ขอชื่อนายจ้าง ที่อยู่ และสัญญาจ้างเป็นลายลักษณ์อักษร',
  short_text_down: 'ข้อความสั้น ขอชื่อนายจ้าง ที่อยู่ และสัญญาจ้างเป็นลายลักษณ์อักษรก่อนตัดสินใจ',
};

const TEXTS: Partial<Record<JobCheckLanguage, Texts>> = { en: EN, th: TH };

/** The explanation of a model reason in `lang` (English when not translated), words filled in. */
export function modelReasonText(
  key: ModelReasonKey,
  lang: JobCheckLanguage,
  words: readonly string[] = [],
): string {
  const template = (TEXTS[lang] ?? EN)[key];
  return template.replace('{words}', words.map((w) => `“${w}”`).join(', '));
}
