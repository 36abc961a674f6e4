import { NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { Component, lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { useNameFonts } from '@web/lib/script-fonts';
import '@web/features/cases/cases.css';
import { advertErrorMessage } from './advert-labels';
import { getTrends } from './adverts.api';
import { TREND_DIMENSIONS, type Trend } from './adverts.schema';
import { PreventionNav } from './prevention-nav';
import { useKeyLabel } from './trend-labels';

// The chart library is the heaviest part of the page: the table shows while it loads.
const TrendsChart = lazy(() =>
  import('./trends-chart').then((module) => ({ default: module.TrendsChart })),
);

/**
 * A chart that fails to draw (or whose chunk fails to load on a weak link) leaves the page with
 * its table, which has the same numbers, instead of taking the page down. React catches render
 * errors only in a class component.
 */
class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}

/** The series shown (busiest first); the rest are in the table only. */
const CHART_SERIES = 6;

function TrendTable({ trend }: { trend: Trend }) {
  const { t } = useTranslation();
  const label = useKeyLabel(trend.by);
  return (
    <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-labelledby="trend-table">
      <Table withTableBorder striped captionSide="top" data-testid="trend-table">
        <caption id="trend-table">{t('adverts.trends.tableCaption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`adverts.trends.by.${trend.by}`)}</Table.Th>
            {trend.months.map((m) => (
              <Table.Th scope="col" key={m}>
                {m}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trend.series.map((s) => (
            <Table.Tr key={s.key ?? ''}>
              <Table.Th scope="row" className="hw-name">
                {label(s.key)}
              </Table.Th>
              {s.counts.map((n, i) => (
                <Table.Td key={trend.months[i]}>{n}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

/** "Trends": reports per month by channel, destination or job title, as a chart and a table. */
export function TrendsPage() {
  const { t } = useTranslation();
  const [by, setBy] = useState<Trend['by']>('channel');
  const loaded = useLoad(useCallback((signal: AbortSignal) => getTrends(by, signal), [by]));
  const trend = loaded.data;
  useNameFonts(trend?.series.map((s) => s.key) ?? []);
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle>{t('adverts.trends.title')}</PageTitle>
      <PreventionNav current="/prevention/trends" />
      <Text>{t('adverts.trends.intro')}</Text>
      <NativeSelect
        label={t('adverts.trends.byLabel')}
        value={by}
        onChange={(event) => setBy(event.currentTarget.value as Trend['by'])}
        data={TREND_DIMENSIONS.map((d) => ({ value: d, label: t(`adverts.trends.by.${d}`) }))}
        maw={320}
      />
      {loaded.loading && !trend && <LoadingText />}
      <StatusMessage
        status={
          loaded.error ? { tone: 'error', message: advertErrorMessage(loaded.error, t) } : null
        }
      />
      {trend &&
        (trend.series.length === 0 ? (
          <Text>{t('adverts.trends.empty')}</Text>
        ) : (
          <>
            <Title order={2} size="h3">
              {t('adverts.trends.chartTitle')}
            </Title>
            <ChartBoundary>
              <Suspense fallback={<LoadingText />}>
                <TrendsChart trend={trend} series={trend.series.slice(0, CHART_SERIES)} />
              </Suspense>
            </ChartBoundary>
            <Title order={2} size="h3">
              {t('adverts.trends.tableTitle')}
            </Title>
            <TrendTable trend={trend} />
          </>
        ))}
    </Stack>
  );
}
