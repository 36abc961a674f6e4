import type { TFunction } from 'i18next';
import { isApiError } from '@web/lib/api';
import { errorMessage } from '@web/lib/errors';
import type { AgeBand, MaterialKind, OutreachSetting, OutreachTopic } from './outreach.schema';

/** Words for the outreach closed lists, and the outreach API's own error codes. */

export const settingLabel = (s: OutreachSetting, t: TFunction) => t(`outreach.settings.${s}`);
export const ageBandLabel = (a: AgeBand, t: TFunction) => t(`outreach.ageBands.${a}`);
export const topicLabel = (x: OutreachTopic, t: TFunction) => t(`outreach.topics.${x}`);
export const kindLabel = (k: MaterialKind, t: TFunction) => t(`outreach.kinds.${k}`);

/** Languages offered for sessions and materials (BCP 47). */
export const OUTREACH_LANGUAGE_CODES: readonly string[] = [
  'th',
  'en',
  'my',
  'km',
  'lo',
  'vi',
  'id',
  'fil',
  'zh',
  'bn',
  'sw',
];

/**
 * A language's name in the UI language ("Thai", "ภาษาไทย"), so it renders in the font already
 * loaded; the code itself when the browser has no name for it.
 */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** The language choices of a select, with `current` added when it is not in the list. */
export function languageOptions(locale: string, current?: string) {
  const codes =
    current && !OUTREACH_LANGUAGE_CODES.includes(current)
      ? [...OUTREACH_LANGUAGE_CODES, current]
      : OUTREACH_LANGUAGE_CODES;
  return codes.map((code) => ({ value: code, label: languageName(code, locale) }));
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
