import { api } from '@web/lib/api';
import type { Page } from '@web/lib/use-cursor-list';
import type {
  AdvertReport,
  AdvertReportStatus,
  AdvertReportSummary,
  AssignmentList,
  AssignmentView,
  IndicatorGroup,
  Trend,
} from './adverts.schema';

/** Filters of the reports list; empty strings mean "any". */
export interface ReportFilters {
  status: string;
  country: string;
  channel: string;
}

function query(params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value) {
      search.set(key, value);
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** `GET /api/prevention/reports`: one page of the reports of the organisation's countries. */
export function listReports(filters: ReportFilters, cursor: string | null, signal: AbortSignal) {
  const q = query({ ...filters, cursor, limit: '25' });
  return api.get<Page<AdvertReportSummary>>(`/api/prevention/reports${q}`, { signal });
}

export function getReport(id: string, signal?: AbortSignal) {
  return api.get<AdvertReport>(`/api/prevention/reports/${encodeURIComponent(id)}`, { signal });
}

/** Records a review. @throws ApiError `advert_report_not_found`. */
export function reviewReport(id: string, input: { status: AdvertReportStatus; note?: string }) {
  return api.patch<AdvertReport>(`/api/prevention/reports/${encodeURIComponent(id)}`, input);
}

/** Phones, links and handles seen in two or more visible reports. */
export function listIndicatorGroups(signal?: AbortSignal) {
  return api.get<{ items: IndicatorGroup[] }>('/api/prevention/indicators?min=2', { signal });
}

export function getTrends(by: string, signal?: AbortSignal) {
  return api.get<Trend>(`/api/prevention/trends${query({ by })}`, { signal });
}

export function getAssignments(signal?: AbortSignal) {
  return api.get<AssignmentView>('/api/prevention/assignments', { signal });
}

export function putAssignments(input: AssignmentList) {
  return api.put<AssignmentView>('/api/prevention/assignments', input);
}
