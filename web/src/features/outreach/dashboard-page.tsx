import { Button, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadingText } from '@web/components/loading-text';
import { PageTitle } from '@web/components/page-title';
import { StatusMessage } from '@web/components/status-message';
import { useLoad } from '@web/features/cases/use-load';
import { formatNumber } from '@web/lib/format';
import { DashboardCharts } from './dashboard-charts';
import { getDashboard } from './outreach.api';
import {
  ageBandLabel,
  formatScore,
  outreachErrorMessage,
  settingLabel,
  topicLabel,
} from './outreach-labels';
import { AGE_BANDS, OUTREACH_SETTINGS, type Dashboard } from './outreach.schema';

/** The first day of the month 11 months ago, and today: the last 12 months. */
function defaultRange(): { from: string; to: string } {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 11, 1));
  return { from: from.toISOString().slice(0, 10), to: now.toISOString().slice(0, 10) };
}

/** A month `YYYY-MM` in words of the UI language ("Mar 2026"). */
function monthName(month: string, locale: string): string {
  const at = new Date(`${month}-01T00:00:00Z`);
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(at);
}

/** A plain table with a caption and a header row; the first cell of each row is its header. */
function NumbersTable(props: {
  caption: string;
  head: string[];
  rows: ReactNode[][];
  testId: string;
}) {
  return (
    // A wide table scrolls inside its own region on a phone; the page itself never scrolls sideways.
    <div
      role="region"
      aria-label={props.caption}
      tabIndex={0}
      style={{ overflowX: 'auto', maxWidth: '100%' }}
    >
      <Table data-testid={props.testId} withTableBorder striped>
        <caption>{props.caption}</caption>
        <Table.Thead>
          <Table.Tr>
            {props.head.map((h) => (
              <Table.Th key={h} scope="col">
                {h}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {props.rows.map((row, i) => (
            <Table.Tr key={i}>
              {row.map((cell, j) =>
                j === 0 ? (
                  <Table.Th key={j} scope="row">
                    {cell}
                  </Table.Th>
                ) : (
                  <Table.Td key={j}>{cell}</Table.Td>
                ),
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}

function DashboardTables({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const n = (x: number) => formatNumber(x, i18n.language);
  const pct = (x: number | null) => formatScore(x, i18n.language);
  const pre = t('outreach.phases.pre');
  const post = t('outreach.phases.post');
  return (
    <Stack gap="md">
      <NumbersTable
        testId="outreach-dashboard-months"
        caption={t('outreach.dashboard.byMonth')}
        head={[
          t('outreach.dashboard.month'),
          t('outreach.dashboard.sessions'),
          t('outreach.dashboard.people'),
          pre,
          post,
        ]}
        rows={d.months.map((m) => [
          monthName(m.month, i18n.language),
          n(m.sessions),
          n(m.people),
          pct(m.knowledge.preScore),
          pct(m.knowledge.postScore),
        ])}
      />
      <NumbersTable
        testId="outreach-dashboard-settings"
        caption={t('outreach.dashboard.bySetting')}
        head={[t('outreach.dashboard.month'), ...OUTREACH_SETTINGS.map((s) => settingLabel(s, t))]}
        rows={d.months.map((m) => [
          monthName(m.month, i18n.language),
          ...OUTREACH_SETTINGS.map((s) => n(m.bySetting[s].people)),
        ])}
      />
      <NumbersTable
        testId="outreach-dashboard-ages"
        caption={t('outreach.dashboard.byAgeBand')}
        head={[t('outreach.dashboard.month'), ...AGE_BANDS.map((a) => ageBandLabel(a, t))]}
        rows={d.months.map((m) => [
          monthName(m.month, i18n.language),
          ...AGE_BANDS.map((a) => n(m.byAgeBand[a].people)),
        ])}
      />
      <NumbersTable
        testId="outreach-dashboard-topics"
        caption={t('outreach.dashboard.byTopic')}
        head={[t('outreach.form.topics'), pre, post]}
        rows={d.topics.map((x) => [topicLabel(x.topic, t), pct(x.preScore), pct(x.postScore)])}
      />
    </Stack>
  );
}

/**
 * The outreach dashboard: reach (sessions and people per month, by setting and age band) and
 * knowledge change (mean score before and after, per month and topic), as charts and as tables
 * with the same numbers. Loaded on first visit with its charting library.
 */
export function OutreachDashboardPage() {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState(defaultRange);
  const [draft, setDraft] = useState(range);
  const loaded = useLoad(
    useCallback((signal: AbortSignal) => getDashboard(range, signal), [range]),
  );
  const d = loaded.data;
  const handleSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRange(draft);
  };
  return (
    <Stack gap="md" maw={960}>
      <PageTitle>{t('outreach.dashboard.title')}</PageTitle>
      <form onSubmit={handleSubmit} noValidate>
        <Group align="flex-end">
          <TextInput
            type="date"
            label={t('outreach.dashboard.from')}
            value={draft.from}
            onChange={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
          <TextInput
            type="date"
            label={t('outreach.dashboard.to')}
            value={draft.to}
            onChange={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
          <Button type="submit">{t('outreach.dashboard.show')}</Button>
        </Group>
      </form>
      <StatusMessage
        status={
          loaded.error ? { tone: 'error', message: outreachErrorMessage(loaded.error, t) } : null
        }
      />
      {loaded.loading && !d && <LoadingText />}
      {d && (
        <>
          <Text data-testid="outreach-dashboard-totals">
            {t('outreach.dashboard.totals', {
              sessions: formatNumber(d.totals.sessions, i18n.language),
              people: formatNumber(d.totals.people, i18n.language),
              pre: formatScore(d.totals.knowledge.preScore, i18n.language),
              post: formatScore(d.totals.knowledge.postScore, i18n.language),
            })}
          </Text>
          <Paper
            withBorder
            p="md"
            radius="md"
            component="section"
            aria-labelledby="outreach-charts"
          >
            <Title order={2} size="h3" id="outreach-charts" mb="sm">
              {t('outreach.dashboard.charts')}
            </Title>
            <Text size="sm" mb="sm">
              {t('outreach.dashboard.tableNote')}
            </Text>
            <DashboardCharts dashboard={d} />
          </Paper>
          <section aria-labelledby="outreach-tables">
            <Title order={2} size="h3" id="outreach-tables" mb="sm">
              {t('outreach.dashboard.tables')}
            </Title>
            <DashboardTables d={d} />
          </section>
        </>
      )}
    </Stack>
  );
}
