import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { ResponsiveTable, type Column } from '@web/components/responsive-table';
import { StatusMessage } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { formatDate } from '@web/lib/format';
import { href } from '@web/lib/router';
import { advertErrorMessage, indicatorText, kindLabel } from './advert-labels';
import { listIndicatorGroups } from './adverts.api';
import type { IndicatorGroup } from './adverts.schema';
import { PreventionNav } from './prevention-nav';

/** How many of a group's reports are linked from its row; the rest are counted. */
const LINKED_REPORTS = 5;

function ReportLinks({ group }: { group: IndicatorGroup }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      {group.reportIds.slice(0, LINKED_REPORTS).map((id, index) => (
        <Anchor key={id} href={href(`/prevention/reports/${id}`)} className="hw-touch-link">
          {t('adverts.indicators.reportLink', { n: index + 1 })}
        </Anchor>
      ))}
    </Group>
  );
}

/** "Shared contacts": phones, links and handles in two or more visible reports. */
export function IndicatorsPage() {
  const { t, i18n } = useTranslation();
  const loaded = useLoad(useCallback((signal: AbortSignal) => listIndicatorGroups(signal), []));
  const columns: Column<IndicatorGroup>[] = [
    { key: 'kind', label: t('adverts.indicators.kind'), render: (g) => kindLabel(g.kind, t) },
    {
      key: 'value',
      label: t('adverts.indicators.value'),
      render: (g) => <Text style={{ overflowWrap: 'anywhere' }}>{indicatorText(g.value)}</Text>,
    },
    { key: 'reports', label: t('adverts.indicators.reports'), render: (g) => String(g.reports) },
    {
      key: 'seen',
      label: t('adverts.indicators.seen'),
      render: (g) =>
        t('adverts.indicators.seenRange', {
          first: formatDate(g.firstSeen, i18n.language),
          last: formatDate(g.lastSeen, i18n.language),
        }),
    },
    { key: 'links', label: t('adverts.indicators.open'), render: (g) => <ReportLinks group={g} /> },
  ];
  const items = loaded.data?.items ?? [];
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle>{t('adverts.indicators.title')}</PageTitle>
      <PreventionNav current="/prevention/indicators" />
      <Text>{t('adverts.indicators.intro')}</Text>
      {loaded.loading && !loaded.data && <LoadingText />}
      <StatusMessage
        status={
          loaded.error ? { tone: 'error', message: advertErrorMessage(loaded.error, t) } : null
        }
      />
      {loaded.data &&
        (items.length === 0 ? (
          <Text>{t('adverts.indicators.empty')}</Text>
        ) : (
          <ResponsiveTable
            items={items}
            columns={columns}
            rowKey={(g) => `${g.kind}:${g.value}`}
            testId="advert-groups"
            rowTestId="advert-group"
          />
        ))}
    </Stack>
  );
}
