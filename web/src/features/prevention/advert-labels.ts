import type { TFunction } from 'i18next';
import { isApiError } from '@web/lib/api';
import { errorMessage } from '@web/lib/errors';
import type { AdvertReportStatus, IndicatorKind, JobChannel } from './adverts.schema';

/** The words for a report's status. */
export function statusLabel(status: AdvertReportStatus, t: TFunction): string {
  return t(`adverts.status.${status}`);
}

/** The words for how an advert reached the person; "not given" for none. */
export function channelLabel(channel: JobChannel | null, t: TFunction): string {
  return channel ? t(`adverts.channel.${channel}`) : t('adverts.notGiven');
}

export function kindLabel(kind: IndicatorKind, t: TFunction): string {
  return t(`adverts.kind.${kind}`);
}

/** An indicator as a person reads it: `telegram:name` → `Telegram @name`, `line:x` → `Line x`. */
export function indicatorText(value: string): string {
  if (value.startsWith('telegram:')) {
    return `Telegram @${value.slice('telegram:'.length)}`;
  }
  if (value.startsWith('line:')) {
    return `Line ${value.slice('line:'.length)}`;
  }
  return value;
}

/** What happened and what to do, with this feature's own error code worded for it. */
export function advertErrorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error, 'advert_report_not_found')) {
    return t('adverts.errors.notFound');
  }
  return errorMessage(error, t);
}
