import { z } from 'zod';
import { JobChannelSchema, JobCheckLanguageSchema } from './jobcheck.schema.ts';

/**
 * The shape of the red-flag rules' data (`data/*.json`), parsed when the module loads so that a
 * malformed file stops the server at start rather than silently dropping a rule.
 */

const FlagIdSchema = z.string().regex(/^RF\d{2}$/);

/** One documented warning sign, copied from the project's red-flags research file. */
export const RedFlagSchema = z.object({
  id: FlagIdSchema,
  flag: z.string(),
  description: z.string(),
  /** Phrasings of the sign from the list (some quoted from its sources), used to test the rules. */
  examplePhrases: z.array(z.string()),
  sources: z.array(z.string()).min(1),
});
export type RedFlag = z.infer<typeof RedFlagSchema>;

export const RedFlagFileSchema = z.object({
  attribution: z.string(),
  flags: z.array(RedFlagSchema).min(1),
});

const RuleBase = {
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  flags: z.array(FlagIdSchema).min(1),
  /** Log-odds the rule adds to the risk when it fires. */
  weight: z.number().min(0).max(5),
};

/** `kind` says what fires a rule: phrases, the pay, the destination, or other rules together. */
export const RuleDefSchema = z.discriminatedUnion('kind', [
  z.object({
    ...RuleBase,
    kind: z.literal('text'),
    channels: z.array(JobChannelSchema).optional(),
    /** A phrase right after a negation ("no placement fee") does not fire the rule. */
    negatable: z.boolean().optional(),
  }),
  z.object({ ...RuleBase, kind: z.literal('pay') }),
  z.object({
    ...RuleBase,
    kind: z.literal('destination'),
    tiers: z.array(z.enum(['compound', 'hotspot', 'cover'])).min(1),
  }),
  z.object({
    ...RuleBase,
    kind: z.literal('combination'),
    /** Every group must have at least one rule (or `dest:<tier>` signal) that fired. */
    allOf: z.array(z.array(z.string()).min(1)).min(2),
  }),
]);
export type RuleDef = z.infer<typeof RuleDefSchema>;

export const RulesFileSchema = z.object({ about: z.string(), rules: z.array(RuleDefSchema) });

/** One language's patterns, rule texts and advice (any of them may be partial). */
export const LanguageFileSchema = z.object({
  language: JobCheckLanguageSchema,
  /** native = native-quality (English, the source); draft = fluent, not reviewed by a native speaker; best_effort = few simple phrases, to be reviewed. */
  quality: z.enum(['native', 'draft', 'best_effort']),
  /** Words that negate the phrase after them (`no`, `ไม่มี`, `tanpa`, `不`). */
  negations: z.array(z.string().min(1)).default([]),
  patterns: z.record(z.string(), z.array(z.string().min(1))),
  texts: z.record(z.string(), z.string().min(1)),
  advice: z.record(z.string(), z.string().min(1)),
});
export type LanguageFile = z.infer<typeof LanguageFileSchema>;

export const PLACE_TIERS = ['compound', 'hotspot', 'cover', 'high_income'] as const;
export type PlaceTier = (typeof PLACE_TIERS)[number];

export const PlacesFileSchema = z.object({
  about: z.string(),
  places: z.array(
    z.object({
      code: z.string(),
      tier: z.enum(PLACE_TIERS),
      names: z.array(z.string().min(1)),
      codes: z.array(z.string()),
    }),
  ),
});

const ThresholdRow = z.object({
  region: z.number().positive(),
  other: z.number().positive(),
  high_income: z.number().positive().nullable(),
});

export const PayFileSchema = z.object({
  about: z.string(),
  currencies: z.array(
    z.object({ code: z.string(), usdRate: z.number().positive(), tokens: z.array(z.string()) }),
  ),
  multipliers: z.array(
    z.object({
      tokens: z.array(z.string()),
      factor: z.number().positive(),
      currency: z.string().optional(),
    }),
  ),
  periods: z.array(
    z.object({ per: z.string(), months: z.number().positive(), tokens: z.array(z.string()) }),
  ),
  professionalJobs: z.array(z.string()),
  thresholdsUsdPerMonth: z.object({
    bait: ThresholdRow,
    unknown: ThresholdRow,
    professional: ThresholdRow,
  }),
});
export type PayFile = z.infer<typeof PayFileSchema>;
