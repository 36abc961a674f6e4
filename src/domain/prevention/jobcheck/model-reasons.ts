import type { JobCheckLanguage } from './jobcheck.schema.ts';

/**
 * Plain-language explanations of the model's features (the red-flag rules have their own, in
 * rules.ts). English, Thai, Indonesian, Vietnamese and Chinese are written here (drafted without a
 * native speaker's review, like the rules' texts); other languages fall back to English.
 * `{words}` is replaced by the quoted words.
 */

/** Explanation keys: the word groups, the text indicators (features.ts ENGINEERED) by direction. */
export type ModelReasonKey =
  | 'words_fraud'
  | 'words_genuine'
  | 'language_not_covered'
  | 'too_little_text'
  | `${'contact_email' | 'contact_url' | 'contact_phone' | 'messaging_app' | 'money_amount' | 'many_exclamations' | 'short_text'}_${'up' | 'down'}`;

type Texts = Record<ModelReasonKey, string>;

const EN: Texts = {
  words_fraud: 'Words often seen in fraudulent job adverts: {words}.',
  words_genuine: 'Words often seen in genuine job adverts: {words}.',
  too_little_text:
    'There is too little text for the learned model to judge: paste the whole advert or message, with the pay, the place and how they want to be contacted.',
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
  too_little_text:
    'ข้อความสั้นเกินไปที่แบบจำลองจะประเมินได้ กรุณาวางประกาศหรือข้อความทั้งหมด รวมทั้งค่าจ้าง สถานที่ และช่องทางที่ให้ติดต่อ',
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

const ID: Texts = {
  words_fraud: 'Kata yang sering muncul di iklan lowongan palsu: {words}.',
  words_genuine: 'Kata yang sering muncul di iklan lowongan asli: {words}.',
  too_little_text:
    'Teksnya terlalu sedikit untuk dinilai oleh model: tempel seluruh iklan atau pesan, termasuk gaji, tempat, dan cara mereka minta dihubungi.',
  language_not_covered:
    'Model yang dipelajari hanya mengenal iklan berbahasa Inggris, jadi hasil untuk teks ini terutama bergantung pada tanda bahaya yang tercantum di sini.',
  contact_email_up:
    'Anda diminta membalas ke sebuah alamat e-mail, seperti banyak iklan palsu. Pastikan alamat itu milik situs resmi perusahaan.',
  contact_email_down:
    'Ada alamat e-mail, seperti biasanya di iklan asli. Tetap pastikan alamat itu milik situs resmi perusahaan.',
  contact_url_up:
    'Anda diarahkan ke sebuah tautan, seperti banyak iklan palsu. Buka hanya situs resmi perusahaan, bukan tautan yang dikirim kepada Anda.',
  contact_url_down:
    'Ada tautan ke sebuah situs, seperti biasanya di iklan asli. Pastikan situs itu milik pemberi kerja.',
  contact_phone_up:
    'Anda diminta menelepon atau mengirim pesan ke sebuah nomor, seperti banyak iklan palsu. Cari sendiri nomor perusahaan lalu hubungi.',
  contact_phone_down:
    'Ada nomor telepon, seperti sering di iklan asli. Pastikan itu nomor resmi perusahaan.',
  messaging_app_up:
    'Anda diminta berbicara lewat aplikasi chat seperti Telegram atau WhatsApp. Pemberi kerja asli juga punya e-mail, situs web, dan kantor yang bisa Anda datangi.',
  messaging_app_down:
    'Ada aplikasi chat yang disebut. Pemberi kerja asli juga punya e-mail, situs web, dan kantor yang bisa Anda datangi.',
  money_amount_up:
    'Jumlah uang ditonjolkan sejak awal, seperti sering di iklan palsu. Bandingkan dengan gaji biasa untuk pekerjaan ini.',
  money_amount_down: 'Gaji disebutkan. Bandingkan dengan gaji biasa untuk pekerjaan ini.',
  many_exclamations_up:
    'Banyak tanda seru untuk membuat Anda bersemangat, seperti sering di iklan palsu. Jangan terburu-buru.',
  many_exclamations_down: 'Banyak tanda seru. Jangan terburu-buru menjawab.',
  short_text_up:
    'Teksnya sangat pendek dan hampir tidak menjelaskan pekerjaan atau pemberi kerja, seperti sering di iklan palsu. Minta nama, alamat pemberi kerja, dan kontrak tertulis.',
  short_text_down:
    'Teksnya pendek. Minta nama, alamat pemberi kerja, dan kontrak tertulis sebelum memutuskan.',
};

const VI: Texts = {
  words_fraud: 'Những từ thường gặp trong tin tuyển dụng lừa đảo: {words}.',
  words_genuine: 'Những từ thường gặp trong tin tuyển dụng thật: {words}.',
  too_little_text:
    'Văn bản quá ngắn để mô hình đánh giá: hãy dán toàn bộ tin tuyển dụng hoặc tin nhắn, gồm mức lương, nơi làm việc và cách họ muốn bạn liên lạc.',
  language_not_covered:
    'Mô hình học máy chỉ biết tin tuyển dụng tiếng Anh, nên kết quả cho văn bản này chủ yếu dựa vào các dấu hiệu cảnh báo liệt kê ở đây.',
  contact_email_up:
    'Tin yêu cầu bạn trả lời qua một địa chỉ e-mail, như nhiều tin lừa đảo. Hãy kiểm tra địa chỉ đó có thuộc trang web chính thức của công ty không.',
  contact_email_down:
    'Tin có địa chỉ e-mail, như tin thật thường có. Vẫn hãy kiểm tra địa chỉ đó có thuộc trang web chính thức của công ty không.',
  contact_url_up:
    'Tin dẫn bạn đến một đường link, như nhiều tin lừa đảo. Chỉ mở trang web chính thức của công ty, không mở link được gửi cho bạn.',
  contact_url_down:
    'Tin có link đến một trang web, như tin thật thường có. Hãy kiểm tra đó có phải trang của chính nhà tuyển dụng không.',
  contact_phone_up:
    'Tin yêu cầu bạn gọi hoặc nhắn tin đến một số điện thoại, như nhiều tin lừa đảo. Hãy tự tìm số của công ty và gọi.',
  contact_phone_down:
    'Tin có số điện thoại, như tin thật thường có. Hãy kiểm tra đó có phải số công ty công bố không.',
  messaging_app_up:
    'Tin yêu cầu bạn trao đổi qua ứng dụng chat như Telegram hoặc WhatsApp. Nhà tuyển dụng thật còn có e-mail, trang web và văn phòng bạn có thể đến.',
  messaging_app_down:
    'Tin có nhắc đến ứng dụng chat. Nhà tuyển dụng thật còn có e-mail, trang web và văn phòng bạn có thể đến.',
  money_amount_up:
    'Tin nêu số tiền ngay từ đầu, như tin lừa đảo thường làm. Hãy so sánh với mức lương bình thường của công việc này.',
  money_amount_down:
    'Tin có nêu mức lương. Hãy so sánh với mức lương bình thường của công việc này.',
  many_exclamations_up:
    'Tin dùng nhiều dấu chấm than để kích động bạn, như tin lừa đảo thường làm. Hãy bình tĩnh.',
  many_exclamations_down: 'Tin dùng nhiều dấu chấm than. Hãy bình tĩnh trước khi trả lời.',
  short_text_up:
    'Tin rất ngắn và hầu như không nói gì về công việc hay nhà tuyển dụng, như tin lừa đảo thường vậy. Hãy hỏi tên, địa chỉ nhà tuyển dụng và hợp đồng bằng văn bản.',
  short_text_down:
    'Tin ngắn. Hãy hỏi tên, địa chỉ nhà tuyển dụng và hợp đồng bằng văn bản trước khi quyết định.',
};

const ZH: Texts = {
  words_fraud: '虚假招聘广告中常见的词：{words}。',
  words_genuine: '真实招聘广告中常见的词：{words}。',
  too_little_text:
    '文字太少，模型无法判断：请粘贴完整的广告或消息，包括薪资、地点和对方要求的联系方式。',
  language_not_covered:
    '机器学习模型只认识英文招聘广告，因此这段文字的结果主要依据这里列出的警示信号。',
  contact_email_up: '要求你回复到一个电子邮箱，很多虚假广告都这样。请核实该邮箱属于公司官方网站。',
  contact_email_down: '留有电子邮箱，真实广告通常也会。仍请核实该邮箱属于公司官方网站。',
  contact_url_up:
    '让你点击一个链接，很多虚假广告都这样。只打开公司官方网站，不要打开别人发给你的链接。',
  contact_url_down: '附有网站链接，真实广告通常也会。请核实那是雇主自己的网站。',
  contact_phone_up:
    '要求你拨打或发消息到一个电话号码，很多虚假广告都这样。请自己查找公司的电话并拨打。',
  contact_phone_down: '留有电话号码，真实广告也常这样。请核实那是公司公开的号码。',
  messaging_app_up:
    '要求你通过 Telegram、WhatsApp 等聊天软件沟通。真实的雇主还有电子邮箱、网站和你可以去的办公室。',
  messaging_app_down: '提到了聊天软件。真实的雇主还有电子邮箱、网站和你可以去的办公室。',
  money_amount_up: '一开始就强调金额，虚假广告常这样。请与这份工作的正常薪资比较。',
  money_amount_down: '写明了薪资。请与这份工作的正常薪资比较。',
  many_exclamations_up: '用很多感叹号来煽动你，虚假广告常这样。请慢慢考虑。',
  many_exclamations_down: '用了很多感叹号。回复前请慢慢考虑。',
  short_text_up:
    '文字很短，几乎没有说明工作内容或雇主，虚假广告常这样。请索要雇主的名称、地址和书面合同。',
  short_text_down: '文字较短。决定前请索要雇主的名称、地址和书面合同。',
};

const TEXTS: Partial<Record<JobCheckLanguage, Texts>> = { en: EN, th: TH, id: ID, vi: VI, zh: ZH };

/** The explanation of a model reason in `lang` (English when not translated), words filled in. */
export function modelReasonText(
  key: ModelReasonKey,
  lang: JobCheckLanguage,
  words: readonly string[] = [],
): string {
  const template = (TEXTS[lang] ?? EN)[key];
  return template.replace('{words}', words.map((w) => `“${w}”`).join(', '));
}
