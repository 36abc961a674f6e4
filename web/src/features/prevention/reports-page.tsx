import { Anchor, Badge, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ListFooter } from '@web/components/list-footer';
import { PageTitle } from '@web/components/page-title';
import { ResponsiveTable, type Column } from '@web/components/responsive-table';
import { StatusMessage } from '@web/components/status-message';
import { countryName, countryOptions } from '@web/features/cases/countries';
import { formatDate } from '@web/lib/format';
import { href, usePath } from '@web/lib/router';
import { useNameFonts } from '@web/lib/script-fonts';
import { useCursorList } from '@web/lib/use-cursor-list';
import { advertErrorMessage, channelLabel, statusLabel } from './advert-labels';
import { listReports, type ReportFilters } from './adverts.api';
import { ADVERT_REPORT_STATUSES, JOB_CHANNELS, type AdvertReportSummary } from './adverts.schema';
import { PreventionNav } from './prevention-nav';
import '@web/features/cases/cases.css';
import { ReportDetail } from './report-detail';

const NO_FILTERS: ReportFilters = { status: '', country: '', channel: '' };

function Filters(props: { value: ReportFilters; onChange: (next: ReportFilters) => void }) {
  const { t, i18n } = useTranslation();
  const set = (key: keyof ReportFilters) => (event: { currentTarget: { value: string } }) =>
    props.onChange({ ...props.value, [key]: event.currentTarget.value });
  const any = { value: '', label: t('adverts.filters.any') };
  return (
    <Group
      gap="sm"
      align="flex-end"
      wrap="wrap"
      role="search"
      aria-label={t('adverts.filters.label')}
    >
      <NativeSelect
        label={t('adverts.fields.status')}
        value={props.value.status}
        onChange={set('status')}
        data={[any, ...ADVERT_REPORT_STATUSES.map((s) => ({ value: s, label: statusLabel(s, t) }))]}
        data-testid="adverts-filter-status"
      />
      <NativeSelect
        label={t('adverts.fields.country')}
        value={props.value.country}
        onChange={set('country')}
        data={[any, ...countryOptions(i18n.language)]}
      />
      <NativeSelect
        label={t('adverts.fields.channel')}
        value={props.value.channel}
        onChange={set('channel')}
        data={[any, ...JOB_CHANNELS.map((c) => ({ value: c, label: channelLabel(c, t) }))]}
      />
    </Group>
  );
}

function useColumns(): Column<AdvertReportSummary>[] {
  const { t, i18n } = useTranslation();
  return [
    {
      key: 'received',
      label: t('adverts.fields.received'),
      render: (r) => (
        <Anchor href={href(`/prevention/reports/${r.id}`)} className="hw-touch-link">
          {formatDate(r.receivedOn, i18n.language)}
        </Anchor>
      ),
    },
    {
      key: 'title',
      label: t('adverts.fields.title'),
      render: (r) => <span className="hw-name">{r.title ?? t('adverts.notGiven')}</span>,
    },
    {
      key: 'destination',
      label: t('adverts.fields.destination'),
      render: (r) =>
        r.destination ? countryName(r.destination, i18n.language) : t('adverts.notGiven'),
    },
    {
      key: 'channel',
      label: t('adverts.fields.channel'),
      render: (r) => channelLabel(r.channel, t),
    },
    {
      key: 'status',
      label: t('adverts.fields.status'),
      render: (r) => (
        <Badge variant="outline" color="dark">
          {statusLabel(r.status, t)}
        </Badge>
      ),
    },
    {
      key: 'indicators',
      label: t('adverts.fields.contacts'),
      render: (r) => String(r.indicatorCount),
    },
  ];
}

function ReportList() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState(NO_FILTERS);
  const fetchPage = useCallback(
    (cursor: string | null, signal: AbortSignal) => listReports(filters, cursor, signal),
    [filters],
  );
  const list = useCursorList(fetchPage);
  // Titles are in any script: their fonts load once they are on screen.
  useNameFonts(list.items.map((r) => r.title));
  const columns = useColumns();
  return (
    <Stack gap="md" maw={1100}>
      <PageTitle>{t('adverts.reports.title')}</PageTitle>
      <PreventionNav current="/prevention/reports" />
      <Text>{t('adverts.reports.intro')}</Text>
      <Filters value={filters} onChange={setFilters} />
      <StatusMessage
        status={list.error ? { tone: 'error', message: advertErrorMessage(list.error, t) } : null}
      />
      {!list.loading && list.items.length === 0 && !list.error ? (
        <Text data-testid="adverts-empty">{t('adverts.reports.empty')}</Text>
      ) : (
        <ResponsiveTable
          items={list.items}
          columns={columns}
          rowKey={(r) => r.id}
          testId="adverts-list"
          rowTestId="adverts-row"
        />
      )}
      <ListFooter list={list} />
    </Stack>
  );
}

/** `#/prevention/reports` (the list) and `#/prevention/reports/:id` (one report). */
export function ReportsPage() {
  const path = usePath();
  const id = /^\/prevention\/reports\/([A-Za-z0-9-]{1,64})$/.exec(path)?.[1];
  return id ? <ReportDetail id={id} /> : <ReportList />;
}
