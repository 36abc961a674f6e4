import type { Home } from '@/domain/cases/case-home.schema.ts';
import { api } from '@web/lib/api';

export type { Home, HomeKeyDate, HomeRecent } from '@/domain/cases/case-home.schema.ts';

/** `GET /api/home`: caseload, overdue and coming tasks, key dates, recently opened cases. */
export function getHome(signal?: AbortSignal): Promise<Home> {
  return api.get<Home>('/api/home', { signal });
}
