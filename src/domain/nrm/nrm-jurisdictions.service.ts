import { recordAudit } from '@/domain/audit/index.ts';
import type { Db } from '@/db/client.ts';
import type { Ctx } from '@/lib/context.ts';
import { IsoDateSchema, utcDay } from '@/lib/dates.schema.ts';
import { AppError, validationFailed } from '@/lib/errors.ts';
import { requireAccess } from '@/policy/require-access.ts';
import { applyEdits, SEED_ATTRIBUTION, SEED_JURISDICTIONS } from './jurisdictions.ts';
import { listEdits, upsertHoliday, upsertStep } from './nrm-figures.repository.ts';
import {
  type HolidayPut,
  type Jurisdiction,
  type JurisdictionList,
  type NrmStep,
  NrmStepSchema,
  type StepUpdate,
} from './nrm.schema.ts';

/**
 * The NRM jurisdictions in force: the shipped data with the platform admins' edits. Figures
 * marked verified were read in their source and are never edited; unverified ones are, by
 * platform admins in person (`nrm_deadline.manage`), each edit audited.
 */

/** Every jurisdiction as it is in force now. */
export async function jurisdictionsInForce(db: Db): Promise<Jurisdiction[]> {
  const edits = await listEdits(db);
  return SEED_JURISDICTIONS.map((j) => applyEdits(j, edits));
}

/** One jurisdiction in force; undefined for a code Homeward has no data for. */
export async function jurisdictionInForce(db: Db, code: string): Promise<Jurisdiction | undefined> {
  return (await jurisdictionsInForce(db)).find((j) => j.code === code);
}

/** The jurisdictions with steps, figures, decisions and holidays (`nrm.read`). */
export async function listJurisdictions(ctx: Ctx): Promise<JurisdictionList> {
  await requireAccess(ctx, 'nrm.read');
  return { attribution: SEED_ATTRIBUTION, items: await jurisdictionsInForce(ctx.db) };
}

async function editableJurisdiction(ctx: Ctx, code: string): Promise<Jurisdiction> {
  const j = await jurisdictionInForce(ctx.db, code);
  if (!j) {
    throw new AppError('not_found', `No NRM data for jurisdiction ${code}`);
  }
  return j;
}

/** The edited figure, checked whole (a duration needs its unit); throws `validation_failed`. */
function editedFigure(ctx: Ctx, current: NrmStep, input: StepUpdate): NrmStep {
  const { status, ...fields } = input;
  const next = { ...current, ...fields, status: status ?? 'unverified', asOf: utcDay(ctx.now()) };
  const parsed = NrmStepSchema.safeParse(next);
  if (!parsed.success) {
    throw validationFailed(
      parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    );
  }
  return parsed.data;
}

/**
 * Changes an unverified figure of a jurisdiction's step (`nrm_deadline.manage`); its `asOf`
 * becomes today. Referrals already made keep the figure they were made with. Throws
 * `not_found` (jurisdiction or step), `nrm_figure_verified`, `validation_failed`.
 */
export async function updateStep(
  ctx: Ctx,
  ref: { code: string; step: string },
  input: StepUpdate,
): Promise<Jurisdiction> {
  const actor = await requireAccess(ctx, 'nrm_deadline.manage');
  const j = await editableJurisdiction(ctx, ref.code);
  const current = j.steps.find((s) => s.step === ref.step);
  if (!current) {
    throw new AppError('not_found', `${ref.code} has no step ${ref.step}`);
  }
  if (current.status === 'verified') {
    throw new AppError('nrm_figure_verified');
  }
  const figure = editedFigure(ctx, current, input);
  await ctx.db.transaction(async (tx) => {
    await upsertStep(tx, { jurisdiction: j.code, figure, by: actor.userId });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: 'nrm_step.update',
      entityType: 'nrm_step',
      entityId: `${j.code}/${figure.step}`,
      details: {
        from: { duration: current.duration, unit: current.unit, status: current.status },
        to: { duration: figure.duration, unit: figure.unit, status: figure.status },
      },
    });
  });
  return editableJurisdiction(ctx, j.code);
}

function holidayDate(date: string): string {
  if (!IsoDateSchema.safeParse(date).success) {
    throw validationFailed([{ path: 'date', message: 'Use a date YYYY-MM-DD' }]);
  }
  return date;
}

/**
 * Adds or renames a public holiday (`nrm_deadline.manage`), or with `remove` takes one out;
 * a verified holiday is not changed. Counts of referrals made later use it. Throws `not_found`
 * (jurisdiction; or, removing, the holiday), `nrm_figure_verified`, `validation_failed`.
 */
export async function editHoliday(
  ctx: Ctx,
  ref: { code: string; date: string },
  input: HolidayPut | { remove: true },
): Promise<Jurisdiction> {
  const actor = await requireAccess(ctx, 'nrm_deadline.manage');
  const j = await editableJurisdiction(ctx, ref.code);
  const date = holidayDate(ref.date);
  const current = j.holidays.find((h) => h.date === date);
  if (current?.status === 'verified') {
    throw new AppError('nrm_figure_verified');
  }
  const removed = 'remove' in input;
  if (removed && !current) {
    throw new AppError('not_found', `${j.code} has no holiday on ${date}`);
  }
  const holiday = removed ? current! : { date, ...input };
  await ctx.db.transaction(async (tx) => {
    await upsertHoliday(tx, { jurisdiction: j.code, holiday, removed, by: actor.userId });
    await recordAudit(tx, ctx, {
      organisationId: actor.organisationId,
      action: removed ? 'nrm_holiday.delete' : 'nrm_holiday.update',
      entityType: 'nrm_holiday',
      entityId: `${j.code}/${date}`,
      details: { status: holiday.status, existed: current !== undefined },
    });
  });
  return editableJurisdiction(ctx, j.code);
}
