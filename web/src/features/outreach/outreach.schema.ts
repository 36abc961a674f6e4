/**
 * The outreach contract, shared with the server: only the zod-only `*.schema.ts` files are
 * imported from `src/`, so the types cannot drift from the API.
 */
export {
  AGE_BANDS,
  MATERIAL_KINDS,
  OUTREACH_SETTINGS,
  OUTREACH_TOPICS,
  type AgeBand,
  type MaterialKind,
  type OutreachSetting,
  type OutreachTopic,
  type QuizPhase,
} from '@/domain/prevention/outreach.schema.ts';
export {
  ResultInputSchema,
  SessionCreateSchema,
  SessionUpdateSchema,
  type FacilitatorList,
  type Result,
  type ResultInput,
  type Session,
  type SessionCreate,
  type SessionPage,
  type SessionSummary,
  type SessionUpdate,
} from '@/domain/prevention/outreach-sessions.schema.ts';
export {
  MaterialCreateSchema,
  type Material,
  type MaterialCreate,
  type MaterialPage,
} from '@/domain/prevention/outreach-materials.schema.ts';
export type {
  Dashboard,
  DashboardMonth,
  Quiz,
  QuizList,
} from '@/domain/prevention/outreach-quizzes.schema.ts';
