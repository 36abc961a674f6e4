import { Anchor, Paper, Text, Title } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { StatusMessage } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { href } from '@web/lib/router';
import { listDue } from './nrm.api';
import { nrmErrorMessage } from './nrm-errors';

/** Home page card for supervisors: how many identification deadlines are overdue or due soon. */
export function NrmHomeCard() {
  const { t } = useTranslation();
  const due = useLoad(useCallback((signal: AbortSignal) => listDue(signal), []));
  const items = due.data?.items ?? [];
  const overdue = items.filter((item) => item.overdue).length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="home-nrm">
      <Title order={2} size="h3" mb="xs" id="home-nrm">
        {t('nrm.deadlines.homeTitle')}
      </Title>
      <StatusMessage
        status={due.error ? { tone: 'error', message: nrmErrorMessage(due.error, t) } : null}
      />
      {due.data && (
        <Text data-testid="home-nrm-summary">
          {t('nrm.deadlines.homeSummary', { overdue, upcoming: items.length - overdue })}
        </Text>
      )}
      <Anchor href={href('/nrm/deadlines')} className="hw-touch-link">
        {t('nrm.deadlines.homeLink')}
      </Anchor>
    </Paper>
  );
}
