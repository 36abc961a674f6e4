import type { SEXES } from '@/domain/cases/index.ts';
import type { AuthorityKind } from '@/domain/consent/index.ts';
import type { Element, RuleSet, Strength } from '../instrument.schema.ts';
import type { Finding, PartStatus, RulesReason } from '../screening.schema.ts';
import type { EvidenceKind } from '../screening-views.schema.ts';
import type { ReportLang } from './report.schema.ts';

/**
 * The report's own strings, in every report language (server-side: the PDF is made here, not in
 * the web app). `{name}` placeholders are filled by `fill`. Instrument texts come from the
 * instrument (English where untranslated); legal provisions are quoted in English, as sourced.
 */
const EN = {
  title: 'Screening evidence report',
  subtitle: 'Indicators of trafficking, for the non-punishment of a possible victim',
  indication:
    'This report records an indication, not a legal determination. A screening shows whether indicators of trafficking are present; whether the person is a victim of trafficking is decided by a competent authority through formal identification.',
  draftBanner: 'DRAFT — for internal review only',
  draftNotice:
    'This draft has not been approved by a supervisor. It is for review inside {org} and does not leave the organisation. A final report needs a supervisor’s approval and the person’s consent for legal proceedings naming the authority that receives it.',
  finalFor: 'Prepared for: {authority} ({kind})',
  finalConsent:
    'Shared with this authority under the person’s consent for legal proceedings (consent record {consent}).',
  preparedBy: 'Prepared by',
  generated: 'Generated',
  reference: 'Report reference',
  person: 'The person',
  caseNumber: 'Case number',
  name: 'Name',
  nationality: 'Nationality',
  born: 'Born',
  sex: 'Sex',
  notRecorded: 'not recorded',
  identityWithheld:
    'Identity withheld: the person’s consent for this authority does not cover identity data.',
  instrument: 'Screening instrument',
  version: 'version {version}',
  screenedOn: 'Screened on',
  screenedBy: 'Screened by',
  rule: 'Combination rule',
  verified: 'Rule and weights verified against the source.',
  unverified: 'Unverified: the rule or a weight has not been read in the primary source.',
  provenance_source: 'Rule read in the source.',
  provenance_secondary: 'Rule taken from a third-party transcription of the source.',
  provenance_project_convention:
    'Project convention: the source gives no combination rule; this rule was set by the Homeward project.',
  elementsConvention:
    'Project convention: the indicators were assigned to act, means and purpose by the Homeward project; the source does not group them.',
  caveats: 'Caveats',
  rulesApplied: 'Rules applied',
  rules_adult: 'Adult rules',
  rules_child: 'Child rules: the means element is not required',
  why: 'Why',
  result: 'Result',
  finding: 'Finding',
  strength: 'Strongest indicator answered yes',
  drivers: 'Decided by',
  none: 'none',
  indicatorsYes: 'Indicators answered yes',
  noIndicatorsYes: 'No indicator was answered yes.',
  evidence: 'Evidence',
  evidenceNone: 'no evidence kind recorded',
  note: 'Note',
  notesWithheld: 'Evidence notes are not shown: they need access to sensitive case data.',
  legalBasis: 'Legal basis for non-punishment',
  legalBasisIntro:
    'International provisions, and those of {countries} (the country of the organisation preparing this report{andNationality}). Provisions are quoted in English, as sourced; the mark says how far each was checked.',
  andNationality: ' and the person’s nationality',
  quote: 'Text',
  summary: 'Summary',
  source: 'Source',
  status: 'Status',
  markVerified: 'VERIFIED',
  markUnverified: 'UNVERIFIED',
  statement: 'Caseworker’s statement',
  noStatement: 'No statement recorded.',
  statementWithheld: 'The statement is not shown: it needs access to sensitive case data.',
  signature: 'Signature and date',
  approval: 'Approval',
  approvedBy: 'Approved by {name} on {date}.',
  notApproved: 'Not approved. This report is a DRAFT.',
  page: 'Page {page} of {pages}',
  finding_indicators_present: 'Indicators of trafficking present — refer for formal identification',
  finding_insufficient_indicators: 'Insufficient indicators recorded in this screening',
  finding_undetermined: 'Undetermined: answers that are unknown could change the result',
  status_met: 'met',
  status_not_met: 'not met',
  status_undetermined: 'undetermined',
  strength_strong: 'strong',
  strength_medium: 'medium',
  strength_weak: 'weak',
  element_act: 'act',
  element_means: 'means',
  element_purpose: 'purpose',
  evidence_self_report: 'self-report',
  evidence_document: 'document',
  evidence_observation: 'observation',
  evidence_third_party: 'third party',
  authority_police: 'police',
  authority_prosecutor: 'prosecutor',
  authority_court: 'court',
  authority_immigration: 'immigration',
  authority_national_referral_body: 'national referral body',
  reason_under_18_at_recruitment: 'Under 18 at the time of recruitment.',
  reason_under_18_at_screening: 'Recruitment date not known; under 18 at the screening.',
  reason_may_have_been_under_18_at_recruitment:
    'Only the birth year is known: may have been under 18 at the time of recruitment.',
  reason_may_be_under_18_at_screening:
    'Recruitment date not known and only the birth year known: may be under 18 at the screening.',
  reason_flagged_possible_minor: 'Recorded as possibly under 18.',
  reason_adult_at_recruitment: '18 or over at the time of recruitment.',
  reason_adult_at_screening: 'Recruitment date not known; 18 or over at the screening.',
  reason_age_unknown_not_flagged: 'Age not known, and not recorded as possibly under 18.',
  sex_female: 'female',
  sex_male: 'male',
  sex_intersex: 'intersex',
  sex_unknown: 'not known',
  sex_prefer_not_to_say: 'prefers not to say',
};

export type ReportMessages = typeof EN;

const TH: ReportMessages = {
  title: 'รายงานหลักฐานการคัดกรอง',
  subtitle: 'ตัวชี้วัดการค้ามนุษย์ เพื่อการไม่ลงโทษผู้ที่อาจเป็นผู้เสียหาย',
  indication:
    'รายงานนี้บันทึกข้อบ่งชี้ ไม่ใช่การวินิจฉัยทางกฎหมาย การคัดกรองแสดงว่ามีตัวชี้วัดการค้ามนุษย์หรือไม่ ส่วนการพิจารณาว่าบุคคลนี้เป็นผู้เสียหายจากการค้ามนุษย์หรือไม่ เป็นอำนาจของหน่วยงานที่มีอำนาจผ่านการคัดแยกผู้เสียหายอย่างเป็นทางการ',
  draftBanner: 'ฉบับร่าง (DRAFT) — สำหรับการตรวจทานภายในเท่านั้น',
  draftNotice:
    'ฉบับร่างนี้ยังไม่ได้รับการอนุมัติจากหัวหน้างาน ใช้สำหรับการตรวจทานภายใน {org} และไม่ส่งออกนอกองค์กร รายงานฉบับสมบูรณ์ต้องได้รับการอนุมัติจากหัวหน้างาน และความยินยอมของบุคคลนั้นเพื่อการดำเนินคดีทางกฎหมายซึ่งระบุหน่วยงานผู้รับรายงาน',
  finalFor: 'จัดทำสำหรับ: {authority} ({kind})',
  finalConsent:
    'ส่งมอบให้หน่วยงานนี้ตามความยินยอมของบุคคลนั้นเพื่อการดำเนินคดีทางกฎหมาย (บันทึกความยินยอม {consent})',
  preparedBy: 'จัดทำโดย',
  generated: 'สร้างเมื่อ',
  reference: 'เลขอ้างอิงรายงาน',
  person: 'บุคคล',
  caseNumber: 'เลขที่เคส',
  name: 'ชื่อ',
  nationality: 'สัญชาติ',
  born: 'เกิด',
  sex: 'เพศ',
  notRecorded: 'ไม่ได้บันทึก',
  identityWithheld: 'ไม่เปิดเผยตัวตน: ความยินยอมของบุคคลนั้นสำหรับหน่วยงานนี้ไม่ครอบคลุมข้อมูลระบุตัวตน',
  instrument: 'เครื่องมือคัดกรอง',
  version: 'ฉบับที่ {version}',
  screenedOn: 'วันที่คัดกรอง',
  screenedBy: 'ผู้คัดกรอง',
  rule: 'กฎการรวมผล',
  verified: 'ตรวจสอบกฎและน้ำหนักกับแหล่งที่มาแล้ว',
  unverified: 'ยังไม่ได้ตรวจสอบ: กฎหรือน้ำหนักบางส่วนยังไม่ได้อ่านจากแหล่งที่มาหลัก',
  provenance_source: 'กฎนี้อ่านจากแหล่งที่มาโดยตรง',
  provenance_secondary: 'กฎนี้นำมาจากการถอดความแหล่งที่มาโดยบุคคลที่สาม',
  provenance_project_convention:
    'ข้อตกลงของโครงการ: แหล่งที่มาไม่ได้กำหนดกฎการรวมผล กฎนี้กำหนดโดยโครงการ Homeward',
  elementsConvention:
    'ข้อตกลงของโครงการ: โครงการ Homeward เป็นผู้จัดตัวชี้วัดเข้ากับการกระทำ วิธีการ และวัตถุประสงค์ แหล่งที่มาไม่ได้จัดกลุ่มไว้',
  caveats: 'ข้อควรระวัง',
  rulesApplied: 'กฎที่ใช้',
  rules_adult: 'กฎสำหรับผู้ใหญ่',
  rules_child: 'กฎสำหรับเด็ก: ไม่ต้องมีองค์ประกอบด้านวิธีการ',
  why: 'เหตุผล',
  result: 'ผลการคัดกรอง',
  finding: 'ข้อสรุป',
  strength: 'ตัวชี้วัดที่ตอบว่าใช่ซึ่งมีน้ำหนักสูงสุด',
  drivers: 'ตัดสินจาก',
  none: 'ไม่มี',
  indicatorsYes: 'ตัวชี้วัดที่ตอบว่าใช่',
  noIndicatorsYes: 'ไม่มีตัวชี้วัดที่ตอบว่าใช่',
  evidence: 'หลักฐาน',
  evidenceNone: 'ไม่ได้บันทึกประเภทหลักฐาน',
  note: 'บันทึก',
  notesWithheld: 'ไม่แสดงบันทึกหลักฐาน: ต้องมีสิทธิ์เข้าถึงข้อมูลอ่อนไหวของเคส',
  legalBasis: 'หลักกฎหมายว่าด้วยการไม่ลงโทษ',
  legalBasisIntro:
    'บทบัญญัติระหว่างประเทศ และบทบัญญัติของ {countries} (ประเทศขององค์กรที่จัดทำรายงานนี้{andNationality}) ยกข้อความเป็นภาษาอังกฤษตามแหล่งที่มา เครื่องหมายแสดงว่าแต่ละข้อได้รับการตรวจสอบมากน้อยเพียงใด',
  andNationality: ' และสัญชาติของบุคคลนั้น',
  quote: 'ข้อความ',
  summary: 'สรุป',
  source: 'แหล่งที่มา',
  status: 'สถานะ',
  markVerified: 'ตรวจสอบแล้ว (VERIFIED)',
  markUnverified: 'ยังไม่ได้ตรวจสอบ (UNVERIFIED)',
  statement: 'คำให้การของเจ้าหน้าที่ผู้ดูแลเคส',
  noStatement: 'ไม่ได้บันทึกคำให้การ',
  statementWithheld: 'ไม่แสดงคำให้การ: ต้องมีสิทธิ์เข้าถึงข้อมูลอ่อนไหวของเคส',
  signature: 'ลายมือชื่อและวันที่',
  approval: 'การอนุมัติ',
  approvedBy: 'อนุมัติโดย {name} เมื่อ {date}',
  notApproved: 'ยังไม่ได้รับการอนุมัติ รายงานนี้เป็นฉบับร่าง (DRAFT)',
  page: 'หน้า {page} จาก {pages}',
  finding_indicators_present: 'พบตัวชี้วัดการค้ามนุษย์ — ควรส่งต่อเพื่อคัดแยกผู้เสียหายอย่างเป็นทางการ',
  finding_insufficient_indicators: 'ตัวชี้วัดที่บันทึกในการคัดกรองนี้ยังไม่เพียงพอ',
  finding_undetermined: 'ยังสรุปไม่ได้: คำตอบที่ยังไม่ทราบอาจเปลี่ยนผลได้',
  status_met: 'ครบ',
  status_not_met: 'ไม่ครบ',
  status_undetermined: 'ยังสรุปไม่ได้',
  strength_strong: 'สูง',
  strength_medium: 'กลาง',
  strength_weak: 'ต่ำ',
  element_act: 'การกระทำ',
  element_means: 'วิธีการ',
  element_purpose: 'วัตถุประสงค์',
  evidence_self_report: 'คำบอกเล่าของบุคคลนั้น',
  evidence_document: 'เอกสาร',
  evidence_observation: 'การสังเกต',
  evidence_third_party: 'บุคคลที่สาม',
  authority_police: 'ตำรวจ',
  authority_prosecutor: 'พนักงานอัยการ',
  authority_court: 'ศาล',
  authority_immigration: 'ตรวจคนเข้าเมือง',
  authority_national_referral_body: 'หน่วยงานกลไกส่งต่อระดับชาติ',
  reason_under_18_at_recruitment: 'อายุต่ำกว่า 18 ปีในขณะที่ถูกจัดหา',
  reason_under_18_at_screening: 'ไม่ทราบวันที่ถูกจัดหา และอายุต่ำกว่า 18 ปีในวันที่คัดกรอง',
  reason_may_have_been_under_18_at_recruitment: 'ทราบเพียงปีเกิด: อาจมีอายุต่ำกว่า 18 ปีในขณะที่ถูกจัดหา',
  reason_may_be_under_18_at_screening:
    'ไม่ทราบวันที่ถูกจัดหาและทราบเพียงปีเกิด: อาจมีอายุต่ำกว่า 18 ปีในวันที่คัดกรอง',
  reason_flagged_possible_minor: 'บันทึกไว้ว่าอาจมีอายุต่ำกว่า 18 ปี',
  reason_adult_at_recruitment: 'อายุ 18 ปีขึ้นไปในขณะที่ถูกจัดหา',
  reason_adult_at_screening: 'ไม่ทราบวันที่ถูกจัดหา และอายุ 18 ปีขึ้นไปในวันที่คัดกรอง',
  reason_age_unknown_not_flagged: 'ไม่ทราบอายุ และไม่ได้บันทึกไว้ว่าอาจมีอายุต่ำกว่า 18 ปี',
  sex_female: 'หญิง',
  sex_male: 'ชาย',
  sex_intersex: 'ภาวะเพศกำกวม',
  sex_unknown: 'ไม่ทราบ',
  sex_prefer_not_to_say: 'ไม่ประสงค์จะระบุ',
};

const MESSAGES: Record<ReportLang, ReportMessages> = { en: EN, th: TH };

/** The report strings of `lang`. */
export function reportMessages(lang: ReportLang): ReportMessages {
  return MESSAGES[lang];
}

/** `template` with each `{key}` replaced by `values[key]`. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, key: string) => String(values[key] ?? all));
}

/** Typed keys of the enumerated words (finding, status, strength, …). */
export type EnumKey =
  | `finding_${Finding}`
  | `status_${PartStatus}`
  | `strength_${Strength}`
  | `element_${Element}`
  | `evidence_${EvidenceKind}`
  | `authority_${AuthorityKind}`
  | `reason_${RulesReason}`
  | `rules_${RuleSet}`
  | `sex_${(typeof SEXES)[number]}`;

/** The word for an enumerated value (a key that is not in the table does not compile). */
export function word(m: ReportMessages, key: EnumKey): string {
  return m[key];
}
