import { api } from '@web/lib/api';
import type { RecipientList } from '@/domain/consent/consent.schema.ts';
import { useLoad, type Loaded } from './use-load';

/** The organisations a consent for referral or cross-border sharing may name (GET, no body). */
export function listConsentRecipients(signal?: AbortSignal): Promise<RecipientList> {
  return api.get<RecipientList>('/api/consent/recipients', { signal });
}

/** `listConsentRecipients`, loaded once for the form. */
export function useConsentRecipients(): Loaded<RecipientList> {
  return useLoad(listConsentRecipients);
}
