import { api, apiUpload, buildUrl } from '@web/lib/api';
import type { Page } from '@web/lib/use-cursor-list';
import type {
  Assessment,
  Attachment,
  Case,
  CaseCreate,
  CaseEvent,
  CaseSummary,
  CaseUpdate,
  ConsentCreate,
  ConsentView,
  Domain,
  EventCreate,
  NeedLevel,
  Note,
  NoteVisibility,
  PlanItem,
  PlanStatus,
  Task,
  TaskCreate,
} from './cases.schema';

const caseUrl = (caseId: string, rest = '') => `/api/cases/${encodeURIComponent(caseId)}${rest}`;

export interface CaseFilters {
  q?: string;
  stage?: string;
  nationality?: string;
  risk?: string;
  retraffickingRisk?: string;
  status?: string;
  assignee?: string;
}

/** `GET /api/cases`: search and filters; the caller's own cases unless `case.read_all`. */
export function listCases(
  filters: CaseFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<CaseSummary>> {
  return api.get<Page<CaseSummary>>('/api/cases', {
    query: { ...filters, cursor, limit: 25 },
    signal,
  });
}

/** `GET /api/cases/duplicates`: possible existing records for a person being registered. */
export function findDuplicates(
  query: { given?: string; family?: string; birthYear?: number; nationality?: string },
  signal?: AbortSignal,
): Promise<{ items: CaseSummary[] }> {
  return api.get<{ items: CaseSummary[] }>('/api/cases/duplicates', { query, signal });
}

/** `POST /api/cases`. @throws ApiError `case_number_taken` (409), `validation_failed`. */
export function createCase(input: CaseCreate): Promise<Case> {
  return api.post<Case>('/api/cases', input);
}

export function getCase(caseId: string, signal?: AbortSignal): Promise<Case> {
  return api.get<Case>(caseUrl(caseId), { signal });
}

/** `PATCH /api/cases/:id`. @throws ApiError `version_conflict` (409) when the record changed. */
export function updateCase(caseId: string, input: CaseUpdate): Promise<Case> {
  return api.patch<Case>(caseUrl(caseId), input);
}

export function listEvents(caseId: string, signal?: AbortSignal) {
  return api.get<{ items: CaseEvent[] }>(caseUrl(caseId, '/events'), { signal });
}

export function createEvent(caseId: string, input: EventCreate): Promise<CaseEvent> {
  return api.post<CaseEvent>(caseUrl(caseId, '/events'), input);
}

export function listConsents(caseId: string, signal?: AbortSignal) {
  return api.get<{ items: ConsentView[]; history: ConsentView[] }>(caseUrl(caseId, '/consents'), {
    signal,
  });
}

export function recordConsent(caseId: string, input: ConsentCreate): Promise<ConsentView> {
  return api.post<ConsentView>(caseUrl(caseId, '/consents'), input);
}

export function withdrawConsent(caseId: string, consentId: string): Promise<ConsentView> {
  return api.post<ConsentView>(
    caseUrl(caseId, `/consents/${encodeURIComponent(consentId)}/withdraw`),
  );
}

export function listCaseTasks(caseId: string, signal?: AbortSignal) {
  return api.get<Page<Task>>(caseUrl(caseId, '/tasks'), { signal });
}

export function createTask(caseId: string, input: TaskCreate): Promise<Task> {
  return api.post<Task>(caseUrl(caseId, '/tasks'), input);
}

export function updateTask(
  caseId: string,
  taskId: string,
  input: Partial<TaskCreate> & { status?: Task['status'] },
): Promise<Task> {
  return api.patch<Task>(caseUrl(caseId, `/tasks/${encodeURIComponent(taskId)}`), input);
}

/** `POST /api/cases/:id/follow-ups`: the standard follow-up contacts from a date. */
export function scheduleFollowUps(caseId: string, from: string) {
  return api.post<{ items: Task[] }>(caseUrl(caseId, '/follow-ups'), { from });
}

/** `GET /api/tasks?assignee=me&status=open`. */
export function listMyTasks(cursor: string | null, signal?: AbortSignal): Promise<Page<Task>> {
  return api.get<Page<Task>>('/api/tasks', {
    query: { assignee: 'me', status: 'open', cursor, limit: 50 },
    signal,
  });
}

export function getAssessment(caseId: string, signal?: AbortSignal): Promise<Assessment> {
  return api.get<Assessment>(caseUrl(caseId, '/assessment'), { signal });
}

export function saveNeed(
  caseId: string,
  domain: Domain,
  input: { level: NeedLevel; goals?: string },
) {
  return api.put<unknown>(caseUrl(caseId, `/assessment/needs/${domain}`), input);
}

export function createPlanItem(
  caseId: string,
  input: { domain: Domain; action: string; dueOn?: string; status?: PlanStatus },
): Promise<PlanItem> {
  return api.post<PlanItem>(caseUrl(caseId, '/plan-items'), input);
}

export function updatePlanItem(
  caseId: string,
  itemId: string,
  input: { status?: PlanStatus },
): Promise<PlanItem> {
  return api.patch<PlanItem>(caseUrl(caseId, `/plan-items/${encodeURIComponent(itemId)}`), input);
}

export function listNotes(caseId: string, signal?: AbortSignal) {
  return api.get<Page<Note>>(caseUrl(caseId, '/notes'), { signal });
}

export function createNote(
  caseId: string,
  input: { body: string; visibility: NoteVisibility },
): Promise<Note> {
  return api.post<Note>(caseUrl(caseId, '/notes'), input);
}

export function listAttachments(caseId: string, signal?: AbortSignal) {
  return api.get<{ items: Attachment[] }>(caseUrl(caseId, '/attachments'), { signal });
}

/** Where the browser downloads an attachment from (a plain link with `download`). */
export function attachmentUrl(caseId: string, attachmentId: string): string {
  return caseUrl(caseId, `/attachments/${encodeURIComponent(attachmentId)}`);
}

/** Uploads one file (the raw file is the body, its name in the query), reporting progress. */
export function uploadAttachment(
  caseId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<Attachment> {
  return apiUpload<Attachment>(
    buildUrl(caseUrl(caseId, '/attachments'), { fileName: file.name }),
    file,
    onProgress,
  );
}
