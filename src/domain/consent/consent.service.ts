import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { utcDay } from '@/lib/dates.schema.ts';
import { AppError, findOrFail, type FieldIssue, validationFailed } from '@/lib/errors.ts';
import { newId } from '@/lib/ids.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { sensitiveCipher } from '@/policy/sensitive-fields.ts';
import { consentStatus, latestOfChains, missingCategories, toConsentView } from './consent-view.ts';
import {
  casePossibleMinor,
  findLatestInChainOf,
  insertConsentVersion,
  insertNextConsentVersion,
  listConsentRows,
  findOrganisationName,
  openConsentText,
  recorderNames,
  type ConsentInsert,
  type ConsentRow,
} from './consent.repository.ts';
import {
  RECIPIENT_PURPOSES,
  type AuthorityKind,
  type ConsentCreate,
  type ConsentList,
  type ConsentView,
  type DataCategory,
  type Purpose,
  type ShareDecision,
} from './consent.schema.ts';

/**
 * The consents of a case (`case.read`): the latest version of each chain, newest first, and every
 * version (newest first). Guardian and best-interest text only with `case.read_sensitive`.
 * Audited as `consent.read`. Throws `case_not_found` for a case the caller may not see.
 */
export async function listConsents(ctx: Ctx, caseId: string): Promise<ConsentList> {
  const actor = await requireAccess(ctx, 'case.read', [{ type: 'case', id: caseId }]);
  const rows = await listConsentRows(ctx.db, actor.organisationId, caseId);
  const now = ctx.now();
  const cipher = sensitiveCipher(actor, ctx.cipher);
  const names = await recorderNames(
    ctx.db,
    rows.map((r) => r.recordedBy),
  );
  const result = {
    items: latestOfChains(rows).map((r) => toConsentView(r, now, cipher, names)),
    history: rows.map((r) => toConsentView(r, now, cipher, names)),
  };
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'consent.read',
    entityType: 'case',
    entityId: caseId,
    details: { count: result.items.length, versions: result.history.length },
  });
  return result;
}

/**
 * Checks what the schema cannot; returns the recipient organisation's name (null without one),
 * stored as `recipientName` when the input names none.
 */
async function assertConsentInput(
  ctx: Ctx,
  organisationId: string,
  caseId: string,
  input: ConsentCreate,
): Promise<string | null> {
  const issues: FieldIssue[] = [];
  if (input.validUntil !== undefined && input.validUntil < utcDay(ctx.now())) {
    issues.push({ path: 'validUntil', message: 'The end of validity is in the past' });
  }
  const recipient =
    input.recipientOrganisationId === undefined
      ? null
      : await findOrganisationName(ctx.db, input.recipientOrganisationId);
  if (input.recipientOrganisationId !== undefined && recipient === null) {
    issues.push({ path: 'recipientOrganisationId', message: 'No such organisation' });
  }
  const minor = await casePossibleMinor(ctx.db, organisationId, caseId);
  if (minor && input.decision === 'given' && !input.guardianName && !input.bestInterestNote) {
    issues.push({
      path: 'guardianName',
      message: 'For a person who may be under 18, record a guardian or a best-interest decision',
    });
  }
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
  return recipient;
}

/**
 * Records a consent or refusal as version 1 of a new chain (`consent.record`). A possible minor's
 * consent needs a guardian or best-interest record (both encrypted at rest); a recipient
 * organisation must exist; validity may not end in the past (all `validation_failed`). Audited
 * as `consent.record`.
 */
export async function recordConsent(
  ctx: Ctx,
  caseId: string,
  input: ConsentCreate,
): Promise<ConsentView> {
  const actor = await requireAccess(ctx, 'consent.record', [{ type: 'case', id: caseId }]);
  const recipient = await assertConsentInput(ctx, actor.organisationId, caseId, input);
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertConsentVersion(tx, ctx.cipher, {
      id: newId(),
      organisationId: actor.organisationId,
      caseId,
      chainId: newId(),
      version: 1,
      purpose: input.purpose,
      recipientOrganisationId: input.recipientOrganisationId ?? null,
      recipientName: input.recipientName ?? recipient,
      recipientAuthorityKind: input.recipientAuthorityKind ?? null,
      dataCategories: [...new Set(input.dataCategories)],
      method: input.method,
      decision: input.decision,
      validUntil: input.validUntil ?? null,
      guardianName: input.guardianName ?? null,
      bestInterestNote: input.bestInterestNote ?? null,
      recordedBy: actor.userId,
    });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'consent.record',
      entityType: 'case',
      entityId: caseId,
      details: { consentId: created.id, purpose: input.purpose, decision: input.decision },
    });
    return created;
  });
  const names = await recorderNames(ctx.db, [row.recordedBy]);
  return toConsentView(row, ctx.now(), sensitiveCipher(actor, ctx.cipher), names);
}

/**
 * The terms of a consent version, carried unchanged into its next version. The guardian and
 * best-interest text are decrypted, to be encrypted again for the new version's id.
 */
function sameTerms(ctx: Ctx, row: ConsentRow): Omit<ConsentInsert, 'id' | 'version'> {
  return {
    organisationId: row.organisationId,
    caseId: row.caseId,
    chainId: row.chainId,
    purpose: row.purpose,
    recipientOrganisationId: row.recipientOrganisationId,
    recipientName: row.recipientName,
    recipientAuthorityKind: row.recipientAuthorityKind,
    dataCategories: row.dataCategories,
    method: row.method,
    decision: row.decision,
    validUntil: row.validUntil,
    withdrawnAt: row.withdrawnAt,
    ...openConsentText(ctx.cipher, row),
    recordedBy: row.recordedBy,
  };
}

/**
 * Withdraws a consent (`consent.record`): appends a new version of its chain with the same terms
 * and `withdrawnAt` = now; earlier versions stay as they were. `consentId` may be any version of
 * the chain. Throws `consent_not_found`, or `conflict` when the chain is already withdrawn (or
 * another version was added at the same moment). Takes effect for `canShare` at once.
 */
export async function withdrawConsent(
  ctx: Ctx,
  caseId: string,
  consentId: string,
): Promise<ConsentView> {
  const actor = await requireAccess(ctx, 'consent.record', [{ type: 'case', id: caseId }]);
  const latest = await findOrFail(
    findLatestInChainOf(ctx.db, actor.organisationId, caseId, consentId),
    'consent_not_found',
  );
  if (latest.withdrawnAt !== null) {
    throw new AppError('conflict', 'This consent is already withdrawn.');
  }
  const row = await ctx.db.transaction(async (tx) => {
    const created = await insertNextConsentVersion(tx, ctx.cipher, {
      ...sameTerms(ctx, latest),
      id: newId(),
      version: latest.version + 1,
      withdrawnAt: ctx.now(),
      recordedBy: actor.userId,
    });
    if (!created) {
      throw new AppError('conflict', 'The consent changed meanwhile; reload it.');
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'consent.withdraw',
      entityType: 'case',
      entityId: caseId,
      details: { consentId: created.id, chainId: created.chainId, version: created.version },
    });
    return created;
  });
  const names = await recorderNames(ctx.db, [row.recordedBy]);
  return toConsentView(row, ctx.now(), sensitiveCipher(actor, ctx.cipher), names);
}

/** An authority outside the organisation system (police, court, …) that receives data. */
export interface AuthorityRecipient {
  kind: 'authority';
  /** The authority's name, as the consent names it (compared trimmed, case-insensitively). */
  name: string;
  authorityKind: AuthorityKind;
}

/** What `canShare` is asked. */
export interface ShareRequest {
  caseId: string;
  /** The organisation that receives the data; required for referral and cross-border sharing. */
  recipientOrganisationId: string | null;
  /**
   * The authority that receives the data; required for legal proceedings, where only a consent
   * naming this authority (name and kind) permits it. An organisation never stands for one.
   */
  authority?: AuthorityRecipient;
  purpose: Purpose;
  categories: readonly DataCategory[];
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function recipientMatches(row: ConsentRow, req: ShareRequest): boolean {
  if (!RECIPIENT_PURPOSES.includes(req.purpose)) {
    return true;
  }
  if (req.purpose === 'legal_proceedings') {
    const wanted = req.authority;
    return (
      wanted !== undefined &&
      row.recipientAuthorityKind === wanted.authorityKind &&
      row.recipientName !== null &&
      sameName(row.recipientName, wanted.name)
    );
  }
  return (
    req.recipientOrganisationId !== null &&
    row.recipientOrganisationId === req.recipientOrganisationId
  );
}

function decide(row: ConsentRow, req: ShareRequest, now: Date): ShareDecision {
  const requested = [...new Set(req.categories)];
  const status = consentStatus(row, now);
  if (status !== 'given') {
    return { allowed: false, consentId: row.id, missing: requested, reason: status };
  }
  const missing = missingCategories(row.dataCategories, requested);
  return missing.length > 0
    ? { allowed: false, consentId: row.id, missing, reason: 'categories_missing' }
    : { allowed: true, consentId: row.id, missing: [], reason: 'ok' };
}

/**
 * Whether the case's data in `categories` may go to the recipient for `purpose`, now. Every
 * share, export and referral calls this (or `assertCanShare`) at the moment data leaves. The
 * newest consent chain for the purpose (and, for referral and cross-border sharing, for exactly
 * that recipient organisation; for legal proceedings, for exactly that authority: same kind, same
 * name ignoring case and surrounding spaces) decides: its latest version must be given, not withdrawn, not
 * expired, and cover every category (`all` covers all). Needs `case.read` on the case.
 * Audited as `consent.check` with the question and the answer, in a transaction of its own:
 * call it before opening the caller's transaction, not inside it.
 */
export async function canShare(ctx: Ctx, req: ShareRequest): Promise<ShareDecision> {
  const actor = await requireAccess(ctx, 'case.read', [{ type: 'case', id: req.caseId }]);
  const rows = await listConsentRows(ctx.db, actor.organisationId, req.caseId);
  const deciding = latestOfChains(rows).find(
    (r) => r.purpose === req.purpose && recipientMatches(r, req),
  );
  const decision: ShareDecision = deciding
    ? decide(deciding, req, ctx.now())
    : {
        allowed: false,
        consentId: null,
        missing: [...new Set(req.categories)],
        reason: 'no_consent',
      };
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'consent.check',
    entityType: 'case',
    entityId: req.caseId,
    details: {
      purpose: req.purpose,
      recipientOrganisationId: req.recipientOrganisationId,
      ...(req.authority && {
        authority: { name: req.authority.name, kind: req.authority.authorityKind },
      }),
      categories: [...new Set(req.categories)],
      allowed: decision.allowed,
      reason: decision.reason,
      consentId: decision.consentId,
    },
  });
  return decision;
}

/**
 * `canShare`, throwing `consent_required` (403) naming the reason when sharing is not allowed.
 * Returns the id of the consent version that allows it (to cite in the caller's audit entry).
 */
export async function assertCanShare(ctx: Ctx, req: ShareRequest): Promise<string> {
  const decision = await canShare(ctx, req);
  if (!decision.allowed || decision.consentId === null) {
    const missing = decision.missing.length > 0 ? ` (missing: ${decision.missing.join(', ')})` : '';
    throw new AppError('consent_required', `Consent check failed: ${decision.reason}${missing}.`);
  }
  return decision.consentId;
}
