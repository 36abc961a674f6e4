import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import { insertConsentVersion } from '@/domain/consent/consent.repository.ts';
import type { Ctx } from '@/lib/context.ts';
import { uniqueViolation } from '@/lib/db-errors.ts';
import { AppError, findOrFail } from '@/lib/errors.ts';
import { isUuid, newId } from '@/lib/ids.ts';
import { assignedOnlyFilter, requireAccess, type OrgActor } from '@/policy/require-access.ts';
import { canReadSensitive } from '@/policy/sensitive-fields.ts';
import { decryptSensitive, encryptSensitive, toCase } from './case-mapper.ts';
import { assertAssignable } from './case-members.ts';
import { assertCaseInput, isPossibleMinor, possibleMinorAfterEdit } from './case-rules.ts';
import type { Case } from './case-views.schema.ts';
import {
  caseNumberTaken,
  findCaseDetail,
  findCaseForUpdate,
  insertCase,
  nextCaseNumber,
  replaceAssignees,
  replaceIdentities,
  setIdentitiesNationality,
  updateCaseRow,
  type CaseInsert,
} from './cases.repository.ts';
import type { CaseCreate, CaseUpdate } from './cases.schema.ts';

/** The detail of a `version_conflict`: what the person editing should do. */
const STALE_EDIT = 'Reload the case to see the other change, then edit again.';

/** Plain (not encrypted) columns of a case from create/update input. */
function plainColumns(input: Partial<CaseCreate> | CaseUpdate): Partial<CaseInsert> {
  const keys = [
    'sex',
    'gender',
    'birthDate',
    'birthYear',
    'estimatedAge',
    'nationality',
    'languages',
    'exploitationForms',
    'originCountry',
    'transitCountries',
    'exploitationCountries',
    'recruitmentChannel',
    'recruitmentDate',
    'exitDate',
    'exitMethod',
    'riskLevel',
    'riskFactors',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    if (input[k] !== undefined) {
      out[k] = input[k];
    }
  }
  return out;
}

/** Who a new case is assigned to: its creator unless someone with `case.assign` chose others. */
function initialAssignees(actor: OrgActor, requested: string[] | undefined): string[] {
  const self = actor.userId ? [actor.userId] : [];
  if (actor.permissions.has('case.assign')) {
    return requested ?? self;
  }
  if (requested?.some((id) => id !== actor.userId)) {
    throw new AppError('forbidden', 'Only supervisors and admins assign cases to others.');
  }
  return self;
}

/**
 * Registers a person and opens their case (`case.create`). A caseworker who registers a case is
 * assigned to it. Consent for case management can be recorded in the same step; for a possible
 * minor it needs a guardian or best-interest record.
 */
export async function createCase(ctx: Ctx, input: CaseCreate): Promise<Case> {
  const actor = await requireAccess(ctx, 'case.create');
  assertCaseInput(input, ctx.now());
  const assignees = initialAssignees(actor, input.assigneeIds);
  await assertAssignable(ctx, actor, assignees, 'assigneeIds');
  if (input.caseNumber && (await caseNumberTaken(ctx.db, actor.organisationId, input.caseNumber))) {
    throw new AppError('case_number_taken');
  }
  const id = newId();
  await ctx.db
    .transaction(async (tx) => {
      const caseNumber =
        input.caseNumber ??
        (await nextCaseNumber(tx, actor.organisationId, ctx.now().getUTCFullYear()));
      await insertCase(tx, actor.organisationId, {
        ...plainColumns(input),
        ...encryptSensitive(ctx.cipher, id, input),
        id,
        caseNumber,
        possibleMinor: isPossibleMinor(input, ctx.now()),
        // Factors given at registration (even none) are a review; see retraffickingRisk.
        riskReviewedAt: input.riskFactors !== undefined ? ctx.now() : null,
        createdBy: actor.userId,
      } as CaseInsert);
      await replaceIdentities(
        tx,
        {
          organisationId: actor.organisationId,
          caseId: id,
          nationality: input.nationality ?? null,
        },
        input.identities,
      );
      await replaceAssignees(tx, actor.organisationId, id, assignees);
      if (input.consent) {
        await insertConsentVersion(tx, ctx.cipher, {
          id: newId(),
          organisationId: actor.organisationId,
          caseId: id,
          chainId: newId(),
          version: 1,
          purpose: 'case_management',
          dataCategories: ['all'],
          method: input.consent.method,
          decision: input.consent.decision,
          guardianName: input.consent.guardianName ?? null,
          bestInterestNote: input.consent.bestInterestNote ?? null,
          recordedBy: actor.userId,
        });
      }
      await recordAudit(tx, ctx, {
        organisationId: actor.organisationId,
        action: 'case.create',
        entityType: 'case',
        entityId: id,
        details: { consent: input.consent?.decision ?? null },
      });
    })
    .catch((err: unknown) => {
      // Two registrations with the same number at once: the unique index decides.
      throw uniqueViolation(err) === 'cases_org_number_key'
        ? new AppError('case_number_taken')
        : err;
    });
  return loadCase(ctx, actor, id);
}

async function loadCase(ctx: Ctx, actor: OrgActor, caseId: string): Promise<Case> {
  // Visibility (caseworkers: assigned cases only) is checked in the same query as the read.
  const detail = await findOrFail(
    isUuid(caseId)
      ? findCaseDetail(ctx.db, actor.organisationId, caseId, assignedOnlyFilter(actor))
      : null,
    'case_not_found',
  );
  const sensitive = canReadSensitive(actor) ? decryptSensitive(ctx.cipher, detail.row) : null;
  return toCase(detail, sensitive);
}

/** Opens a case (`case.read`); sensitive fields only with `case.read_sensitive`. Audited. */
export async function getCase(ctx: Ctx, caseId: string): Promise<Case> {
  const actor = await requireAccess(ctx, 'case.read');
  const found = await loadCase(ctx, actor, caseId);
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'case.read',
    entityType: 'case',
    entityId: caseId,
    details: { sensitive: found.sensitive !== null },
  });
  return found;
}

/**
 * Edits a case (`case.update`; changing assignees needs `case.assign`). The edit must name the
 * version it is based on (`version` or If-Match); a stale version is `version_conflict` (409).
 */
export async function updateCase(
  ctx: Ctx,
  caseId: string,
  patch: CaseUpdate,
  ifMatch?: number,
): Promise<Case> {
  const actor = await requireAccess(ctx, 'case.update', [{ type: 'case', id: caseId }]);
  const version = patch.version ?? ifMatch;
  if (version === undefined) {
    throw new AppError('version_required');
  }
  if (patch.assigneeIds !== undefined) {
    if (!actor.permissions.has('case.assign')) {
      throw new AppError('forbidden', 'Only supervisors and admins assign cases.');
    }
    await assertAssignable(ctx, actor, patch.assigneeIds, 'assigneeIds');
  }
  await ctx.db.transaction(async (tx) => {
    const stored = await findCaseForUpdate(tx, actor.organisationId, caseId);
    assertCaseInput(patch, ctx.now(), stored ?? undefined);
    if (stored?.version !== version) {
      throw new AppError('version_conflict', STALE_EDIT);
    }
    const closing =
      patch.status === 'closed'
        ? { closedAt: ctx.now() }
        : patch.status === 'open'
          ? { closedAt: null }
          : {};
    const updated = await updateCaseRow(
      tx,
      { organisationId: actor.organisationId, caseId, expectedVersion: version },
      {
        ...plainColumns(patch),
        ...encryptSensitive(ctx.cipher, caseId, patch),
        ...(patch.status !== undefined && { status: patch.status }),
        possibleMinor: possibleMinorAfterEdit(stored, patch, ctx.now()),
        // Saving the factors (an empty list too) is what makes the risk "assessed".
        ...(patch.riskFactors !== undefined && { riskReviewedAt: ctx.now() }),
        ...closing,
      },
    );
    if (!updated) {
      throw new AppError('version_conflict', STALE_EDIT);
    }
    if (patch.identities) {
      await replaceIdentities(
        tx,
        { organisationId: actor.organisationId, caseId, nationality: updated.nationality },
        patch.identities,
      );
    } else if (patch.nationality !== undefined) {
      await setIdentitiesNationality(tx, caseId, updated.nationality);
    }
    if (patch.assigneeIds) {
      await replaceAssignees(tx, actor.organisationId, caseId, patch.assigneeIds);
    }
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'case.update',
      entityType: 'case',
      entityId: caseId,
      details: {
        fields: Object.keys(patch).filter((k) => k !== 'version'),
        version: updated.version,
      },
    });
  });
  return loadCase(ctx, actor, caseId);
}
