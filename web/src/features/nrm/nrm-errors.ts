import type { TFunction } from 'i18next';
import { isApiError } from '@web/lib/api';
import { errorMessage } from '@web/lib/errors';

/** Error codes of the NRM API that the shared error messages do not know. */
const NRM_CODES = ['nrm_referral_not_found', 'nrm_figure_verified', 'conflict'] as const;

/** What happened and what to do, with the NRM API's own codes worded for this feature. */
export function nrmErrorMessage(error: unknown, t: TFunction): string {
  for (const code of NRM_CODES) {
    if (isApiError(error, code)) {
      return t(`nrm.errors.${code}`);
    }
  }
  return errorMessage(error, t);
}
