import { Anchor, Button, Group, Paper, Radio, Stack, Text, Title } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage, type Status } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { errorMessage } from '@web/lib/errors';
import { href, navigate } from '@web/lib/router';
import { createScreening, listInstruments } from './screening.api';
import { INTERVIEW_LANGS, type InstrumentView, type InterviewLang } from './screening.schema';
import { InstrumentNotes } from './instrument-notes';
import { screeningPath } from './screening-paths';

function LanguageChoice(props: { value: InterviewLang; onChange: (lang: InterviewLang) => void }) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('screening.startPage.language')}
      description={t('screening.startPage.languageHelp')}
      value={props.value}
      onChange={(value) => props.onChange(value)}
    >
      <Group gap="lg" mt={6}>
        {INTERVIEW_LANGS.map((lang) => (
          <Radio key={lang} value={lang} label={t(`screening.languages.${lang}`)} size="md" />
        ))}
      </Group>
    </Radio.Group>
  );
}

function InstrumentCard({ instrument, lang }: { instrument: InstrumentView; lang: string }) {
  const { t } = useTranslation();
  return (
    <Radio.Card
      value={instrument.id}
      radius="md"
      p="sm"
      className="hw-choice-card"
      data-testid="instrument-choice"
    >
      <Group wrap="nowrap" align="flex-start" gap="sm">
        <Radio.Indicator mt={4} />
        <Stack gap={4} lang={lang} className="hw-name">
          <Text fw={700}>{instrument.title}</Text>
          <Text size="sm">{t('screening.versionLabel', { version: instrument.version })}</Text>
          <InstrumentNotes instrument={instrument} />
        </Stack>
      </Group>
    </Radio.Card>
  );
}

/** Choosing the instrument and the interview language; starts an interview in progress. */
export function ScreeningStart(props: {
  caseId: string;
  lang: InterviewLang;
  onLangChange: (lang: InterviewLang) => void;
}) {
  const { t } = useTranslation();
  const { caseId, lang } = props;
  const fetcher = useCallback((signal: AbortSignal) => listInstruments(lang, signal), [lang]);
  const loaded = useLoad(fetcher);
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);
  const instruments = loaded.data?.items ?? [];

  const handleStart = async () => {
    const instrument = instruments.find((item) => item.id === chosen);
    if (!instrument) {
      setStatus({ tone: 'error', message: t('screening.startPage.chooseError') });
      return;
    }
    setBusy(true);
    setStatus(null);
    try {
      const created = await createScreening(caseId, {
        instrumentId: instrument.id,
        instrumentVersion: instrument.version,
        status: 'in_progress',
        answers: [],
      });
      navigate(screeningPath(caseId, created.id), { replace: true });
    } catch (caught: unknown) {
      setStatus({ tone: 'error', message: errorMessage(caught, t) });
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="start-heading">
      <Title order={2} className="hw-h2" id="start-heading">
        {t('screening.startPage.title')}
      </Title>
      <Stack gap="md">
        <LanguageChoice value={lang} onChange={props.onLangChange} />
        {loaded.loading && <LoadingText />}
        <StatusMessage
          status={loaded.error ? { tone: 'error', message: errorMessage(loaded.error, t) } : null}
        />
        <Radio.Group
          label={t('screening.startPage.instrument')}
          value={chosen}
          onChange={setChosen}
        >
          <Stack gap="sm" mt={6}>
            {instruments.map((instrument) => (
              <InstrumentCard key={instrument.id} instrument={instrument} lang={lang} />
            ))}
          </Stack>
        </Radio.Group>
        <StatusMessage status={status} />
        <Group>
          <Button onClick={() => void handleStart()} loading={busy}>
            {t('screening.startPage.begin')}
          </Button>
          <Anchor href={href(screeningPath(caseId))} className="hw-touch-link">
            {t('common.cancel')}
          </Anchor>
        </Group>
      </Stack>
    </Paper>
  );
}
