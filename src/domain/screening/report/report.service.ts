import { recordAuditNow } from '@/domain/audit/index.ts';
import { displayName } from '@/domain/cases/display-name.ts';
import { assertCanShare, canShare, type AuthorityRecipient } from '@/domain/consent/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { AppError, findOrFail, validationFailed, type FieldIssue } from '@/lib/errors.ts';
import { requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { sensitiveCipher } from '@/policy/sensitive-fields.ts';
import type { Instrument } from '../instrument.schema.ts';
import { toScreening } from '../screening-mapper.ts';
import { SCREENING_DATA_CATEGORY, type Screening } from '../screening-views.schema.ts';
import { resolveInstrument } from '../screening-instruments.service.ts';
import { findScreening, listAnswers, type ScreeningRow } from '../screenings.repository.ts';
import { provisionsFor } from './legal-basis.ts';
import type { ReportModel, ReportPerson, ReportYesAnswer } from './report-model.ts';
import { buildReportPdf } from './report-pdf.ts';
import type { ReportLang, ReportQuery } from './report.schema.ts';
import {
  findReportCase,
  findReportOrganisation,
  listGuardianRecordIds,
  staffNames,
  type ReportCaseRow,
} from './report.repository.ts';

/** A generated report and the name to download it under (no name of the person in it). */
export interface ScreeningReport {
  pdf: Buffer;
  fileName: string;
  final: boolean;
}

/** What the consent lets the report carry: for whom (final), and whether identity. */
interface Release {
  authority: AuthorityRecipient | null;
  consentId: string | null;
  identity: boolean;
}

const DRAFT_TAKES_NO_AUTHORITY =
  'This screening is not approved: its report is the internal DRAFT, made without an authority. A supervisor approves it first.';
const FINAL_NEEDS_AUTHORITY =
  'This screening is approved, so its report is final and goes to an authority: name it (authorityName and authorityKind), as the consent for legal proceedings does.';

/**
 * The authority a report is for: none for a complete screening (the DRAFT), the one named for an
 * approved screening (its final report). Throws `screening_not_complete` while in progress,
 * `validation_failed` when the authority is missing for a final report or given for a draft.
 */
function reportAuthority(row: ScreeningRow, query: ReportQuery): AuthorityRecipient | null {
  if (row.status === 'in_progress') {
    throw new AppError(
      'screening_not_complete',
      'The interview is in progress: complete the screening to make its report.',
    );
  }
  const { authorityName: name, authorityKind } = query;
  if (row.status !== 'approved') {
    if (name !== undefined || authorityKind !== undefined) {
      const path = name !== undefined ? 'authorityName' : 'authorityKind';
      throw validationFailed(
        [{ path, message: DRAFT_TAKES_NO_AUTHORITY }],
        DRAFT_TAKES_NO_AUTHORITY,
      );
    }
    return null;
  }
  if (name === undefined || authorityKind === undefined) {
    const issues: FieldIssue[] = [];
    for (const [path, value] of [
      ['authorityName', name],
      ['authorityKind', authorityKind],
    ]) {
      if (value === undefined) {
        issues.push({
          path: path!,
          message: 'Required for the final report of an approved screening',
        });
      }
    }
    throw validationFailed(issues, FINAL_NEEDS_AUTHORITY);
  }
  return { kind: 'authority', name, authorityKind };
}

/**
 * Checks what may leave: for a final report, a consent for legal proceedings naming the authority
 * and covering `assessment` (`consent_required` otherwise), identity only when it covers that
 * too; under the child rules, the guardian or best-interest record of a consent (for a final
 * report, of that very consent), else `consent_required`.
 */
async function releaseFor(
  ctx: Ctx,
  actor: OrgActor,
  row: ScreeningRow,
  authority: AuthorityRecipient | null,
): Promise<Release> {
  let consentId: string | null = null;
  let identity = true;
  if (authority) {
    const ask = { caseId: row.caseId, recipientOrganisationId: null, authority };
    consentId = await assertCanShare(ctx, {
      ...ask,
      purpose: 'legal_proceedings',
      categories: [SCREENING_DATA_CATEGORY],
    });
    identity = (
      await canShare(ctx, { ...ask, purpose: 'legal_proceedings', categories: ['identity'] })
    ).allowed;
  }
  if (row.rules === 'child') {
    const records = await listGuardianRecordIds(ctx.db, actor.organisationId, row.caseId);
    if (consentId ? !records.includes(consentId) : records.length === 0) {
      throw new AppError(
        'consent_required',
        consentId
          ? 'The child rules apply: the consent for legal proceedings must record a guardian or a best-interest decision.'
          : 'The child rules apply: the report needs a consent recording a guardian or a best-interest decision.',
      );
    }
  }
  return { authority, consentId, identity };
}

function toPerson(c: ReportCaseRow): ReportPerson {
  return {
    caseNumber: c.caseNumber,
    displayName: displayName(c.given, c.family, c.script),
    nationality: c.nationality,
    born: c.birthDate ?? (c.birthYear === null ? null : String(c.birthYear)),
    sex: c.sex,
  };
}

/** The indicators answered yes, in answer order, with their evidence. */
function yesAnswers(instrument: Instrument, screening: Screening): ReportYesAnswer[] {
  return screening.answers
    .filter((a) => a.answer === 'yes')
    .flatMap((a) => {
      const indicator = instrument.indicators.find((i) => i.id === a.indicatorId);
      return indicator
        ? [{ indicator, evidenceKind: a.evidence?.kind ?? null, note: a.evidence?.note ?? null }]
        : [];
    });
}

/** The screening as the report states it (its stored result, never recomputed). */
function screeningFacts(
  row: ScreeningRow,
  screening: Screening,
  names: ReadonlyMap<string, string>,
): ReportModel['screening'] {
  return {
    createdAt: row.createdAt,
    createdByName: row.createdBy ? (names.get(row.createdBy) ?? null) : null,
    rules: row.rules,
    rulesReason: row.rulesReason,
    finding: screening.finding ?? 'undetermined',
    strength: screening.strength,
    parts: screening.parts,
  };
}

function recipientOf(release: Release): ReportModel['recipient'] {
  const { authority, consentId } = release;
  return authority && consentId
    ? { name: authority.name, kind: authority.authorityKind, consentId }
    : null;
}

/** Loads and decides everything the PDF shows. */
async function reportModel(
  ctx: Ctx,
  actor: OrgActor,
  input: { row: ScreeningRow; lang: ReportLang; release: Release },
): Promise<ReportModel> {
  const { row, lang, release } = input;
  const org = actor.organisationId;
  const instrument = await resolveInstrument(ctx.db, org, row);
  const cipher = sensitiveCipher(actor, ctx.cipher);
  const screening = toScreening(cipher, row, await listAnswers(ctx.db, org, row.id));
  const kase = await findOrFail(findReportCase(ctx.db, org, row.caseId), 'case_not_found');
  const organisation = await findOrFail(findReportOrganisation(ctx.db, org), 'case_not_found');
  const names = await staffNames(ctx.db, [row.createdBy, row.approvedBy]);
  // The nationality picks provisions only where the report may show it.
  const nationality = release.identity ? kase.nationality : null;
  const countries = [...new Set([organisation.country, nationality].filter((c) => c !== null))];
  const approver = row.approvedBy ? (names.get(row.approvedBy) ?? null) : null;
  return {
    lang,
    final: row.status === 'approved',
    generatedAt: ctx.now(),
    reference: row.id,
    organisation,
    recipient: recipientOf(release),
    person: release.identity ? toPerson(kase) : null,
    instrument,
    screening: screeningFacts(row, screening, names),
    yesAnswers: yesAnswers(instrument, screening),
    sensitiveShown: cipher !== null,
    statement: screening.statement,
    approval: row.approvedAt ? { byName: approver, at: row.approvedAt } : null,
    countries,
    nationalityUsed: nationality !== null && nationality !== organisation.country,
    provisions: provisionsFor(countries),
  };
}

/**
 * The non-punishment evidence report of a screening as a PDF (`screening.read`). A complete
 * screening not yet approved gives the DRAFT: it stays inside the organisation, so no consent is
 * asked and it may show the case number and name. An approved one gives the final report for the
 * authority named in `query`, only under the person's consent for legal proceedings naming that
 * authority (see `releaseFor`). Every report made is audited (`screening.report`; ids, kinds and
 * flags, no names). Throws `case_not_found`, `screening_not_found`, `screening_not_complete`,
 * `validation_failed`, `consent_required`; nothing is generated then.
 */
export async function screeningReport(
  ctx: Ctx,
  ref: { caseId: string; screeningId: string },
  query: ReportQuery,
): Promise<ScreeningReport> {
  const actor = await requireAccess(ctx, 'screening.read', [{ type: 'case', id: ref.caseId }]);
  const row = await findOrFail(
    findScreening(ctx.db, actor.organisationId, ref.caseId, ref.screeningId),
    'screening_not_found',
  );
  const release = await releaseFor(ctx, actor, row, reportAuthority(row, query));
  const model = await reportModel(ctx, actor, { row, lang: query.lang, release });
  const pdf = await buildReportPdf(model);
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'screening.report',
    entityType: 'case',
    entityId: ref.caseId,
    details: {
      screeningId: row.id,
      lang: query.lang,
      kind: model.final ? 'final' : 'draft',
      authorityKind: release.authority?.authorityKind ?? null,
      consentId: release.consentId,
      identity: model.person !== null,
      sensitive: model.sensitiveShown,
    },
  });
  const suffix = model.final ? '' : '-draft';
  return {
    pdf,
    fileName: `screening-report-${row.id.slice(0, 8)}-${query.lang}${suffix}.pdf`,
    final: model.final,
  };
}
