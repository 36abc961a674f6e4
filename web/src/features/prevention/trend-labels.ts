import { useTranslation } from 'react-i18next';
import { countryName } from '@web/features/cases/countries';
import { channelLabel } from './advert-labels';
import type { JobChannel, Trend } from './adverts.schema';

/** The name of a trend's key in the UI language. */
export function useKeyLabel(by: Trend['by']): (key: string | null) => string {
  const { t, i18n } = useTranslation();
  return (key) => {
    if (key === null) {
      return t('adverts.notGiven');
    }
    if (by === 'channel') {
      return channelLabel(key as JobChannel, t);
    }
    return by === 'destination' ? countryName(key, i18n.language) : key;
  };
}
