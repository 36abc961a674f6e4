import type { NeedList, NeedsUpdate } from '@/domain/cases/case-assessment.schema.ts';
import type { TaskUpdate } from '@/domain/cases/case-tasks.schema.ts';
import { api, apiUpload, buildUrl } from '@web/lib/api';
import type { Page } from '@web/lib/use-cursor-list';
import type { User } from '@web/features/users/users.schema';
import type {
  Assessment,
  Attachment,
  Case,
  CaseCreate,
  CaseEvent,
  CasePage,
  CaseUpdate,
  ConsentCreate,
  Duplicate,
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

/**
 * A page of a case's sub-list. The sub-list endpoints answer `{ items }` with every item today;
 * when one answers with a `nextCursor`, the next page is asked for with `?cursor=` (no `limit` is
 * sent: the server's default page size applies).
 */
function getSubList<T>(
  caseId: string,
  rest: string,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<T>> {
  return api
    .get<{ items: T[]; nextCursor?: string | null }>(caseUrl(caseId, rest), {
      query: { cursor },
      signal,
    })
    .then((page) => ({ items: page.items, nextCursor: page.nextCursor ?? null }));
}

export interface CaseFilters {
  q?: string;
  stage?: string;
  nationality?: string;
  risk?: string;
  retraffickingRisk?: string;
  status?: string;
  assignee?: string;
  sort?: string;
}

/** `GET /api/cases`: search and filters; the caller's own cases unless `case.read_all`. */
export function listCases(
  filters: CaseFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<CasePage> {
  return api.get<CasePage>('/api/cases', {
    query: { ...filters, cursor, limit: 25 },
    signal,
  });
}

/** `GET /api/cases/duplicates`: possible existing records for a person being registered. */
export function findDuplicates(
  query: { given?: string; family?: string; birthYear?: number; nationality?: string },
  signal?: AbortSignal,
): Promise<{ items: Duplicate[] }> {
  return api.get<{ items: Duplicate[] }>('/api/cases/duplicates', { query, signal });
}

/** Roles that can hold a case (the server's check is `assertAssignable`). */
const ASSIGNABLE_ROLES: readonly string[] = ['admin', 'supervisor', 'caseworker'];
/** Pages of 100 fetched at most: 2,000 members is far beyond an organisation using this list. */
const MAX_USER_PAGES = 20;

/**
 * The enabled admins, supervisors and caseworkers of the caller's organisation, by name, for
 * assigning a case. Uses `GET /api/users` (`user.read`), fetching every page: there is no
 * dedicated "assignable members" endpoint.
 */
export async function listAssignableUsers(signal?: AbortSignal): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_USER_PAGES; page += 1) {
    const result: Page<User> = await api.get<Page<User>>('/api/users', {
      query: { cursor, limit: 100 },
      signal,
    });
    users.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) {
      break;
    }
  }
  return users.filter((user) => !user.disabled && ASSIGNABLE_ROLES.includes(user.role));
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

export function listEvents(caseId: string, cursor: string | null, signal?: AbortSignal) {
  return getSubList<CaseEvent>(caseId, '/events', cursor, signal);
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

export function listCaseTasks(caseId: string, cursor: string | null, signal?: AbortSignal) {
  return getSubList<Task>(caseId, '/tasks', cursor, signal);
}

export function createTask(caseId: string, input: TaskCreate): Promise<Task> {
  return api.post<Task>(caseUrl(caseId, '/tasks'), input);
}

export function updateTask(caseId: string, taskId: string, input: TaskUpdate): Promise<Task> {
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

/** `PUT /api/cases/:id/assessment/needs`: the needs assessment saved as one form. */
export function saveNeeds(caseId: string, input: NeedsUpdate): Promise<NeedList> {
  return api.put<NeedList>(caseUrl(caseId, '/assessment/needs'), input);
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

export function listNotes(caseId: string, cursor: string | null, signal?: AbortSignal) {
  return getSubList<Note>(caseId, '/notes', cursor, signal);
}

export function createNote(
  caseId: string,
  input: { body: string; visibility: NoteVisibility },
): Promise<Note> {
  return api.post<Note>(caseUrl(caseId, '/notes'), input);
}

export function listAttachments(caseId: string, cursor: string | null, signal?: AbortSignal) {
  return getSubList<Attachment>(caseId, '/attachments', cursor, signal);
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
