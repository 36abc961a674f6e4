import countries from 'i18n-iso-countries';
import type { LocalizedText } from '../instrument.schema.ts';
import type { ReportModel } from './report-model.ts';
import { fill, reportMessages, word, type ReportMessages } from './report-messages.ts';
import { MARGIN, ReportWriter } from './report-writer.ts';

/**
 * The screening evidence report as a PDF (pdfkit, Noto fonts embedded, text selectable): title
 * and the "indication, not a legal determination" notice, the person as far as the consent
 * allows, the instrument and its caveats, the rules applied and why, each part with what decided
 * it, the indicators answered yes with their evidence, the legal basis for non-punishment, the
 * caseworker's statement and the approval. Until approved, DRAFT across every page.
 */
export async function buildReportPdf(model: ReportModel): Promise<Buffer> {
  const m = reportMessages(model.lang);
  const w = new ReportWriter({ title: m.title, lang: model.lang, createdAt: model.generatedAt });
  const fmt = formatters(model);
  header(w, model, m, fmt);
  personSection(w, model, m, fmt);
  instrumentSection(w, model, m, fmt);
  resultSection(w, model, m);
  indicatorsSection(w, model, m);
  legalBasisSection(w, model, m, fmt);
  statementSection(w, model, m);
  approvalSection(w, model, m, fmt);
  footers(w, model, m);
  return w.finish();
}

interface Formatters {
  date: (d: Date) => string;
  dateTime: (d: Date) => string;
  country: (alpha3: string) => string;
  text: (t: LocalizedText) => string;
}

function formatters(model: ReportModel): Formatters {
  const locale = model.lang === 'th' ? 'th-TH' : 'en-GB';
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const time = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  });
  const regions = new Intl.DisplayNames([model.lang], { type: 'region' });
  return {
    date: (d) => day.format(d),
    dateTime: (d) => `${time.format(d)} UTC`,
    country: (alpha3) => {
      const alpha2 = countries.alpha3ToAlpha2(alpha3);
      return (alpha2 && regions.of(alpha2)) ?? alpha3;
    },
    text: (t) => t[model.lang] ?? t.en,
  };
}

/** A large diagonal DRAFT across the current page, light enough to read the text through. */
function watermark(w: ReportWriter): void {
  const { doc } = w;
  const { x, y } = doc;
  const { width, height } = doc.page;
  doc.save();
  doc.rotate(-50, { origin: [width / 2, height / 2] });
  doc.font('noto-sans-latin-700').fontSize(150).fillColor('#b00020').opacity(0.12);
  doc.text('DRAFT', 0, height / 2 - 100, { width, align: 'center', lineBreak: false });
  doc.restore();
  doc.x = x;
  doc.y = y;
}

function header(w: ReportWriter, model: ReportModel, m: ReportMessages, fmt: Formatters): void {
  w.text(m.title, { size: 20, weight: 'bold', gap: 0.1 });
  w.text(m.subtitle, { size: 12, color: '#444444', gap: 0.6 });
  if (!model.final) {
    w.text(m.draftBanner, { size: 14, weight: 'bold', color: '#b00020', gap: 0.2 });
    w.text(fill(m.draftNotice, { org: model.organisation.name }), { color: '#b00020' });
  } else if (model.recipient) {
    const kind = word(m, `authority_${model.recipient.kind}`);
    w.text(fill(m.finalFor, { authority: model.recipient.name, kind }), { weight: 'bold' });
    w.text(fill(m.finalConsent, { consent: model.recipient.consentId }), { size: 9 });
  }
  w.text(m.indication, { weight: 'bold', gap: 0.6 });
  w.field(m.preparedBy, model.organisation.name);
  w.field(m.generated, fmt.dateTime(model.generatedAt));
  w.field(m.reference, model.reference, { gap: 0.4 });
  w.rule();
}

function personSection(
  w: ReportWriter,
  model: ReportModel,
  m: ReportMessages,
  fmt: Formatters,
): void {
  w.heading(m.person);
  const p = model.person;
  if (!p) {
    w.text(m.identityWithheld);
    return;
  }
  w.field(m.name, p.displayName || m.notRecorded);
  w.field(m.caseNumber, p.caseNumber);
  w.field(m.nationality, p.nationality ? fmt.country(p.nationality) : m.notRecorded);
  w.field(m.born, p.born ?? m.notRecorded);
  const sex = p.sex as Parameters<typeof sexWord>[1] | null;
  w.field(m.sex, sex ? sexWord(m, sex) : m.notRecorded);
}

function sexWord(
  m: ReportMessages,
  sex: 'female' | 'male' | 'intersex' | 'unknown' | 'prefer_not_to_say',
): string {
  return word(m, `sex_${sex}`);
}

function instrumentSection(
  w: ReportWriter,
  model: ReportModel,
  m: ReportMessages,
  fmt: Formatters,
): void {
  const ins = model.instrument;
  w.heading(m.instrument);
  w.text(`${fmt.text(ins.title)}, ${fill(m.version, { version: ins.version })}`, {
    weight: 'bold',
  });
  w.field(m.screenedOn, fmt.date(model.screening.createdAt));
  w.field(m.screenedBy, model.screening.createdByName ?? m.notRecorded, { gap: 0.4 });
  w.text(`${m.rule}: ${fmt.text(ins.rule.summary)}`);
  w.text(m[`provenance_${ins.ruleProvenance}`], { weight: 'bold' });
  if (ins.elementsProvenance === 'project_convention') {
    w.text(m.elementsConvention, { weight: 'bold' });
  }
  w.text(ins.verified ? m.verified : m.unverified, { weight: 'bold' });
  if (ins.caveats.length > 0) {
    w.text(`${m.caveats}:`, { gap: 0.1 });
    for (const caveat of ins.caveats) {
      w.text(`• ${fmt.text(caveat)}`, { indent: 12, size: 9, gap: 0.2 });
    }
  }
  w.heading(m.rulesApplied);
  w.text(word(m, `rules_${model.screening.rules}`), { weight: 'bold' });
  w.field(m.why, word(m, `reason_${model.screening.rulesReason}`));
}

function resultSection(w: ReportWriter, model: ReportModel, m: ReportMessages): void {
  const s = model.screening;
  const text = (t: LocalizedText) => t[model.lang] ?? t.en;
  w.heading(m.result);
  w.text(`${m.finding}: ${word(m, `finding_${s.finding}`)}`, { size: 12, weight: 'bold' });
  w.field(m.strength, s.strength ? word(m, `strength_${s.strength}`) : m.none, { gap: 0.4 });
  for (const part of s.parts) {
    const rulePart = model.instrument.rule.parts.find((p) => p.key === part.key);
    const title = rulePart ? text(rulePart.title) : part.key;
    w.text(`${title}: ${word(m, `status_${part.status}`)}`, { weight: 'bold', gap: 0.05 });
    const drivers = part.drivers.length > 0 ? part.drivers.join(', ') : m.none;
    w.text(`${m.drivers}: ${drivers}`, { indent: 12, size: 9, gap: 0.3 });
  }
}

function indicatorsSection(w: ReportWriter, model: ReportModel, m: ReportMessages): void {
  const text = (t: LocalizedText) => t[model.lang] ?? t.en;
  w.heading(m.indicatorsYes);
  if (model.yesAnswers.length === 0) {
    w.text(m.noIndicatorsYes);
  }
  for (const a of model.yesAnswers) {
    const ind = a.indicator;
    const element = ind.element ? `, ${word(m, `element_${ind.element}`)}` : '';
    w.ensureSpace(50);
    w.text(`${ind.id} (${word(m, `strength_${ind.strength}`)}${element})`, {
      weight: 'bold',
      gap: 0.05,
    });
    w.text(text(ind.question), { indent: 12, gap: 0.05 });
    const kind = a.evidenceKind ? word(m, `evidence_${a.evidenceKind}`) : m.evidenceNone;
    w.field(m.evidence, kind, { indent: 12, size: 9 });
    if (a.note) {
      w.field(m.note, a.note, { indent: 12, size: 9 });
    }
    w.doc.moveDown(0.2);
  }
  if (!model.sensitiveShown) {
    w.text(m.notesWithheld, { size: 9, color: '#444444' });
  }
}

function legalBasisSection(
  w: ReportWriter,
  model: ReportModel,
  m: ReportMessages,
  fmt: Formatters,
): void {
  w.heading(m.legalBasis);
  const names = model.countries.map(fmt.country).join(', ');
  const andNationality = model.nationalityUsed ? m.andNationality : '';
  w.text(fill(m.legalBasisIntro, { countries: names || m.none, andNationality }), { size: 9 });
  for (const p of model.provisions) {
    w.ensureSpace(80);
    const mark = p.verified ? m.markVerified : m.markUnverified;
    w.text(`${p.instrument}, ${p.provision}`, { weight: 'bold', gap: 0.05 });
    w.text(`[${mark}] ${m.status}: ${p.status}`, {
      size: 9,
      weight: 'bold',
      color: p.verified ? '#1b5e20' : '#b00020',
      gap: 0.05,
    });
    const label = p.textKind === 'quote' ? m.quote : m.summary;
    w.text(`${label}: ${p.text}`, { indent: 12, size: 9, gap: 0.05 });
    w.text(`${m.source}: ${p.source}`, { indent: 12, size: 8, color: '#444444', gap: 0.4 });
  }
}

function statementSection(w: ReportWriter, model: ReportModel, m: ReportMessages): void {
  w.heading(m.statement);
  if (!model.sensitiveShown) {
    w.text(m.statementWithheld);
  } else {
    w.text(model.statement ?? m.noStatement);
  }
  w.doc.moveDown(1.5);
  w.ensureSpace(40);
  w.text(`${m.signature}: ________________________________`, { size: 9 });
}

function approvalSection(
  w: ReportWriter,
  model: ReportModel,
  m: ReportMessages,
  fmt: Formatters,
): void {
  w.heading(m.approval);
  const a = model.approval;
  if (a) {
    w.text(fill(m.approvedBy, { name: a.byName ?? m.notRecorded, date: fmt.dateTime(a.at) }));
  } else {
    w.text(m.notApproved, { weight: 'bold', color: '#b00020' });
  }
}

/**
 * "Page 1 of 3 · reference" at the foot of every page, and the DRAFT mark across it, written once
 * all pages exist (drawing on a page added in the middle of a paragraph would change its font).
 */
function footers(w: ReportWriter, model: ReportModel, m: ReportMessages): void {
  const { doc } = w;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    if (!model.final) {
      watermark(w);
    }
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const draft = model.final ? '' : 'DRAFT · ';
    const page = fill(m.page, { page: i + 1, pages: range.count });
    w.text(
      `${draft}${page} · ${model.reference}`,
      { size: 8, color: '#666666' },
      {
        x: MARGIN,
        y: doc.page.height - 32,
      },
    );
    doc.page.margins.bottom = bottom;
  }
}
