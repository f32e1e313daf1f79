import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BarChart, SERIES_COLOURS } from '../funding/bar-chart.tsx';
import type { MonthPoint } from './dashboard-queries.ts';
import { trendOf } from './search.ts';

/** The performance mark set when the key figures are first on screen (the dashboard journey reads it). */
export const FIGURES_MARK = 'socle:dashboard-figures';

/** Key figures as a list: each one its label, value, trend since the start of the school year and the list behind it. */
export function FigureList({ label, children }: { label: string; children: ReactNode }) {
  useEffect(() => {
    // Once per page load: the time from navigation start to the figures, measured by the page itself.
    if (performance.getEntriesByName(FIGURES_MARK).length === 0) performance.mark(FIGURES_MARK);
  }, []);
  return (
    <SimpleGrid
      component="ul"
      cols={{ base: 1, sm: 2, lg: 4 }}
      spacing="md"
      aria-label={label}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {children}
    </SimpleGrid>
  );
}

export function Figure({
  label,
  value,
  detail,
  trend,
  link,
}: {
  label: string;
  value: string;
  detail?: ReactNode;
  trend?: ReactNode;
  link?: ReactNode;
}) {
  return (
    <Paper component="li" withBorder p="md" data-figure={label}>
      <Stack gap={4}>
        <Text fw={600}>{label}</Text>
        <Text fz={28} fw={700} lh={1.2} data-figure-value="">
          {value}
        </Text>
        {detail ? <Text size="sm">{detail}</Text> : null}
        {trend}
        {link ? <Text size="sm">{link}</Text> : null}
      </Stack>
    </Paper>
  );
}

/** "▲ +12 since 1 Sept." — the direction in a symbol and a word, never in colour alone. */
export function Trend({
  value,
  reference,
  since,
  format,
}: {
  value: number;
  reference: number | null;
  since: string;
  format: (n: number) => string;
}) {
  const { t } = useTranslation();
  const trend = trendOf(value, reference);
  if (!trend) return <Text size="sm">{t('dashboard.trend.unknown')}</Text>;
  const symbol = { up: '▲', down: '▼', same: '=' }[trend.direction];
  const amount = trend.direction === 'down' ? `−${format(-trend.delta)}` : `+${format(trend.delta)}`;
  return (
    <Text size="sm">
      <span aria-hidden="true">{symbol} </span>
      {trend.direction === 'same'
        ? t('dashboard.trend.same', { since })
        : t(`dashboard.trend.${trend.direction}`, { amount, since })}
    </Text>
  );
}

/** A monthly series of the school year, drawn by the funding pages' SVG bar chart with its data table. */
export function MonthChart({
  caption,
  series,
  label,
}: {
  caption: string;
  series: readonly MonthPoint[];
  label: string;
}) {
  const { t, i18n } = useTranslation();
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', { month: 'short', year: 'numeric' }).format(
      new Date(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1),
    );
  return (
    <BarChart
      caption={caption}
      rowHeader={t('dashboard.charts.month')}
      series={[{ key: 'value', label, colour: SERIES_COLOURS[0] as string }]}
      rows={series.map((p) => ({ key: p.month, label: monthName(p.month), values: { value: p.value } }))}
      format={(n) => new Intl.NumberFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR').format(n)}
    />
  );
}
