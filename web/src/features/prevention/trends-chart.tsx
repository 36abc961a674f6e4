import { LineChart } from '@mantine/charts';
import '@mantine/charts/styles.css';
import { useTranslation } from 'react-i18next';
import type { Trend } from './adverts.schema';
import { useKeyLabel } from './trend-labels';

/** Colours with a dash pattern each, so series differ by more than colour. */
const STYLES: { color: string; strokeDasharray?: string }[] = [
  { color: 'indigo.7' },
  { color: 'orange.9', strokeDasharray: '6 3' },
  { color: 'teal.9', strokeDasharray: '2 2' },
  { color: 'grape.7', strokeDasharray: '10 4 2 4' },
  { color: 'red.9', strokeDasharray: '1 4' },
  { color: 'dark.6', strokeDasharray: '12 6' },
];

/**
 * Reports per month as lines (the busiest keys). The same numbers are in the table beside it,
 * so the chart is hidden from screen readers rather than described twice.
 */
export function TrendsChart({ trend, series }: { trend: Trend; series: Trend['series'] }) {
  const { t } = useTranslation();
  const label = useKeyLabel(trend.by);
  const data = trend.months.map((month, i) => ({
    month,
    ...Object.fromEntries(series.map((s, j) => [`s${j}`, s.counts[i] ?? 0])),
  }));
  return (
    <div aria-hidden="true" data-testid="trend-chart">
      <LineChart
        h={280}
        data={data}
        dataKey="month"
        withLegend
        legendProps={{ verticalAlign: 'bottom' }}
        yAxisLabel={t('adverts.trends.reports')}
        series={series.map((s, j) => ({
          name: `s${j}`,
          label: label(s.key),
          ...STYLES[j % STYLES.length]!,
        }))}
        curveType="linear"
        // Nothing in the hidden chart takes focus: the table is what keyboards and readers use.
        lineChartProps={{ accessibilityLayer: false }}
        withTooltip={false}
        yAxisProps={{ allowDecimals: false }}
      />
    </div>
  );
}
