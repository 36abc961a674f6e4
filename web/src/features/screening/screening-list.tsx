import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { StatusMessage } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { errorMessage } from '@web/lib/errors';
import { formatDate } from '@web/lib/format';
import { href, navigate } from '@web/lib/router';
import { listInstruments, listScreenings } from './screening.api';
import { interviewLangFor, type InstrumentView, type ScreeningSummary } from './screening.schema';
import { FindingBadge, StatusBadge } from './screening-labels';
import { NEW_SCREENING, screeningPath } from './screening-paths';

function ScreeningItem(props: {
  caseId: string;
  screening: ScreeningSummary;
  title: string | undefined;
}) {
  const { t, i18n } = useTranslation();
  const { screening } = props;
  const open = screening.status === 'in_progress' ? 'continue' : 'view';
  return (
    <Paper component="li" withBorder p="sm" radius="md" data-testid="screening-item">
      <Text fw={700} className="hw-break">
        {props.title ?? screening.instrumentId}
      </Text>
      <Text size="sm">
        {t('screening.list.versionDate', {
          version: screening.instrumentVersion,
          date: formatDate(screening.createdAt, i18n.language),
        })}
      </Text>
      <Group gap="xs" my={6}>
        <StatusBadge status={screening.status} />
        {screening.finding ? (
          <FindingBadge finding={screening.finding} />
        ) : (
          <Text size="sm">{t('screening.list.noFinding')}</Text>
        )}
      </Group>
      <Anchor href={href(screeningPath(props.caseId, screening.id))} className="hw-touch-link">
        {t(`screening.list.${open}`)}
      </Anchor>
    </Paper>
  );
}

/** The screenings of a case, newest first, and the way to start one. */
export function ScreeningList({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = interviewLangFor(i18n.language);
  const fetcher = useCallback(
    (signal: AbortSignal) =>
      Promise.all([listScreenings(caseId, signal), listInstruments(lang, signal)]),
    [caseId, lang],
  );
  const loaded = useLoad(fetcher);
  const [screenings, instruments] = loaded.data ?? [null, null];
  const titleOf = (id: string) =>
    instruments?.items.find((item: InstrumentView) => item.id === id)?.title;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="screening-heading">
      <Title order={2} className="hw-h2" id="screening-heading">
        {t('screening.title')}
      </Title>
      <Stack gap="md">
        <Text>{t('screening.intro')}</Text>
        {canWrite && (
          <Group>
            <Button onClick={() => navigate(screeningPath(caseId, NEW_SCREENING))}>
              {t('screening.start')}
            </Button>
          </Group>
        )}
        {loaded.loading && <LoadingText />}
        <StatusMessage
          status={loaded.error ? { tone: 'error', message: errorMessage(loaded.error, t) } : null}
        />
        {screenings?.items.length === 0 && <Text>{t('screening.list.empty')}</Text>}
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {screenings?.items.map((screening) => (
            <ScreeningItem
              key={screening.id}
              caseId={caseId}
              screening={screening}
              title={titleOf(screening.instrumentId)}
            />
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}
