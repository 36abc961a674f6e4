import { api } from '@web/lib/api';
import type {
  Dashboard,
  FacilitatorList,
  Material,
  MaterialCreate,
  MaterialPage,
  QuizList,
  QuizPhase,
  ResultInput,
  Session,
  SessionCreate,
  SessionPage,
  SessionUpdate,
} from './outreach.schema';

const sessionUrl = (id: string, rest = '') =>
  `/api/outreach/sessions/${encodeURIComponent(id)}${rest}`;

/** `GET /api/outreach/sessions`: `when` upcoming (soonest first), past or all (latest first). */
export function listSessions(
  query: { when: 'upcoming' | 'past' | 'all'; cursor?: string | null; limit?: number },
  signal?: AbortSignal,
) {
  return api.get<SessionPage>('/api/outreach/sessions', { query, signal });
}

export function getSession(id: string, signal?: AbortSignal) {
  return api.get<Session>(sessionUrl(id), { signal });
}

export function createSession(input: SessionCreate) {
  return api.post<Session>('/api/outreach/sessions', input);
}

export function updateSession(id: string, input: SessionUpdate) {
  return api.patch<Session>(sessionUrl(id), input);
}

export function deleteSession(id: string) {
  return api.delete<null>(sessionUrl(id));
}

/** Records (or replaces) the tallied forms of one phase; returns the session with its results. */
export function putResults(id: string, phase: QuizPhase, input: ResultInput) {
  return api.put<Session>(sessionUrl(id, `/results/${phase}`), input);
}

export function listFacilitators(signal?: AbortSignal) {
  return api.get<FacilitatorList>('/api/outreach/facilitators', { signal });
}

export function listQuizzes(lang: string, signal?: AbortSignal) {
  return api.get<QuizList>('/api/outreach/quizzes', { query: { lang }, signal });
}

export function listMaterials(
  query: { cursor?: string | null; limit?: number },
  signal?: AbortSignal,
) {
  return api.get<MaterialPage>('/api/outreach/materials', { query, signal });
}

export function createMaterial(input: MaterialCreate) {
  return api.post<Material>('/api/outreach/materials', input);
}

export function deleteMaterial(id: string) {
  return api.delete<null>(`/api/outreach/materials/${encodeURIComponent(id)}`);
}

export function getDashboard(query: { from: string; to: string }, signal?: AbortSignal) {
  return api.get<Dashboard>('/api/outreach/dashboard', { query, signal });
}
