import { api } from '@web/lib/api';
import type {
  Availability,
  DirectoryOrganisation,
  ExternalOrganisationCreate,
  ServiceCreate,
  ServiceInput,
  ServiceKind,
  StaffServiceDetail,
  StaffServicePage,
} from './directory.schema';

/** The filters of a staff directory search; empty strings are left out. */
export interface DirectoryFilters {
  country: string;
  service: ServiceKind | '';
  language: string;
  availability: Availability | '';
  organisationId?: string;
}

const serviceUrl = (id: string) => `/api/directory/services/${encodeURIComponent(id)}`;

/** `GET /api/directory/services`: every organisation's services, internal ones too. */
export function searchServices(
  filters: DirectoryFilters,
  cursor: string | null,
  signal?: AbortSignal,
) {
  return api.get<StaffServicePage>('/api/directory/services', {
    query: {
      country: filters.country || undefined,
      service: filters.service || undefined,
      language: filters.language || undefined,
      availability: filters.availability || undefined,
      organisationId: filters.organisationId,
      cursor: cursor ?? undefined,
      limit: 25,
    },
    signal,
  });
}

/** One service; the address only where the caller may read it (the server audits that read). */
export function getService(id: string, signal?: AbortSignal) {
  return api.get<StaffServiceDetail>(serviceUrl(id), { signal });
}

export function createService(input: ServiceCreate) {
  return api.post<StaffServiceDetail>('/api/directory/services', input);
}

export function updateService(id: string, input: ServiceInput) {
  return api.put<StaffServiceDetail>(serviceUrl(id), input);
}

export function deleteService(id: string) {
  return api.delete<null>(serviceUrl(id));
}

export function listOrganisations(signal?: AbortSignal) {
  return api.get<{ items: DirectoryOrganisation[] }>('/api/directory/organisations', { signal });
}

/** Marks an organisation verified or not (platform admins, in person). */
export function setVerification(id: string, verified: boolean) {
  return api.put<DirectoryOrganisation>(
    `/api/directory/organisations/${encodeURIComponent(id)}/verification`,
    { verified },
  );
}

/** Lists an organisation that is not on this installation (platform admins). */
export function createExternalOrganisation(input: ExternalOrganisationCreate) {
  return api.post<DirectoryOrganisation>('/api/directory/external-organisations', input);
}
