import seed from './jurisdictions.json' with { type: 'json' };
import { type Holiday, type Jurisdiction, type NrmStep, SeedFileSchema } from './nrm.schema.ts';

/**
 * The NRM jurisdictions Homeward ships (`jurisdictions.json`, copied from the project's
 * `deadlines.csv`), parsed when the module loads: malformed data stops the server at start.
 * Seed holidays take their jurisdiction's one status (unverified) and source.
 */
const parsed = SeedFileSchema.parse(seed);

export const SEED_ATTRIBUTION: string = parsed.attribution;

export const SEED_JURISDICTIONS: readonly Jurisdiction[] = Object.freeze(
  parsed.jurisdictions.map(({ holidaySource, holidays, ...j }) => ({
    ...j,
    holidays: holidays.map((h) => ({ ...h, status: 'unverified' as const, source: holidaySource })),
  })),
);

/** A shipped jurisdiction by its ISO 3166-1 alpha-3 code; undefined when there is none. */
export function seedJurisdiction(code: string): Jurisdiction | undefined {
  return SEED_JURISDICTIONS.find((j) => j.code === code);
}

/** What platform admins changed over the seed (rows of `nrm_steps` and `nrm_holidays`). */
export interface JurisdictionEdits {
  steps: readonly { jurisdiction: string; figure: NrmStep }[];
  holidays: readonly { jurisdiction: string; holiday: Holiday; removed: boolean }[];
}

/**
 * The jurisdiction in force: the seed with the admins' edited steps in place of the shipped
 * ones, and their holidays added, renamed or removed; holidays by date.
 */
export function applyEdits(j: Jurisdiction, edits: JurisdictionEdits): Jurisdiction {
  const steps = j.steps.map(
    (s) =>
      edits.steps.find((e) => e.jurisdiction === j.code && e.figure.step === s.step)?.figure ?? s,
  );
  const byDate = new Map(j.holidays.map((h) => [h.date, h]));
  for (const { jurisdiction, removed, holiday } of edits.holidays) {
    if (jurisdiction !== j.code) {
      continue;
    }
    if (removed) {
      byDate.delete(holiday.date);
    } else {
      byDate.set(holiday.date, holiday);
    }
  }
  const holidays = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { ...j, steps, holidays };
}
