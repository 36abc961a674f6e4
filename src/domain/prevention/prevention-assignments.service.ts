import { recordAudit, recordAuditNow } from '@/domain/audit/index.ts';
import type { Ctx } from '@/lib/context.ts';
import { isCountryCode } from '@/lib/countries.ts';
import { validationFailed, type FieldIssue } from '@/lib/errors.ts';
import { requireAccess } from '@/policy/require-access.ts';
import {
  existingOrganisationIds,
  listAssignmentRows,
  listOrganisationNames,
  replaceAssignmentRows,
} from './advert-reports.repository.ts';
import type { Assignment, AssignmentList, AssignmentView } from './advert-reports.schema.ts';

/**
 * Which organisations review the reported adverts of which countries (destination or origin):
 * installation-wide, set by a platform admin in person (`prevention.assign`, session only).
 */

/** Every assignment, one entry per country, and the organisations to choose from (`prevention.assign`). */
export async function listAssignments(ctx: Ctx): Promise<AssignmentView> {
  const actor = await requireAccess(ctx, 'prevention.assign');
  const view = await assignmentView(ctx);
  await recordAuditNow(ctx.db, ctx, {
    organisationId: actor.organisationId,
    action: 'prevention_assignment.list',
    entityType: 'prevention_assignment',
  });
  return view;
}

async function assignmentIssues(ctx: Ctx, items: Assignment[]): Promise<FieldIssue[]> {
  const ids = [...new Set(items.flatMap((a) => a.organisationIds))];
  const known = await existingOrganisationIds(ctx.db, ids);
  const seen = new Set<string>();
  return items.flatMap((a, i): FieldIssue[] => {
    const issues: FieldIssue[] = [];
    if (!isCountryCode(a.country)) {
      issues.push({ path: `items.${i}.country`, message: 'Not an ISO 3166-1 alpha-3 code' });
    } else if (seen.has(a.country)) {
      issues.push({ path: `items.${i}.country`, message: 'This country is listed twice' });
    }
    seen.add(a.country);
    a.organisationIds.forEach((id, j) => {
      if (!known.has(id)) {
        issues.push({ path: `items.${i}.organisationIds.${j}`, message: 'Unknown organisation' });
      }
    });
    return issues;
  });
}

/**
 * Replaces every assignment with `input` (`prevention.assign`), with its audit entry, in one
 * transaction. Throws `validation_failed` for an unknown country or organisation, or a country
 * listed twice; nothing is written then.
 */
export async function replaceAssignments(ctx: Ctx, input: AssignmentList): Promise<AssignmentView> {
  const actor = await requireAccess(ctx, 'prevention.assign');
  const issues = await assignmentIssues(ctx, input.items);
  if (issues.length > 0) {
    throw validationFailed(issues);
  }
  const rows = input.items.flatMap((a) =>
    [...new Set(a.organisationIds)].map((organisationId) => ({
      country: a.country,
      organisationId,
    })),
  );
  await ctx.db.transaction(async (tx) => {
    await replaceAssignmentRows(tx, rows, actor.userId);
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'prevention_assignment.replace',
      entityType: 'prevention_assignment',
      details: { countries: input.items.map((a) => a.country), rows: rows.length },
    });
  });
  return assignmentView(ctx);
}

async function assignmentView(ctx: Ctx): Promise<AssignmentView> {
  const [rows, organisations] = await Promise.all([
    listAssignmentRows(ctx.db),
    listOrganisationNames(ctx.db),
  ]);
  const byCountry = new Map<string, string[]>();
  for (const row of rows) {
    byCountry.set(row.country, [...(byCountry.get(row.country) ?? []), row.organisationId]);
  }
  const items = [...byCountry.entries()].map(([country, organisationIds]) => ({
    country,
    organisationIds,
  }));
  return { items, organisations };
}
