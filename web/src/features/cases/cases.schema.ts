/**
 * The cases contract, shared with the server (see auth.schema.ts): only the zod-only `*.schema.ts`
 * files are imported from `src/`. Tasks, consents, notes, attachments and the assessment have no
 * shared schema yet, so their shapes are written here from the API contract.
 */
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

export type RetraffickingLevel = 'none' | 'low' | 'medium' | 'high';

export const CONSENT_PURPOSES = [
  'case_management',
  'referral',
  'cross_border_sharing',
  'aggregate_reporting',
  'photos',
  'phone_contact',
] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const DATA_CATEGORIES = [
  'all',
  'identity',
  'contacts',
  'documents',
  'journey',
  'health',
  'exploitation',
  'narrative',
  'assessment',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export const CONSENT_METHODS = ['verbal', 'written', 'digital'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export const CONSENT_DECISIONS = ['given', 'refused'] as const;
export type ConsentDecision = (typeof CONSENT_DECISIONS)[number];

export interface ConsentView {
  id: string;
  chainId: string;
  version: number;
  purpose: ConsentPurpose;
  recipientName: string | null;
  recipientOrganisationId: string | null;
  dataCategories: DataCategory[];
  method: ConsentMethod;
  decision: ConsentDecision;
  validUntil: string | null;
  withdrawnAt: string | null;
  guardianName: string | null;
  bestInterestNote: string | null;
  recordedBy: string | null;
  recordedAt: string;
  status: 'given' | 'refused' | 'withdrawn' | 'expired';
}

export interface ConsentCreate {
  purpose: ConsentPurpose;
  recipientName?: string;
  dataCategories: DataCategory[];
  method: ConsentMethod;
  decision: ConsentDecision;
  validUntil?: string;
  guardianName?: string;
  bestInterestNote?: string;
}

export interface Task {
  id: string;
  caseId: string;
  caseNumber: string;
  kind: 'task' | 'follow_up';
  /** Null for roles without sensitive access (viewers). */
  title: string | null;
  dueOn: string | null;
  assigneeId: string | null;
  assigneeName: string | null;
  status: 'open' | 'done';
  overdue: boolean;
  completedAt: string | null;
  createdAt: string;
}

export interface TaskCreate {
  title: string;
  dueOn?: string;
  assigneeId?: string;
}

export const DOMAINS = [
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
export type Domain = (typeof DOMAINS)[number];

export const NEED_LEVELS = ['unknown', 'none', 'low', 'medium', 'high', 'urgent'] as const;
export type NeedLevel = (typeof NEED_LEVELS)[number];

export const PLAN_STATUSES = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export interface Need {
  domain: Domain;
  level: NeedLevel;
  goals: string | null;
  updatedAt: string;
}

export interface PlanItem {
  id: string;
  domain: Domain;
  /** Null for roles without sensitive access (viewers). */
  action: string | null;
  ownerId: string | null;
  dueOn: string | null;
  status: PlanStatus;
}

export interface Assessment {
  needs: Need[];
  plan: PlanItem[];
}

export type NoteVisibility = 'team' | 'organisation';

export interface Note {
  id: string;
  body: string;
  visibility: NoteVisibility;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  uploadedBy: string | null;
  createdAt: string;
}

/** File types the server accepts for attachments, and the size limit. */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'text/plain',
] as const;
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
