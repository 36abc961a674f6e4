import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { ResponsiveTable, type Column } from '@web/components/responsive-table';
import { StatusMessage } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { formatDate } from '@web/lib/format';
import { href } from '@web/lib/router';
import { DueBadge, UnverifiedBadge } from './due-badge';
import { listDue } from './nrm.api';
import { dueState } from './nrm-due';
import { nrmErrorMessage } from './nrm-errors';
import type { DueItem } from './nrm.schema';
import { stepLabel } from './step-labels';

function DueCell({ item, now }: { item: DueItem; now: Date }) {
  const { i18n } = useTranslation();
  const timing = { ...item, startedAt: item.dueAt, startsOn: null, closedAt: null };
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm">{formatDate(item.dueOn, i18n.language)}</Text>
      <DueBadge state={dueState(timing, now)} />
      {item.status === 'unverified' && <UnverifiedBadge />}
    </Stack>
  );
}

function DueTable(props: { items: DueItem[]; empty: string; testId: string; now: Date }) {
  const { t } = useTranslation();
  if (props.items.length === 0) {
    return <Text data-testid={props.testId}>{props.empty}</Text>;
  }
  const columns: Column<DueItem>[] = [
    {
      key: 'case',
      label: t('nrm.deadlines.case'),
      render: (item) => (
        <Anchor href={href(`/cases/${item.caseId}/journey`)} className="hw-touch-link">
          {item.caseNumber}
        </Anchor>
      ),
    },
    { key: 'step', label: t('nrm.deadlines.step'), render: (item) => stepLabel(item.step, t) },
    {
      key: 'due',
      label: t('nrm.deadlines.dueDate'),
      render: (item) => <DueCell item={item} now={props.now} />,
    },
  ];
  return (
    <ResponsiveTable
      items={props.items}
      columns={columns}
      rowKey={(item) => `${item.referralId}/${item.step}`}
      testId={props.testId}
      rowTestId="nrm-due-row"
    />
  );
}

function DueSection(props: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={props.id}>
      <Title order={2} size="h3" mb="sm" id={props.id}>
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}

/** "Identification deadlines": the NRM deadlines overdue and due soon on the caller's cases. */
export function DeadlinesPage() {
  const { t } = useTranslation();
  const due = useLoad(useCallback((signal: AbortSignal) => listDue(signal), []));
  const now = new Date();
  const items = due.data?.items ?? [];
  const days = due.data?.upcomingDays ?? 0;
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t('nrm.deadlines.title')}</PageTitle>
      {due.loading && !due.data && <LoadingText />}
      <StatusMessage
        status={due.error ? { tone: 'error', message: nrmErrorMessage(due.error, t) } : null}
      />
      {due.data && (
        <>
          <Text>{t('nrm.deadlines.intro', { count: days })}</Text>
          <DueSection id="nrm-overdue" title={t('nrm.deadlines.overdue')}>
            <DueTable
              items={items.filter((item) => item.overdue)}
              empty={t('nrm.deadlines.noneOverdue')}
              testId="nrm-overdue"
              now={now}
            />
          </DueSection>
          <DueSection id="nrm-upcoming" title={t('nrm.deadlines.upcoming')}>
            <DueTable
              items={items.filter((item) => !item.overdue)}
              empty={t('nrm.deadlines.noneUpcoming', { count: days })}
              testId="nrm-upcoming"
              now={now}
            />
          </DueSection>
        </>
      )}
    </Stack>
  );
}
