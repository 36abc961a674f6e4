import { z } from 'zod';
import { StageSchema } from './case-journey.schema.ts';
import {
  CaseStatusSchema,
  RiskFactorSchema,
  RiskLevelSchema,
  SensitiveSchema,
  ShortTextSchema,
} from './cases.schema.ts';

/** Re-trafficking risk levels; `not_assessed` until a caseworker has reviewed the factors. */
export const RETRAFFICKING_LEVELS = ['not_assessed', 'none', 'low', 'medium', 'high'] as const;

/**
 * Re-trafficking risk, derived from the recorded factors, with the reasons. Until the factors
 * have been reviewed (`reviewedAt` null) the level is `not_assessed`, never a reassuring "none".
 */
export const RetraffickingRiskSchema = z.object({
  level: z.enum(RETRAFFICKING_LEVELS),
  factors: z.array(RiskFactorSchema),
  explanation: z.array(z.string()),
  /** When a caseworker last saved the factors (an empty list counts); null = not assessed. */
  reviewedAt: z.string().nullable(),
});
export type RetraffickingRisk = z.infer<typeof RetraffickingRiskSchema>;

export const IdentityViewSchema = z.object({
  given: z.string().nullable(),
  family: z.string().nullable(),
  script: z.string().nullable(),
  kind: z.string(),
});
export type IdentityView = z.infer<typeof IdentityViewSchema>;

export const AssigneeSchema = z.object({ id: z.string(), displayName: z.string() });

export const CaseSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: CaseStatusSchema,
  stage: StageSchema.nullable(),
  riskLevel: RiskLevelSchema,
  retraffickingRisk: RetraffickingRiskSchema,
  identities: z.array(IdentityViewSchema),
  sex: z.string().nullable(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  birthYear: z.number().nullable(),
  estimatedAge: z.number().nullable(),
  possibleMinor: z.boolean(),
  nationality: z.string().nullable(),
  languages: z.array(z.string()),
  exploitationForms: z.array(z.string()),
  originCountry: z.string().nullable(),
  transitCountries: z.array(z.string()),
  exploitationCountries: z.array(z.string()),
  recruitmentChannel: z.string().nullable(),
  recruitmentDate: z.string().nullable(),
  exitDate: z.string().nullable(),
  exitMethod: z.string().nullable(),
  assignees: z.array(AssigneeSchema),
  /** Null when the caller may not see sensitive fields (viewers). */
  sensitive: SensitiveSchema.nullable(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Case = z.infer<typeof CaseSchema>;

export const CaseSummarySchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  status: CaseStatusSchema,
  stage: StageSchema.nullable(),
  riskLevel: RiskLevelSchema,
  retraffickingLevel: RetraffickingRiskSchema.shape.level,
  displayName: z.string(),
  nationality: z.string().nullable(),
  birthYear: z.number().nullable(),
  assigneeIds: z.array(z.string()),
  updatedAt: z.string(),
  /** The earliest due date of the person's open tasks, null when nothing is due. */
  nextDueOn: z.string().nullable(),
  /** Name similarity (0–1) when searching by name. */
  score: z.number().nullable(),
});
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CasePageSchema = z.object({
  items: z.array(CaseSummarySchema),
  nextCursor: z.string().nullable(),
  /**
   * How many match, on the first page only (null on later ones). Counting stops at 1,000:
   * with `totalCapped` the list holds more than `total` ("1,000+").
   */
  total: z.number().nullable(),
  totalCapped: z.boolean(),
});
export type CasePage = z.infer<typeof CasePageSchema>;

/** Orders of the case list: last updated (newest first), name, next due date. */
export const CASE_SORTS = ['updated', 'name', 'due'] as const;

export const CaseListQuerySchema = z
  .object({
    q: ShortTextSchema.optional(),
    stage: StageSchema.optional(),
    nationality: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
    risk: RiskLevelSchema.optional(),
    retraffickingRisk: RetraffickingRiskSchema.shape.level.optional(),
    status: CaseStatusSchema.optional(),
    assignee: z.union([z.literal('me'), z.uuid()]).optional(),
    /** Order of the plain list; a search (`q`) is ranked by how well each person matches. */
    sort: z.enum(CASE_SORTS).default('updated'),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type CaseListQuery = z.infer<typeof CaseListQuerySchema>;

export const DuplicateQuerySchema = z
  .object({
    given: ShortTextSchema.optional(),
    family: ShortTextSchema.optional(),
    birthYear: z.coerce.number().int().min(1900).max(2100).optional(),
    nationality: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  })
  .strict();
export type DuplicateQuery = z.infer<typeof DuplicateQuerySchema>;

/**
 * A likely duplicate, as shown to anyone about to register a person, including caseworkers who
 * may not open that case: only what identifies the record. Stage, risk, birth year and
 * assignees stay behind the case's own access check.
 */
export const DuplicateSchema = z.object({
  id: z.string(),
  caseNumber: z.string(),
  displayName: z.string(),
  nationality: z.string().nullable(),
});
export type Duplicate = z.infer<typeof DuplicateSchema>;

export const DuplicateListSchema = z.object({ items: z.array(DuplicateSchema) });

export const CaseIdParamsSchema = z.object({ caseId: z.string().max(64) }).strict();
