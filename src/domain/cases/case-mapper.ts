import type { FieldCipher } from '@/lib/crypto.ts';
import { FIELDS, type EncryptedField } from '@/lib/encrypted-fields.ts';
import type { CaseDetail, CaseInsert, CaseRow } from './cases.repository.ts';
import type { CaseListRow } from './case-search.repository.ts';
import { displayName } from './case-names.ts';
import { retraffickingRisk } from './case-risk.ts';
import type { Case, CaseSummary, Duplicate } from './case-views.schema.ts';
import type { CaseCreate, RiskFactor, Sensitive } from './cases.schema.ts';
import type { Stage } from './case-journey.schema.ts';

type SensitiveInput = Partial<Pick<CaseCreate, 'contacts' | 'documents'>> & {
  currentLocation?: string | null | undefined;
  narrative?: string | null | undefined;
  health?: string | null | undefined;
  exploitationDetails?: string | null | undefined;
};

const JSON_FIELDS = { contacts: FIELDS.caseContacts, documents: FIELDS.caseDocuments } as const;
const TEXT_FIELDS = {
  currentLocation: FIELDS.caseCurrentLocation,
  narrative: FIELDS.caseNarrative,
  health: FIELDS.caseHealth,
  exploitationDetails: FIELDS.caseExploitationDetails,
} as const;
const COLUMN_KEYS = {
  contacts: 'contactsEnc',
  documents: 'documentsEnc',
  currentLocation: 'currentLocationEnc',
  narrative: 'narrativeEnc',
  health: 'healthEnc',
  exploitationDetails: 'exploitationDetailsEnc',
} as const;

/** Encrypts the sensitive fields present in `input` into their `_enc` columns. */
export function encryptSensitive(
  cipher: FieldCipher,
  caseId: string,
  input: SensitiveInput,
): Partial<CaseInsert> {
  const out: Partial<Record<(typeof COLUMN_KEYS)[keyof typeof COLUMN_KEYS], string | null>> = {};
  for (const [field, handle] of Object.entries(JSON_FIELDS) as [
    keyof typeof JSON_FIELDS,
    EncryptedField,
  ][]) {
    const value = input[field];
    if (value !== undefined) {
      out[COLUMN_KEYS[field]] = cipher.encrypt(JSON.stringify(value), handle.aad(caseId));
    }
  }
  for (const [field, handle] of Object.entries(TEXT_FIELDS) as [
    keyof typeof TEXT_FIELDS,
    EncryptedField,
  ][]) {
    const value = input[field];
    if (value !== undefined) {
      out[COLUMN_KEYS[field]] =
        value === '' || value === null ? null : cipher.encrypt(value, handle.aad(caseId));
    }
  }
  return out;
}

/** Decrypts the sensitive fields of a case row. */
export function decryptSensitive(cipher: FieldCipher, row: CaseRow): Sensitive {
  const text = (field: keyof typeof TEXT_FIELDS): string | null => {
    const value = row[COLUMN_KEYS[field]];
    return value ? cipher.decrypt(value, TEXT_FIELDS[field].aad(row.id)) : null;
  };
  const json = <T>(field: keyof typeof JSON_FIELDS): T[] => {
    const value = row[COLUMN_KEYS[field]];
    return value ? (JSON.parse(cipher.decrypt(value, JSON_FIELDS[field].aad(row.id))) as T[]) : [];
  };
  return {
    contacts: json<Sensitive['contacts'][number]>('contacts'),
    documents: json<Sensitive['documents'][number]>('documents'),
    currentLocation: text('currentLocation'),
    narrative: text('narrative'),
    health: text('health'),
    exploitationDetails: text('exploitationDetails'),
  };
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** The API view of a case; `sensitive` only when the caller may see it. */
export function toCase(detail: CaseDetail, sensitive: Sensitive | null): Case {
  const r = detail.row;
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    status: r.status,
    stage: detail.stage as Stage | null,
    riskLevel: r.riskLevel,
    retraffickingRisk: retraffickingRisk(r.riskFactors, r.riskReviewedAt),
    identities: detail.identities,
    sex: r.sex,
    gender: r.gender,
    birthDate: r.birthDate,
    birthYear: r.birthYear,
    estimatedAge: r.estimatedAge,
    possibleMinor: r.possibleMinor,
    nationality: r.nationality,
    languages: r.languages,
    exploitationForms: r.exploitationForms,
    originCountry: r.originCountry,
    transitCountries: r.transitCountries,
    exploitationCountries: r.exploitationCountries,
    recruitmentChannel: r.recruitmentChannel,
    recruitmentDate: r.recruitmentDate,
    exitDate: r.exitDate,
    exitMethod: r.exitMethod,
    assignees: detail.assignees,
    sensitive,
    version: r.version,
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  };
}

/** A row of the case list as the API returns it. */
export function toSummary(r: CaseListRow): CaseSummary {
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    status: r.status as CaseSummary['status'],
    stage: r.stage as Stage | null,
    riskLevel: r.riskLevel as CaseSummary['riskLevel'],
    retraffickingLevel: retraffickingRisk(r.riskFactors as RiskFactor[], r.riskReviewedAt).level,
    displayName: displayName(r.given, r.family, r.script),
    nationality: r.nationality,
    birthYear: r.birthYear,
    assigneeIds: r.assigneeIds,
    updatedAt: r.updatedAt.toISOString(),
    nextDueOn: r.nextDueOn,
    score: r.score,
  };
}

/** A likely duplicate: id, case number, name and nationality, nothing else. */
export function toDuplicate(r: CaseListRow): Duplicate {
  return {
    id: r.id,
    caseNumber: r.caseNumber,
    displayName: displayName(r.given, r.family, r.script),
    nationality: r.nationality,
  };
}
