/**
 * The cases contract, shared with the server (see auth.schema.ts): only the zod-only `*.schema.ts`
 * files are imported from `src/`, so forms validate with the server's own schemas and the types
 * cannot drift from the API. Request types are the schemas' input types (defaults optional).
 */
import type { z } from 'zod';
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES } from '@/domain/cases/case-attachments.schema.ts';
import { NEED_DOMAINS, type NeedDomain } from '@/domain/cases/case-assessment.schema.ts';
import { type TaskCreateSchema } from '@/domain/cases/case-tasks.schema.ts';
import { type RetraffickingRisk } from '@/domain/cases/case-views.schema.ts';
import {
  ConsentDecisionSchema,
  ConsentMethodSchema,
  DATA_CATEGORIES as CONSENT_DATA_CATEGORIES,
  PURPOSES,
  type ConsentCreateSchema,
} from '@/domain/consent/consent.schema.ts';

export {
  CASE_STATUSES,
  CONTACT_KINDS,
  DOCUMENT_TYPES,
  EXIT_METHODS,
  RECRUITMENT_CHANNELS,
  CaseCreateSchema,
  CaseUpdateSchema,
  IDENTITY_KINDS,
  RISK_FACTORS,
  RISK_LEVELS,
  SCRIPTS,
  SEXES,
  type CaseCreate,
  type CaseUpdate,
  type RiskFactor,
} from '@/domain/cases/cases.schema.ts';
export {
  type Case,
  type CasePage,
  type CaseSummary,
  type Duplicate,
  type IdentityView,
  type RetraffickingRisk,
} from '@/domain/cases/case-views.schema.ts';
export {
  EVENT_TYPES,
  EventCreateSchema,
  STAGES,
  type CaseEvent,
  type EventCreate,
  type Stage,
} from '@/domain/cases/case-journey.schema.ts';

export {
  ConsentCreateSchema,
  type ConsentDecision,
  type ConsentMethod,
  type ConsentView,
  type DataCategory,
  type Purpose as ConsentPurpose,
} from '@/domain/consent/consent.schema.ts';
export { TaskCreateSchema, TaskUpdateSchema, type Task } from '@/domain/cases/case-tasks.schema.ts';
export {
  NEED_LEVELS,
  NeedUpdateSchema,
  PLAN_STATUSES,
  PlanItemCreateSchema,
  PlanItemUpdateSchema,
  type Assessment,
  type Need,
  type NeedLevel,
  type PlanItem,
  type PlanStatus,
} from '@/domain/cases/case-assessment.schema.ts';
export {
  NoteCreateSchema,
  type Note,
  type NoteVisibility,
} from '@/domain/cases/case-notes.schema.ts';
export { type Attachment } from '@/domain/cases/case-attachments.schema.ts';

export type RetraffickingLevel = RetraffickingRisk['level'];

export const CONSENT_PURPOSES = PURPOSES;
/** The data categories in the order the consent form lists them: `all` first. */
export const DATA_CATEGORIES = [
  'all',
  ...CONSENT_DATA_CATEGORIES.filter((category) => category !== 'all'),
] as const;
export const CONSENT_METHODS = ConsentMethodSchema.options;
export const CONSENT_DECISIONS = ConsentDecisionSchema.options;
/** A consent as the form sends it. */
export type ConsentCreate = z.input<typeof ConsentCreateSchema>;

/** A task as the form sends it (`kind` defaults to `task`). */
export type TaskCreate = z.input<typeof TaskCreateSchema>;

/** The assessment's domains (the server's `NEED_DOMAINS`). */
export const DOMAINS = NEED_DOMAINS;
export type Domain = NeedDomain;

/** File types the server accepts for attachments, and the size limit. */
export { ATTACHMENT_TYPES };
export const ATTACHMENT_MAX_BYTES = MAX_ATTACHMENT_BYTES;
