import { z } from 'zod';
import { IsoDateSchema } from '@/lib/dates.schema.ts';

/**
 * National referral mechanisms (NRM) as data: each jurisdiction's steps with their figures,
 * decisions and public holidays. The seed is `jurisdictions.json` (from the project's
 * `deadlines.csv`); platform admins edit unverified figures and holidays, stored over the seed.
 */

/** verified = read in a stored copy of the source (quoted); unverified = from memory or not found. */
export const FIGURE_STATUSES = ['verified', 'unverified'] as const;
export const FigureStatusSchema = z.enum(FIGURE_STATUSES);
export type FigureStatus = z.infer<typeof FigureStatusSchema>;

export const DURATION_UNITS = ['working_days', 'calendar_days', 'hours'] as const;
export const DurationUnitSchema = z.enum(DURATION_UNITS);
export type DurationUnit = z.infer<typeof DurationUnitSchema>;

/** A state decision on a referral (UK: RG then CG; Thailand: MDT identification). */
export const DECISION_KINDS = [
  'reasonable_grounds',
  'conclusive_grounds',
  'identification',
] as const;
export const DecisionKindSchema = z.enum(DECISION_KINDS);
export type DecisionKind = z.infer<typeof DecisionKindSchema>;

/** positive = reasonable grounds / conclusive grounds / identified as a victim; negative = not. */
export const DECISION_OUTCOMES = ['positive', 'negative'] as const;
export const DecisionOutcomeSchema = z.enum(DECISION_OUTCOMES);
export type DecisionOutcome = z.infer<typeof DecisionOutcomeSchema>;

/** The event a step's clock starts on: the referral, or a positive decision of a kind. */
export const CLOCK_STARTS = ['referral', 'reasonable_grounds_positive'] as const;
export const ClockStartSchema = z.enum(CLOCK_STARTS);
export type ClockStart = z.infer<typeof ClockStartSchema>;

/** deadline = a decision is due by then (can be overdue); period = a protection period ends. */
export const STEP_KINDS = ['deadline', 'period'] as const;

const Text = (max: number) => z.string().trim().max(max);
export const JurisdictionCodeSchema = z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3');
export const StepNameSchema = z.string().regex(/^[a-z][a-z0-9_]{0,79}$/);

/** One step of a jurisdiction and its figure, as the seed and the API state it. */
export const NrmStepSchema = z
  .object({
    step: StepNameSchema,
    kind: z.enum(STEP_KINDS),
    /** Null when no figure is known (never guessed). */
    duration: z.number().int().min(1).max(10_000).nullable(),
    unit: DurationUnitSchema.nullable(),
    clockStartsAt: Text(300),
    /** What starts the clock in Homeward; null when no recorded event does. */
    startsOn: ClockStartSchema.nullable(),
    /** The decision that ends the step (met); null when none does. */
    endsWith: DecisionKindSchema.nullable(),
    rule: Text(1000),
    status: FigureStatusSchema,
    /** A qualifier of the status kept from the source data, e.g. "older guidance". */
    statusNote: Text(200).optional(),
    source: Text(1000).min(1),
    notes: Text(2000),
    asOf: IsoDateSchema,
  })
  .strict()
  .refine((s) => (s.duration === null) === (s.unit === null), {
    message: 'A duration needs its unit, and a unit its duration',
    path: ['unit'],
  });
export type NrmStep = z.infer<typeof NrmStepSchema>;

export const HolidaySchema = z
  .object({
    date: IsoDateSchema,
    name: Text(200).min(1),
    status: FigureStatusSchema,
    source: Text(1000).min(1),
  })
  .strict();
export type Holiday = z.infer<typeof HolidaySchema>;

export const JurisdictionSchema = z
  .object({
    code: JurisdictionCodeSchema,
    name: z.string().min(1),
    /** IANA zone whose calendar days and public holidays the counts use. */
    timeZone: z.string().min(1),
    decisions: z.array(z.object({ kind: DecisionKindSchema, final: z.boolean() }).strict()),
    steps: z.array(NrmStepSchema),
    holidays: z.array(HolidaySchema),
  })
  .strict();
export type Jurisdiction = z.infer<typeof JurisdictionSchema>;

/** `jurisdictions.json`: seed holidays carry one status and source per jurisdiction. */
export const SeedFileSchema = z
  .object({
    attribution: z.string().min(1),
    jurisdictions: z.array(
      JurisdictionSchema.omit({ holidays: true }).extend({
        holidays: z.array(z.object({ date: IsoDateSchema, name: z.string().min(1) }).strict()),
        holidaySource: z.string().min(1),
      }),
    ),
  })
  .strict();

export const JurisdictionListSchema = z.object({
  attribution: z.string(),
  items: z.array(JurisdictionSchema),
});
export type JurisdictionList = z.infer<typeof JurisdictionListSchema>;

/** `PATCH /api/nrm/jurisdictions/:code/steps/:step`: a new figure for an unverified step. */
export const StepUpdateSchema = z
  .object({
    kind: z.enum(STEP_KINDS).optional(),
    startsOn: ClockStartSchema.nullable().optional(),
    endsWith: DecisionKindSchema.nullable().optional(),
    duration: z.number().int().min(1).max(10_000).nullable().optional(),
    unit: DurationUnitSchema.nullable().optional(),
    clockStartsAt: Text(300).optional(),
    rule: Text(1000).optional(),
    notes: Text(2000).optional(),
    /** Where the new figure comes from: required, an edit must say. */
    source: Text(1000).min(1),
    /** Marking a figure verified locks it (verified figures are not edited). */
    status: FigureStatusSchema.optional(),
  })
  .strict();
export type StepUpdate = z.infer<typeof StepUpdateSchema>;

/** `PUT /api/nrm/jurisdictions/:code/holidays/:date`: adds or renames an unverified holiday. */
export const HolidayPutSchema = z
  .object({ name: Text(200).min(1), source: Text(1000).min(1), status: FigureStatusSchema })
  .strict();
export type HolidayPut = z.infer<typeof HolidayPutSchema>;

export const StepParamsSchema = z.object({ code: z.string().max(10), step: z.string().max(100) });
export const HolidayParamsSchema = z.object({ code: z.string().max(10), date: z.string().max(20) });
