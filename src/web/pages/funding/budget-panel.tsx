import { List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { errorMessage } from '../../errors.ts';
import { formatMoney, formatNumber } from '../../format.ts';
import { BarChart, type ChartRow, type ChartSeries, SERIES_COLOURS } from './bar-chart.tsx';
import { type Budget, budgetQuery, type Shares, sharesQuery } from './funding-queries.ts';
import { formatRate, WordBadge } from './labels.tsx';

/**
 * The budget of a programme (planned vs ordered vs invoiced vs paid vs
 * eligible vs claimed vs received, as far as the server reports them), per
 * cost item, funder and school, each drawn as bars above its data table; and
 * the shares: what each funder grants, what the owner keeps, the own-share check.
 */

/** The amounts the budget may report, in the order of the money's path. */
const AMOUNTS = [
  'plannedCents',
  'orderedCents',
  'invoicedCents',
  'paidCents',
  'eligibleCents',
  'claimedCents',
  'acceptedCents',
  'receivedCents',
] as const;

type Amounts = Readonly<Record<string, unknown>>;

function seriesOf(t: (key: string) => string, sample: Amounts, keys: readonly string[] = AMOUNTS): ChartSeries[] {
  return keys
    .filter((key) => typeof sample[key] === 'number')
    .map((key, i) => ({
      key,
      label: t(`funding.budget.amounts.${key}`),
      colour: SERIES_COLOURS[i % SERIES_COLOURS.length] as string,
    }));
}

function valuesOf(row: Amounts, series: readonly ChartSeries[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of series) {
    const value = row[s.key];
    out[s.key] = typeof value === 'number' ? value : 0;
  }
  return out;
}

export function BudgetPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const budget = useQuery(budgetQuery(programmeId));
  const shares = useQuery(sharesQuery(programmeId));
  return (
    <Stack gap="lg">
      <Panel title={t('funding.budget.title')}>
        {budget.isError ? <FormAlert kind="error">{errorMessage(t, budget.error)}</FormAlert> : null}
        {budget.data ? <BudgetView programmeId={programmeId} budget={budget.data} /> : null}
        {budget.isPending ? <Text>{t('common.loading')}</Text> : null}
      </Panel>
      <Panel title={t('funding.shares.title')}>
        {shares.isError ? <FormAlert kind="error">{errorMessage(t, shares.error)}</FormAlert> : null}
        {shares.data ? <SharesView shares={shares.data} /> : null}
        {shares.isPending ? <Text>{t('common.loading')}</Text> : null}
      </Panel>
    </Stack>
  );
}

function BudgetView({ programmeId, budget }: { programmeId: string; budget: Budget }) {
  const { t } = useTranslation();
  const totals = budget.totals as Amounts;
  const series = seriesOf(t, totals);
  const costSeries = seriesOf(t, (budget.costItems[0] ?? totals) as Amounts);
  const costRows: ChartRow[] = budget.costItems.map((c) => ({
    key: c.costItemId,
    label: `${c.code} — ${c.label}`,
    header: (
      <AnchorLink to="/funding/programmes/$id/lines" params={{ id: programmeId }} search={{ costItemId: c.costItemId }}>
        {`${c.code} — ${c.label}`}
        <Text span size="xs" fw={400} display="block">
          {t('funding.budget.lines', { count: c.lines })}
        </Text>
      </AnchorLink>
    ),
    values: valuesOf(c as Amounts, costSeries),
  }));
  const fundersSeries = seriesOf(t, (budget.funders[0] ?? {}) as Amounts, [
    'aidCents',
    'paidSharesCents',
    'claimedCents',
    'acceptedCents',
    'receivedCents',
  ]);
  const funderRows: ChartRow[] = [
    ...budget.funders.map((f) => ({
      key: f.conventionId,
      label: f.funderName,
      values: valuesOf(f as Amounts, fundersSeries),
    })),
    {
      key: 'owner',
      label: t('funding.shares.owner'),
      values: { aidCents: budget.owner.cents, paidSharesCents: budget.owner.paidSharesCents },
    },
  ];
  const schoolSeries = seriesOf(t, (budget.schools[0] ?? {}) as Amounts);
  const schoolRows: ChartRow[] = budget.schools.map((s) => ({
    key: s.schoolId ?? 'none',
    label: s.name ? `${s.name}${s.uai ? ` (${s.uai})` : ''}` : t('funding.budget.noSchool'),
    values: valuesOf(s as Amounts, schoolSeries),
  }));
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
        {series.map((s) => (
          <Stack gap={0} key={s.key}>
            <Text size="sm">{s.label}</Text>
            <Text fw={700} size="lg" data-testid={`budget-total-${s.key}`}>
              {formatMoney(totals[s.key] as number)}
            </Text>
          </Stack>
        ))}
        <Stack gap={0}>
          <Text size="sm">{t('funding.budget.lineCount')}</Text>
          <Text fw={700} size="lg">
            {formatNumber(budget.totals.lines)}
          </Text>
        </Stack>
      </SimpleGrid>
      <BarChart
        caption={t('funding.budget.byCostItem')}
        rowHeader={t('funding.costItems.item')}
        series={costSeries}
        rows={costRows}
        format={formatMoney}
        footer={{ key: 'total', label: t('funding.budget.total'), values: valuesOf(totals, costSeries) }}
      />
      {budget.unassignedOrderedCents > 0 ? (
        <Text size="sm">
          {t('funding.budget.unassignedOrdered', { amount: formatMoney(budget.unassignedOrderedCents) })}
        </Text>
      ) : null}
      {budget.funders.length > 0 ? (
        <BarChart
          caption={t('funding.budget.byFunder')}
          rowHeader={t('funding.conventions.funder')}
          series={fundersSeries}
          rows={funderRows}
          format={formatMoney}
        />
      ) : null}
      {budget.timeline.length > 0 ? <OverTime timeline={budget.timeline} /> : null}
      {schoolRows.length > 0 ? (
        <BarChart
          caption={t('funding.budget.bySchool')}
          rowHeader={t('funding.budget.school')}
          series={schoolSeries}
          rows={schoolRows}
          format={formatMoney}
          chart={schoolRows.length <= 12}
        />
      ) : null}
    </Stack>
  );
}

/** The money's path over time, by quarter (the server reports months; the table keeps every quarter). */
function OverTime({ timeline }: { timeline: Budget['timeline'] }) {
  const { t } = useTranslation();
  const byQuarter = new Map<string, Record<string, number>>();
  for (const month of timeline) {
    const [year, m] = month.month.split('-');
    const key = `${year}-T${Math.floor((Number(m) - 1) / 3) + 1}`;
    const row = byQuarter.get(key) ?? {};
    for (const [k, v] of Object.entries(month)) if (typeof v === 'number') row[k] = (row[k] ?? 0) + v;
    byQuarter.set(key, row);
  }
  const first = timeline[0] as unknown as Amounts;
  const series = seriesOf(t, first);
  const rows = [...byQuarter].map(([key, values]) => {
    const [year, quarter] = key.split('-T');
    return { key, label: t('funding.budget.quarter', { year, quarter }), values: valuesOf(values, series) };
  });
  return (
    <BarChart
      caption={t('funding.budget.overTime')}
      rowHeader={t('funding.budget.period')}
      series={series}
      rows={rows}
      format={formatMoney}
      chart={rows.length <= 24}
    />
  );
}

function SharesView({ shares }: { shares: Shares }) {
  const { t } = useTranslation();
  const own = shares.checks.ownShare;
  return (
    <Stack gap="md">
      <Facts
        empty="—"
        items={[
          [t('funding.shares.eligible'), formatMoney(shares.eligibleCents)],
          [t('funding.shares.publicAid'), formatMoney(shares.publicAidCents)],
          [t('funding.shares.owner'), formatMoney(shares.ownerCents)],
          [
            t('funding.shares.ownShareCheck'),
            <Stack gap={4} key="own">
              <WordBadge colour={own.ok ? '#1e6b34' : '#a51d2d'}>
                {own.ok ? t('funding.shares.ownShareOk') : t('funding.shares.ownShareKo')}
              </WordBadge>
              <Text size="sm">
                {t('funding.shares.ownShareDetail', {
                  owner: own.ownerBp === null ? '—' : formatRate(own.ownerBp),
                  min: formatRate(own.minBp),
                })}
              </Text>
            </Stack>,
          ],
          [
            t('funding.shares.addsUp'),
            shares.checks.addsUp && shares.checks.linesOver100 === 0
              ? t('funding.shares.addsUpOk')
              : t('funding.shares.addsUpKo', { count: shares.checks.linesOver100 }),
          ],
        ]}
      />
      <Text fw={700}>{t('funding.shares.funders')}</Text>
      {shares.funders.length === 0 ? (
        <Text>{t('funding.shares.noFunder')}</Text>
      ) : (
        <List>
          {shares.funders.map((f) => (
            <List.Item key={f.conventionId}>
              {t('funding.shares.funderLine', {
                rank: f.rank,
                name: f.funderName,
                aid: formatMoney(f.aidCents),
                base: formatMoney(f.baseCents),
                rate: f.baseCents > 0 ? formatRate(Math.round((f.aidCents / f.baseCents) * 10_000)) : '—',
              })}
            </List.Item>
          ))}
        </List>
      )}
      <Text size="sm">
        {t('funding.shares.basis', {
          schools: formatNumber(shares.basis.schools),
          classes: formatNumber(shares.basis.classes),
          pupils: formatNumber(shares.basis.pupils),
        })}
      </Text>
    </Stack>
  );
}
