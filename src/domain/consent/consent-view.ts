import type { FieldCipher } from '@/lib/crypto.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { openConsentText, type ConsentRow } from './consent.repository.ts';
import type { ConsentStatus, ConsentView, DataCategory } from './consent.schema.ts';

/** How a consent version stands at `now`: withdrawn, refused, expired or given, in that order. */
export function consentStatus(row: ConsentRow, now: Date): ConsentStatus {
  if (row.withdrawnAt !== null) {
    return 'withdrawn';
  }
  if (row.decision !== 'given') {
    return 'refused';
  }
  // A consent is valid through the whole (UTC) day of its `validUntil`.
  if (row.validUntil !== null && row.validUntil < utcDay(now)) {
    return 'expired';
  }
  return 'given';
}

/**
 * The API view of a consent version. Guardian and best-interest text are decrypted only when a
 * `cipher` is given: pass it only to callers with `case.read_sensitive` (null hides them).
 * `names` maps user ids to display names (see `recorderNames`), for `recordedByName`.
 */
export function toConsentView(
  row: ConsentRow,
  now: Date,
  cipher: FieldCipher | null,
  names: ReadonlyMap<string, string>,
): ConsentView {
  const text = cipher ? openConsentText(cipher, row) : null;
  return {
    id: row.id,
    chainId: row.chainId,
    version: row.version,
    purpose: row.purpose,
    recipientOrganisationId: row.recipientOrganisationId,
    recipientName: row.recipientName,
    recipientAuthorityKind: row.recipientAuthorityKind,
    dataCategories: row.dataCategories,
    method: row.method,
    decision: row.decision,
    validUntil: row.validUntil,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    guardianName: text?.guardianName ?? null,
    bestInterestNote: text?.bestInterestNote ?? null,
    recordedBy: row.recordedBy,
    recordedByName: row.recordedBy === null ? null : (names.get(row.recordedBy) ?? null),
    recordedAt: row.recordedAt.toISOString(),
    status: consentStatus(row, now),
  };
}

/**
 * The latest version of each chain, newest chain first (by when its first version was recorded,
 * then chain id, which is time-ordered). `rows` are all versions of one case.
 */
export function latestOfChains(rows: readonly ConsentRow[]): ConsentRow[] {
  const latest = new Map<string, ConsentRow>();
  const started = new Map<string, number>();
  for (const row of rows) {
    const current = latest.get(row.chainId);
    if (!current || row.version > current.version) {
      latest.set(row.chainId, row);
    }
    const at = row.recordedAt.getTime();
    started.set(row.chainId, Math.min(started.get(row.chainId) ?? at, at));
  }
  return [...latest.values()].sort(
    (a, b) =>
      started.get(b.chainId)! - started.get(a.chainId)! || b.chainId.localeCompare(a.chainId),
  );
}

/** The requested categories a consent's categories do not cover (`all` covers every one). */
export function missingCategories(
  granted: readonly string[],
  requested: readonly DataCategory[],
): DataCategory[] {
  if (granted.includes('all')) {
    return [];
  }
  return [...new Set(requested)].filter((c) => !granted.includes(c));
}
