import { z } from 'zod';
import { IsoDateSchema } from './cases.schema.ts';

export const NEED_DOMAINS = [
  'safety',
  'physical_health',
  'mental_health',
  'legal_status',
  'documents',
  'debt',
  'income_work',
  'housing',
  'family_community',
  'education',
] as const;
export const NeedDomainSchema = z.enum(NEED_DOMAINS);
export type NeedDomain = z.infer<typeof NeedDomainSchema>;

export const NEED_LEVELS = ['unknown', 'none', 'low', 'medium', 'high', 'urgent'] as const;
export const NeedLevelSchema = z.enum(NEED_LEVELS);
export type NeedLevel = z.infer<typeof NeedLevelSchema>;

export const PLAN_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export const PlanStatusSchema = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatusSchema>;

/** One domain of the needs assessment. `goals` is null without `case.read_sensitive`. */
export const NeedSchema = z.object({
  domain: NeedDomainSchema,
  level: NeedLevelSchema,
  goals: z.string().nullable(),
  /** Null for a domain not assessed yet. */
  updatedAt: z.string().nullable(),
});
export type Need = z.infer<typeof NeedSchema>;

/** Sets the level of a domain; `goals` omitted keeps them, `null` or '' clears them. */
export const NeedUpdateSchema = z
  .object({
    level: NeedLevelSchema,
    goals: z.string().max(5000).nullable().optional(),
  })
  .strict();
export type NeedUpdate = z.infer<typeof NeedUpdateSchema>;

/** One domain of `NeedsUpdateSchema`. */
export const NeedEntrySchema = z
  .object({
    domain: NeedDomainSchema,
    level: NeedLevelSchema,
    goals: z.string().max(5000).nullable().optional(),
  })
  .strict();
export type NeedEntry = z.infer<typeof NeedEntrySchema>;

/** The needs assessment saved as one form: the domains that changed, each at most once. */
export const NeedsUpdateSchema = z
  .object({
    needs: z
      .array(NeedEntrySchema)
      .min(1)
      .max(NEED_DOMAINS.length)
      .refine(
        (items) => new Set(items.map((i) => i.domain)).size === items.length,
        'Each domain may appear only once',
      ),
  })
  .strict();
export type NeedsUpdate = z.infer<typeof NeedsUpdateSchema>;

/** Every domain of the assessment, as after saving them. */
export const NeedListSchema = z.object({ needs: z.array(NeedSchema) });
export type NeedList = z.infer<typeof NeedListSchema>;

export const PlanItemSchema = z.object({
  id: z.string(),
  domain: NeedDomainSchema,
  /** Null for callers without `case.read_sensitive` (viewers): actions are sensitive. */
  action: z.string().nullable(),
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: PlanStatusSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type PlanItem = z.infer<typeof PlanItemSchema>;

const ActionSchema = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .regex(/^[^\p{Cc}]*$/u, 'Control characters are not allowed');

export const PlanItemCreateSchema = z
  .object({
    domain: NeedDomainSchema,
    action: ActionSchema,
    ownerId: z.uuid().optional(),
    dueOn: IsoDateSchema.optional(),
    status: PlanStatusSchema.default('planned'),
  })
  .strict();
export type PlanItemCreate = z.infer<typeof PlanItemCreateSchema>;

export const PlanItemUpdateSchema = z
  .object({
    domain: NeedDomainSchema.optional(),
    action: ActionSchema.optional(),
    ownerId: z.uuid().nullable().optional(),
    dueOn: IsoDateSchema.nullable().optional(),
    status: PlanStatusSchema.optional(),
  })
  .strict();
export type PlanItemUpdate = z.infer<typeof PlanItemUpdateSchema>;

/** The whole assessment: every domain (unassessed ones as `unknown`) and the plan. */
export const AssessmentSchema = z.object({
  needs: z.array(NeedSchema),
  plan: z.array(PlanItemSchema),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const NeedParamsSchema = z
  .object({ caseId: z.string().max(64), domain: NeedDomainSchema })
  .strict();

export const PlanItemParamsSchema = z
  .object({ caseId: z.string().max(64), itemId: z.string().max(64) })
  .strict();
