import type { Db } from '@/db/client.ts';
import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import { insertConsentVersion } from '@/domain/consent/consent.repository.ts';
import type { Ctx } from '@/lib/context.ts';
import { uniqueViolation } from '@/lib/db-errors.ts';
import { AppError, findOrFail } from '@/lib/errors.ts';
import { isUuid, newId } from '@/lib/ids.ts';
import {
  assignedOnlyFilter,
  canAssignCases,
  requireAccess,
  type OrgActor,
} from '@/policy/require-access.ts';
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
  type CaseRow,
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
  if (canAssignCases(actor)) {
    return requested ?? self;
  }
  if (requested?.some((id) => id !== actor.userId)) {
    throw new AppError('forbidden', 'Only supervisors and admins assign cases to others.');
  }
  return self;
}

/**
 * The checks of a registration before anything is written: the input's rules, who it may be
 * assigned to, and a free case number. Returns the assignees.
 */
async function checkNewCase(ctx: Ctx, actor: OrgActor, input: CaseCreate): Promise<string[]> {
  assertCaseInput(input, ctx.now());
  const assignees = initialAssignees(actor, input.assigneeIds);
  await assertAssignable(ctx, actor, assignees, 'assigneeIds');
  if (input.caseNumber && (await caseNumberTaken(ctx.db, actor.organisationId, input.caseNumber))) {
    throw new AppError('case_number_taken');
  }
  return assignees;
}

/** The columns of a new case row: plain and encrypted input fields and what follows from them. */
function newCaseColumns(
  ctx: Ctx,
  actor: OrgActor,
  fields: { id: string; caseNumber: string; input: CaseCreate },
): CaseInsert {
  const { id, caseNumber, input } = fields;
  return {
    ...plainColumns(input),
    ...encryptSensitive(ctx.cipher, id, input),
    id,
    caseNumber,
    possibleMinor: isPossibleMinor(input, ctx.now()),
    // Factors given at registration (even none) are a review; see retraffickingRisk.
    riskReviewedAt: input.riskFactors !== undefined ? ctx.now() : null,
    createdBy: actor.userId,
  } as CaseInsert;
}

/** Records the consent for case management given at registration, as its chain's version 1. */
async function insertRegistrationConsent(
  tx: Db,
  ctx: Ctx,
  actor: OrgActor,
  given: { caseId: string; consent: NonNullable<CaseCreate['consent']> },
): Promise<void> {
  const { caseId, consent } = given;
  await insertConsentVersion(tx, ctx.cipher, {
    id: newId(),
    organisationId: actor.organisationId,
    caseId,
    chainId: newId(),
    version: 1,
    purpose: 'case_management',
    dataCategories: ['all'],
    method: consent.method,
    decision: consent.decision,
    guardianName: consent.guardianName ?? null,
    bestInterestNote: consent.bestInterestNote ?? null,
    recordedBy: actor.userId,
  });
}

/** Writes a new case (row, names, assignees, consent) and its audit entry in `tx`. */
async function writeNewCase(
  tx: Db,
  ctx: Ctx,
  actor: OrgActor,
  created: { id: string; input: CaseCreate; assignees: string[] },
): Promise<void> {
  const { id, input, assignees } = created;
  const caseNumber =
    input.caseNumber ??
    (await nextCaseNumber(tx, actor.organisationId, ctx.now().getUTCFullYear()));
  await insertCase(tx, actor.organisationId, newCaseColumns(ctx, actor, { id, caseNumber, input }));
  const owner = { organisationId: actor.organisationId, caseId: id };
  await replaceIdentities(
    tx,
    { ...owner, nationality: input.nationality ?? null },
    input.identities,
  );
  await replaceAssignees(tx, actor.organisationId, id, assignees);
  if (input.consent) {
    await insertRegistrationConsent(tx, ctx, actor, { caseId: id, consent: input.consent });
  }
  await recordAudit(tx, ctx, {
    organisationId: actor.organisationId,
    action: 'case.create',
    entityType: 'case',
    entityId: id,
    details: { consent: input.consent?.decision ?? null },
  });
}

/**
 * Registers a person and opens their case (`case.create`). A caseworker who registers a case is
 * assigned to it. Consent for case management can be recorded in the same step; for a possible
 * minor it needs a guardian or best-interest record.
 */
export async function createCase(ctx: Ctx, input: CaseCreate): Promise<Case> {
  const actor = await requireAccess(ctx, 'case.create');
  const assignees = await checkNewCase(ctx, actor, input);
  const id = newId();
  await ctx.db
    .transaction((tx) => writeNewCase(tx, ctx, actor, { id, input, assignees }))
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

/** A change of assignees needs `case.assign`, and every new assignee must be able to work on it. */
async function checkAssigneeChange(
  ctx: Ctx,
  actor: OrgActor,
  assigneeIds: string[] | undefined,
): Promise<void> {
  if (assigneeIds === undefined) {
    return;
  }
  if (!canAssignCases(actor)) {
    throw new AppError('forbidden', 'Only supervisors and admins assign cases.');
  }
  await assertAssignable(ctx, actor, assigneeIds, 'assigneeIds');
}

/** The columns an edit writes: the changed fields and what follows from them. */
function editedColumns(
  ctx: Ctx,
  stored: CaseRow,
  edit: { caseId: string; patch: CaseUpdate },
): Partial<CaseInsert> {
  const { caseId, patch } = edit;
  const closing =
    patch.status === 'closed'
      ? { closedAt: ctx.now() }
      : patch.status === 'open'
        ? { closedAt: null }
        : {};
  return {
    ...plainColumns(patch),
    ...encryptSensitive(ctx.cipher, caseId, patch),
    ...(patch.status !== undefined && { status: patch.status }),
    possibleMinor: possibleMinorAfterEdit(stored, patch, ctx.now()),
    // Saving the factors (an empty list too) is what makes the risk "assessed".
    ...(patch.riskFactors !== undefined && { riskReviewedAt: ctx.now() }),
    ...closing,
  };
}

/** Replaces the names and assignees an edit sends; names follow a changed nationality. */
async function writeEditedRelations(
  tx: Db,
  actor: OrgActor,
  edit: { caseId: string; patch: CaseUpdate; nationality: string | null },
): Promise<void> {
  const { caseId, patch, nationality } = edit;
  if (patch.identities) {
    await replaceIdentities(
      tx,
      { organisationId: actor.organisationId, caseId, nationality },
      patch.identities,
    );
  } else if (patch.nationality !== undefined) {
    await setIdentitiesNationality(tx, caseId, nationality);
  }
  if (patch.assigneeIds) {
    await replaceAssignees(tx, actor.organisationId, caseId, patch.assigneeIds);
  }
}

/**
 * Writes an edit and its audit entry in `tx`, if the stored case is still at `version` (the row
 * is locked while it is checked). Throws `version_conflict`, `validation_failed`.
 */
async function writeCaseEdit(
  tx: Db,
  ctx: Ctx,
  actor: OrgActor,
  edit: { caseId: string; patch: CaseUpdate; version: number },
): Promise<void> {
  const { caseId, patch, version } = edit;
  const stored = await findCaseForUpdate(tx, actor.organisationId, caseId);
  assertCaseInput(patch, ctx.now(), stored ?? undefined);
  if (stored?.version !== version) {
    throw new AppError('version_conflict', STALE_EDIT);
  }
  const updated = await updateCaseRow(
    tx,
    { organisationId: actor.organisationId, caseId, expectedVersion: version },
    editedColumns(ctx, stored, { caseId, patch }),
  );
  if (!updated) {
    throw new AppError('version_conflict', STALE_EDIT);
  }
  await writeEditedRelations(tx, actor, { caseId, patch, nationality: updated.nationality });
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
  await checkAssigneeChange(ctx, actor, patch.assigneeIds);
  await ctx.db.transaction((tx) => writeCaseEdit(tx, ctx, actor, { caseId, patch, version }));
  return loadCase(ctx, actor, caseId);
}
