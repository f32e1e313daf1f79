import { Button, Group, SimpleGrid, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatMoney, formatNumber } from '../../format.ts';
import { currentLanguage } from '../../i18n.ts';
import { type ComplianceFilters, filterQuery, type GapItem, type GapReport, gapQuery } from './baseline-queries.ts';
import { BaselineFilters, useBaselineSearch } from './filters.tsx';
import { criterionLabel, itemKindLabel, itemLabel } from './labels.tsx';
import { filtersOf } from './search.ts';

/** The priced gap: totals by criterion and by kind of spend, each school's items, and the downloads. */

export function exportHref(format: 'xlsx' | 'pdf', filters: ComplianceFilters): string {
  const params = new URLSearchParams({ ...filterQuery(filters), lang: currentLanguage() });
  return `/api/baseline/gap.${format}?${params.toString()}`;
}

export function GapPanel() {
  const { t } = useTranslation();
  const { search } = useBaselineSearch();
  const filters = filtersOf(search);
  const gap = useQuery({ ...gapQuery(filters), placeholderData: keepPreviousData });
  const data = gap.data;
  const schools = (data?.schools ?? []).filter((s) => s.gapCents > 0 || s.items.length > 0);
  return (
    <Stack gap="lg">
      <BaselineFilters />
      <Group gap="sm">
        <Button component="a" variant="default" href={exportHref('xlsx', filters)} download>
          {t('baseline.gap.exportXlsx')}
        </Button>
        <Button component="a" variant="default" href={exportHref('pdf', filters)} download>
          {t('baseline.gap.exportPdf')}
        </Button>
      </Group>
      {gap.isError ? <FormAlert kind="error">{errorMessage(t, gap.error)}</FormAlert> : null}
      {gap.isPending ? <Text>{t('common.loading')}</Text> : null}
      {data ? (
        <>
          <Text fw={700} fz="lg">
            {t('baseline.gap.total', { amount: formatMoney(data.totals.gapCents), count: data.totals.schools })}
          </Text>
          {data.totals.complete ? null : <Text>{t('baseline.gap.incomplete')}</Text>}
          <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
            <TotalsTable
              caption={t('baseline.gap.byCriterion')}
              header={t('baseline.gap.criterion')}
              rows={data.totals.byCriterion.map((row) => [
                criterionLabel(
                  data.criteria.find((c) => c.key === row.key),
                  row.key,
                ),
                row.cents,
              ])}
              total={data.totals.gapCents}
            />
            <TotalsTable
              caption={t('baseline.gap.byKind')}
              header={t('baseline.gap.kind')}
              rows={data.totals.byKind.map((row) => [itemKindLabel(t, row.kind as 'equipment'), row.cents])}
              total={data.totals.gapCents}
            />
          </SimpleGrid>
          <Text role="status">{t('baseline.gap.schoolsCount', { count: schools.length })}</Text>
          <Stack gap="xs">
            {schools.map((school) => (
              <SchoolGap key={school.id} school={school} data={data} />
            ))}
          </Stack>
        </>
      ) : null}
    </Stack>
  );
}

function TotalsTable({
  caption,
  header,
  rows,
  total,
}: {
  caption: string;
  header: string;
  rows: [string, number][];
  total: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <TableScroll labelledBy={id}>
      <Table striped verticalSpacing="xs">
        <caption id={id} style={{ textAlign: 'left', fontWeight: 700, captionSide: 'top' }}>
          {caption}
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{header}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.gap.amount')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map(([label, cents]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(cents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('baseline.gap.totalLabel')}</Table.Th>
            <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}

function SchoolGap({ school, data }: { school: GapReport['schools'][number]; data: GapReport }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <details className="baseline-gap-school">
      <summary>
        <Text span fw={600}>
          {school.name}
        </Text>{' '}
        ({school.uai}) — {formatMoney(school.gapCents)}
        {school.gapComplete ? '' : ` ${t('baseline.gap.incompleteShort')}`} ·{' '}
        {t('baseline.gap.classesLine', {
          atSocle: formatNumber(school.classesAtSocle),
          total: formatNumber(school.classesTotal),
        })}
      </summary>
      <Stack gap="xs" mt="xs" mb="md">
        <Text size="sm">
          <AnchorLink to="/schools/$id" params={{ id: school.id }}>
            {t('baseline.gap.openSchool', { name: school.name })}
          </AnchorLink>
        </Text>
        <GapItemsTable
          id={id}
          caption={t('baseline.gap.itemsCaption', { name: school.name })}
          items={school.items}
          categories={data.categories}
          criteria={data.criteria}
          total={school.gapCents}
        />
      </Stack>
    </details>
  );
}

export function GapItemsTable({
  id,
  caption,
  items,
  categories,
  criteria,
  total,
  classNameOf,
}: {
  id: string;
  caption: string;
  items: readonly (GapItem & { className?: string | null })[];
  categories: GapReport['categories'];
  criteria: GapReport['criteria'];
  total: number;
  classNameOf?: (classId: string | null) => string | null;
}) {
  const { t } = useTranslation();
  return (
    <TableScroll labelledBy={id}>
      <Table striped verticalSpacing="xs">
        <caption id={id}>
          <VisuallyHidden>{caption}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('baseline.gap.item')}</Table.Th>
            <Table.Th scope="col">{t('baseline.gap.criterion')}</Table.Th>
            <Table.Th scope="col">{t('baseline.gap.class')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.gap.quantity')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.gap.unit')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.gap.install')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('baseline.gap.amount')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.criterionKey}-${item.classId ?? ''}-${item.label}`}>
              <Table.Th scope="row" fw={400}>
                {itemLabel(t, item, categories)}{' '}
                <Text span size="xs">
                  ({itemKindLabel(t, item.kind)})
                </Text>
              </Table.Th>
              <Table.Td>
                {criterionLabel(
                  criteria.find((c) => c.key === item.criterionKey),
                  item.criterionKey,
                )}
              </Table.Td>
              <Table.Td>{item.className ?? classNameOf?.(item.classId) ?? '—'}</Table.Td>
              <Table.Td ta="right">{formatNumber(item.quantity)}</Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(item.unitCents)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(item.installCents)}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatMoney(item.totalCents)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={6}>
              {t('baseline.gap.totalLabel')}
            </Table.Th>
            <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
              {formatMoney(total)}
            </Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}
