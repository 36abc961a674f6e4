import { api } from '@web/lib/api';
import type { Organisation, OrganisationUpdate } from './organisation.schema';

/** `GET /api/organisation`. */
export function getOrganisation(signal?: AbortSignal): Promise<Organisation> {
  return api.get<Organisation>('/api/organisation', { signal });
}

/**
 * `PATCH /api/organisation`: renaming needs `organisation.manage`, changing `requireTotp` needs
 * `organisation.security`.
 */
export function updateOrganisation(input: OrganisationUpdate): Promise<Organisation> {
  return api.patch<Organisation>('/api/organisation', input);
}
