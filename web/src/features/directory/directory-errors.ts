import type { TFunction } from 'i18next';
import { isApiError } from '@web/lib/api';
import { errorMessage } from '@web/lib/errors';

/** Error codes of the directory API that the shared error messages do not know. */
const DIRECTORY_CODES = [
  'directory_service_not_found',
  'directory_organisation_not_found',
] as const;

/** What happened and what to do, with the directory's own codes worded for it. */
export function directoryErrorMessage(error: unknown, t: TFunction): string {
  for (const code of DIRECTORY_CODES) {
    if (isApiError(error, code)) {
      return t(`directory.errors.${code}`);
    }
  }
  return errorMessage(error, t);
}
