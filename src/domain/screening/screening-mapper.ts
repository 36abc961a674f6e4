import type { FieldCipher } from '@/lib/crypto.ts';
import { FIELDS } from '@/lib/encrypted-fields.ts';
import { newId } from '@/lib/ids.ts';
import type { Instrument, LocalizedText } from './instrument.schema.ts';
import type { ScreeningEvaluation } from './screening.schema.ts';
import type {
  AnswerInput,
  AnswerView,
  InstrumentLang,
  InstrumentView,
  Screening,
  ScreeningSummary,
} from './screening-views.schema.ts';
import type { AnswerInsert, AnswerRow, ScreeningRow } from './screenings.repository.ts';

/** Sensitive texts are decrypted only with a cipher (see `sensitiveCipher`); null hides them. */
type Opener = FieldCipher | null;

/** The stored result: the evaluation without `rules`, which has its own column. */
export type StoredResult = Omit<ScreeningEvaluation, 'rules'>;

export function toStoredResult(evaluation: ScreeningEvaluation): StoredResult {
  return { finding: evaluation.finding, strength: evaluation.strength, parts: evaluation.parts };
}

/** Answer rows for `screeningId`, evidence notes encrypted (bound to each answer's id). */
export function encryptAnswers(
  cipher: FieldCipher,
  screeningId: string,
  answers: readonly AnswerInput[],
): AnswerInsert[] {
  return answers.map((a) => {
    const id = newId();
    const note = a.evidence?.note;
    return {
      id,
      screeningId,
      indicatorId: a.indicatorId,
      answer: a.answer,
      evidenceKind: a.evidence?.kind ?? null,
      evidenceNoteEnc: note ? cipher.encrypt(note, FIELDS.screeningEvidenceNote.aad(id)) : null,
    };
  });
}

/** The statement encrypted for its column; null for none (or an empty one). */
export function encryptStatement(
  cipher: FieldCipher,
  screeningId: string,
  statement: string | null | undefined,
): string | null {
  return statement ? cipher.encrypt(statement, FIELDS.screeningStatement.aad(screeningId)) : null;
}

function toAnswer(cipher: Opener, row: AnswerRow): AnswerView {
  if (row.evidenceKind === null) {
    return { indicatorId: row.indicatorId, answer: row.answer, evidence: null };
  }
  const note =
    cipher && row.evidenceNoteEnc
      ? cipher.decrypt(row.evidenceNoteEnc, FIELDS.screeningEvidenceNote.aad(row.id))
      : null;
  return {
    indicatorId: row.indicatorId,
    answer: row.answer,
    evidence: { kind: row.evidenceKind, note },
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** A screening as listed: its stored result, never recomputed. */
export function toScreeningSummary(row: ScreeningRow): ScreeningSummary {
  const result = row.result as StoredResult | null;
  return {
    id: row.id,
    caseId: row.caseId,
    instrumentId: row.instrumentId,
    instrumentVersion: row.instrumentVersion,
    status: row.status,
    rules: row.rules,
    rulesReason: row.rulesReason,
    finding: result?.finding ?? null,
    strength: result?.strength ?? null,
    parts: result?.parts ?? [],
    createdBy: row.createdBy,
    approvedBy: row.approvedBy,
    approvedAt: iso(row.approvedAt),
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** A screening with its answers; evidence notes and the statement only with a cipher. */
export function toScreening(cipher: Opener, row: ScreeningRow, answers: AnswerRow[]): Screening {
  return {
    ...toScreeningSummary(row),
    answers: answers.map((a) => toAnswer(cipher, a)),
    statement:
      cipher && row.statementEnc
        ? cipher.decrypt(row.statementEnc, FIELDS.screeningStatement.aad(row.id))
        : null,
  };
}

/** The text in `lang`, English where it has no translation. */
function pick(text: LocalizedText, lang: InstrumentLang): string {
  return text[lang] ?? text.en;
}

/** An instrument in one language, as the interview shows it. */
export function toInstrumentView(
  instrument: Instrument,
  owner: InstrumentView['owner'],
  lang: InstrumentLang,
): InstrumentView {
  return {
    id: instrument.id,
    version: instrument.version,
    title: pick(instrument.title, lang),
    kind: instrument.kind,
    owner,
    verified: instrument.verified,
    ruleSummary: pick(instrument.rule.summary, lang),
    ruleProvenance: instrument.ruleProvenance,
    ...(instrument.elementsProvenance !== undefined && {
      elementsProvenance: instrument.elementsProvenance,
    }),
    caveats: instrument.caveats.map((c) => pick(c, lang)),
    dimensions: instrument.dimensions.map((d) => ({ key: d.key, title: pick(d.title, lang) })),
    parts: instrument.rule.parts.map((p) => ({ key: p.key, title: pick(p.title, lang) })),
    indicators: instrument.indicators.map((ind) => ({
      id: ind.id,
      dimension: ind.dimension,
      ...(ind.element !== undefined && { element: ind.element }),
      strength: ind.strength,
      appliesTo: ind.appliesTo,
      question: pick(ind.question, lang),
      help: pick(ind.help, lang),
    })),
  };
}
