import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatScore, settingLabel } from './outreach-labels';
import { OUTREACH_SETTINGS, type Dashboard } from './outreach.schema';

/** Colours of the four settings (the table under the chart holds the same numbers). */
const SETTING_COLOURS = ['indigo.7', 'teal.8', 'orange.8', 'grape.7'] as const;

/**
 * The dashboard's two charts: people reached per month, stacked by setting, and the mean score
 * before and after the sessions per month. Hidden from screen readers: the tables say the same.
 */
export function DashboardCharts({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const reach = dashboard.months.map((m) => ({
    month: m.month,
    ...Object.fromEntries(OUTREACH_SETTINGS.map((s) => [s, m.bySetting[s].people])),
  }));
  const knowledge = dashboard.months.map((m) => ({
    month: m.month,
    pre: m.knowledge.preScore,
    post: m.knowledge.postScore,
  }));
  return (
    <div aria-hidden="true">
      <Text fw={700} mb="xs">
        {t('outreach.dashboard.chartReach')}
      </Text>
      <BarChart
        h={220}
        data={reach}
        dataKey="month"
        type="stacked"
        // The tables say the same: no keyboard stop inside a picture hidden from screen readers.
        barChartProps={{ accessibilityLayer: false }}
        withLegend
        series={OUTREACH_SETTINGS.map((s, i) => ({
          name: s,
          label: settingLabel(s, t),
          color: SETTING_COLOURS[i]!,
        }))}
      />
      <Text fw={700} mt="md" mb="xs">
        {t('outreach.dashboard.chartKnowledge')}
      </Text>
      <LineChart
        h={220}
        data={knowledge}
        dataKey="month"
        withLegend
        connectNulls
        lineChartProps={{ accessibilityLayer: false }}
        yAxisProps={{ domain: [0, 1] }}
        valueFormatter={(value) => formatScore(value, i18n.language)}
        series={[
          { name: 'pre', label: t('outreach.phases.pre'), color: 'gray.7' },
          { name: 'post', label: t('outreach.phases.post'), color: 'indigo.7' },
        ]}
      />
    </div>
  );
}
