import { Anchor, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { errorMessage } from '@web/lib/errors';
import { href } from '@web/lib/router';
import { loadScriptFont } from '@web/lib/script-fonts';
import { getInstrument, getScreening } from './screening.api';
import { INTERVIEW_LANGS, type InterviewLang } from './screening.schema';
import { KeyTitlesProvider, StatusBadge } from './screening-labels';
import { screeningPath } from './screening-paths';
import { InterviewFlow } from './interview-flow';
import { ScreeningReport } from './screening-report';
import { ScreeningResult } from './screening-result';
import { ScreeningReview } from './screening-review';

/**
 * The screening, and the version of the instrument it was begun on in the interview language:
 * a new language fetches the instrument again and leaves the interview (and its saves) alone.
 */
function useScreeningData(caseId: string, screeningId: string, lang: InterviewLang) {
  const screeningFetcher = useCallback(
    (signal: AbortSignal) => getScreening(caseId, screeningId, signal),
    [caseId, screeningId],
  );
  const screening = useLoad(screeningFetcher);
  const id = screening.data?.instrumentId;
  const version = screening.data?.instrumentVersion;
  const instrumentFetcher = useCallback(
    (signal: AbortSignal) =>
      id !== undefined && version !== undefined
        ? getInstrument({ id, version }, lang, signal)
        : Promise.resolve(null),
    [id, version, lang],
  );
  const instrument = useLoad(instrumentFetcher);
  const data =
    screening.data && instrument.data
      ? { screening: screening.data, instrument: instrument.data }
      : null;
  return {
    data,
    loading: screening.loading || instrument.loading,
    error: screening.error ?? instrument.error,
    reload: screening.reload,
  };
}

function Header(props: {
  caseId: string;
  title: string | null;
  lang: InterviewLang;
  onLangChange: (lang: InterviewLang) => void;
  status?: Parameters<typeof StatusBadge>[0]['status'];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Anchor href={href(screeningPath(props.caseId))} className="hw-touch-link" size="sm">
        {t('screening.backToList')}
      </Anchor>
      {props.title && (
        <Group gap="xs">
          <Text fw={700} lang={props.lang} className="hw-name" data-testid="screening-instrument">
            {props.title}
          </Text>
          {props.status && <StatusBadge status={props.status} />}
        </Group>
      )}
      <NativeSelect
        label={t('screening.interviewLanguage')}
        value={props.lang}
        onChange={(event) => props.onLangChange(event.currentTarget.value as InterviewLang)}
        data={INTERVIEW_LANGS.map((value) => ({ value, label: t(`screening.languages.${value}`) }))}
        maw={240}
      />
    </Stack>
  );
}

/** One screening: the interview while in progress, the explained result once complete. */
export function ScreeningView(props: {
  caseId: string;
  screeningId: string;
  lang: InterviewLang;
  onLangChange: (lang: InterviewLang) => void;
}) {
  const { t } = useTranslation();
  const { caseId, screeningId, lang } = props;
  const loaded = useScreeningData(caseId, screeningId, lang);
  useEffect(() => {
    if (lang === 'th') {
      loadScriptFont('Thai');
    }
  }, [lang]);
  const data = loaded.data;
  const reload = () => void loaded.reload();
  return (
    <Stack gap="md">
      <Header
        caseId={caseId}
        title={data?.instrument.title ?? null}
        status={data?.screening.status}
        lang={lang}
        onLangChange={props.onLangChange}
      />
      {loaded.loading && !data && <LoadingText />}
      <StatusMessage
        status={loaded.error ? { tone: 'error', message: errorMessage(loaded.error, t) } : null}
      />
      {data && (
        <KeyTitlesProvider instrument={data.instrument}>
          {data.screening.status === 'in_progress' && (
            <InterviewFlow
              key={data.screening.version}
              caseId={caseId}
              screening={data.screening}
              instrument={data.instrument}
              lang={lang}
              onReload={reload}
            />
          )}
          {data.screening.status !== 'in_progress' && (
            <>
              <ScreeningResult
                screening={data.screening}
                instrument={data.instrument}
                lang={lang}
              />
              <ScreeningReview caseId={caseId} screening={data.screening} onChanged={reload} />
              <ScreeningReport caseId={caseId} screening={data.screening} />
            </>
          )}
        </KeyTitlesProvider>
      )}
    </Stack>
  );
}
