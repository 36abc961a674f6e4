import { api } from '@web/lib/api';
import { localDayToIso } from '@web/lib/format';
import type { Page } from '@web/lib/use-cursor-list';
import type { AuditEvent, AuditFilters } from './audit.schema';

/**
 * `GET /api/audit` (permission `audit.read`). Calendar days become instants in the user's time
 * zone; `to` covers the whole day.
 */
export function listAuditEvents(
  filters: AuditFilters,
  cursor: string | null,
  signal?: AbortSignal,
): Promise<Page<AuditEvent>> {
  return api.get<Page<AuditEvent>>('/api/audit', {
    query: {
      action: filters.action,
      actor: filters.actor,
      from: localDayToIso(filters.from),
      to: localDayToIso(filters.to, true),
      cursor,
      limit: 50,
    },
    signal,
  });
}
