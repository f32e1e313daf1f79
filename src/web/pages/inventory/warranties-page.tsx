import { NativeSelect, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatNumber } from '../../format.ts';

const PERIODS = ['', '30', '60', '90', '180', '365'] as const;

/** Warranties ending soon (`GET /api/inventory/warranties?days=`): the list behind the weekly digest. */
export function WarrantiesPage() {
  const { t } = useTranslation();
  const [days, setDays] = useState<(typeof PERIODS)[number]>('');
  const warranties = useQuery({
    queryKey: ['inventory', 'warranties', days],
    queryFn: () =>
      unwrap(api.GET('/api/inventory/warranties', { params: { query: days ? { days: Number(days) } : {} } })),
    placeholderData: keepPreviousData,
  });
  const data = warranties.data;
  return (
    <Page title={t('inventory.warranties.title')}>
      <Text>{t('inventory.warranties.intro')}</Text>
      <NativeSelect
        label={t('inventory.warranties.period')}
        maw={320}
        value={days}
        onChange={(e) => {
          const value = e.currentTarget.value;
          setDays((PERIODS as readonly string[]).includes(value) ? (value as (typeof PERIODS)[number]) : '');
        }}
        data={PERIODS.map((p) => ({
          value: p,
          label: p
            ? t('inventory.warranties.days', { count: Number(p) })
            : t('inventory.warranties.organisationPeriod'),
        }))}
      />
      <Text role="status" aria-live="polite">
        {data
          ? t('inventory.warranties.count', {
              count: data.total,
              total: formatNumber(data.total),
              until: formatDate(data.until),
            })
          : t('common.loading')}
      </Text>
      {warranties.isError ? <FormAlert kind="error">{errorMessage(t, warranties.error)}</FormAlert> : null}
      {data && data.items.length < data.total ? (
        <Text size="sm">{t('inventory.warranties.partial', { shown: formatNumber(data.items.length) })}</Text>
      ) : null}
      {data && data.items.length > 0 ? (
        <TableScroll labelledBy="warranties-caption">
          <Table striped verticalSpacing="xs" aria-busy={warranties.isFetching}>
            <caption id="warranties-caption">
              <VisuallyHidden>{t('inventory.warranties.caption')}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('assets.fields.tag')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.model')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.school')}</Table.Th>
                <Table.Th scope="col">{t('assets.fields.warrantyEnd')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.items.map((item) => (
                <Table.Tr key={item.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/assets/$id" params={{ id: item.id }} ff="monospace">
                      {item.tag}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{item.model}</Table.Td>
                  <Table.Td>{item.school ?? t('inventory.warranties.inStock')}</Table.Td>
                  <Table.Td>{formatDate(item.warrantyEnd)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : null}
    </Page>
  );
}
