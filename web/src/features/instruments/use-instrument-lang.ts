import { useTranslation } from 'react-i18next';
import { INSTRUMENT_LANGS, type InstrumentLang } from './instruments.schema';

/** The UI language as an instrument language (the same eight codes; English otherwise). */
export function useInstrumentLang(): InstrumentLang {
  const { i18n } = useTranslation();
  const lang = i18n.language as InstrumentLang;
  return INSTRUMENT_LANGS.includes(lang) ? lang : 'en';
}
