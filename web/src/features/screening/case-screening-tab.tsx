import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission, useMe } from '@web/features/auth/session';
import { interviewLangFor, type InterviewLang } from './screening.schema';
import { NEW_SCREENING } from './screening-paths';
import { ScreeningList } from './screening-list';
import { ScreeningStart } from './screening-start';
import { ScreeningView } from './screening-view';
// Mantine's radio styles, loaded with the screening (the only radios of the app today; see
// mantine-styles.ts for the components every page uses).
import '@mantine/core/styles/Radio.css';
import '@mantine/core/styles/RadioCard.css';
import '@mantine/core/styles/RadioIndicator.css';
import './screening.css';

/**
 * The screening tab of a case (`#/cases/:id/screening`): the case's screenings, starting one
 * (`…/screening/new`) and one screening (`…/screening/:sid`). The interview language is chosen
 * here and kept while the case is open (in memory only); it starts as the UI language.
 */
export function CaseScreeningTab(props: { caseId: string; screeningId: string | null }) {
  const { i18n } = useTranslation();
  const me = useMe();
  const [lang, setLang] = useState<InterviewLang>(() => interviewLangFor(i18n.language));
  const canWrite = hasPermission(me, 'screening.write');
  if (props.screeningId === NEW_SCREENING && canWrite) {
    return <ScreeningStart caseId={props.caseId} lang={lang} onLangChange={setLang} />;
  }
  if (props.screeningId && props.screeningId !== NEW_SCREENING) {
    return (
      <ScreeningView
        caseId={props.caseId}
        screeningId={props.screeningId}
        lang={lang}
        onLangChange={setLang}
      />
    );
  }
  return <ScreeningList caseId={props.caseId} canWrite={canWrite} />;
}
