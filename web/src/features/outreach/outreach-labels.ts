import type { TFunction } from 'i18next';
import { isApiError } from '@web/lib/api';
import { errorMessage } from '@web/lib/errors';
import type { AgeBand, MaterialKind, OutreachSetting, OutreachTopic } from './outreach.schema';

/** Words for the outreach closed lists, and the outreach API's own error codes. */

export const settingLabel = (s: OutreachSetting, t: TFunction) => t(`outreach.settings.${s}`);
export const ageBandLabel = (a: AgeBand, t: TFunction) => t(`outreach.ageBands.${a}`);
export const topicLabel = (x: OutreachTopic, t: TFunction) => t(`outreach.topics.${x}`);
export const kindLabel = (k: MaterialKind, t: TFunction) => t(`outreach.kinds.${k}`);

/** Languages offered for sessions and materials (BCP 47), each named in itself. */
export const OUTREACH_LANGUAGES: readonly { code: string; name: string }[] = [
  { code: 'th', name: 'ไทย' },
  { code: 'en', name: 'English' },
  { code: 'my', name: 'မြန်မာ' },
  { code: 'km', name: 'ខ្មែរ' },
  { code: 'lo', name: 'ລາວ' },
  { code: 'vi', name: 'Tiếng Việt' },
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'fil', name: 'Filipino' },
  { code: 'zh', name: '中文' },
  { code: 'bn', name: 'বাংলা' },
  { code: 'sw', name: 'Kiswahili' },
];

/** A language code's name (the code itself when it is not in the list). */
export function languageName(code: string): string {
  return OUTREACH_LANGUAGES.find((l) => l.code === code)?.name ?? code;
}

/** A score (share correct, 0 … 1) as a whole percentage in the UI language; a dash for none. */
export function formatScore(score: number | null, locale: string): string {
  if (score === null) {
    return '–';
  }
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(
    score,
  );
}

const OUTREACH_CODES = ['outreach_session_not_found', 'outreach_material_not_found'] as const;

/** What happened and what to do, with the outreach API's own codes worded for this feature. */
export function outreachErrorMessage(error: unknown, t: TFunction): string {
  for (const code of OUTREACH_CODES) {
    if (isApiError(error, code)) {
      return t(`outreach.errors.${code}`);
    }
  }
  return errorMessage(error, t);
}
