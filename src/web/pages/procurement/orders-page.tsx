import { Button, NativeSelect, Paper, SimpleGrid, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, formatNumber } from '../../format.ts';
import { Pager } from '../loans/pager.tsx';
import { programmesQuery, suppliersQuery } from './procurement-queries.ts';
import { type OrderSearch, PAGE_SIZE } from './search.ts';
import { ORDER_STATUSES, OrderStatusBadge } from './shared.tsx';

/** Purchase orders, newest first: filters (status, supplier, programme) in the URL, pages of 50. */
export function OrdersPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const search = useSearch({ from: '/signedIn/procurement/orders' });
  const navigate = useNavigate({ from: '/procurement/orders' });
  const captionId = useId();
  const page = search.page ?? 1;
  const update = (patch: Partial<OrderSearch>) =>
    void navigate({
      search: (previous) => {
        const next: OrderSearch = { ...previous, ...patch, page: patch.page };
        for (const key of Object.keys(next) as (keyof OrderSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      resetScroll: false,
    });
  const suppliers = useQuery(suppliersQuery);
  const programmes = useQuery(programmesQuery);
  const list = useQuery({
    queryKey: ['procurement', 'orders', 'list', search],
    queryFn: () =>
      unwrap(
        api.GET('/api/procurement/orders', {
          params: {
            query: {
              ...(search.status ? { status: search.status } : {}),
              ...(search.supplierId ? { supplierId: search.supplierId } : {}),
              ...(search.programmeId ? { programmeId: search.programmeId } : {}),
              limit: PAGE_SIZE,
              offset: (page - 1) * PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const items = list.data?.items ?? [];

  return (
    <Page
      title={t('procurement.orders.title')}
      actions={
        hasPermission(me, 'funding.manage') ? (
          <div>
            <Button component={Link} to="/procurement/orders/new">
              {t('procurement.orders.new')}
            </Button>
          </div>
        ) : null
      }
    >
      <Paper withBorder p="md" role="search" aria-label={t('procurement.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <NativeSelect
            label={t('procurement.fields.status')}
            value={search.status ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ status: ORDER_STATUSES.find((s) => s === value) });
            }}
            data={[
              { value: '', label: t('procurement.allStatuses') },
              ...ORDER_STATUSES.map((s) => ({ value: s, label: t(`procurement.orderStatus.${s}`) })),
            ]}
          />
          <NativeSelect
            label={t('procurement.fields.supplier')}
            value={search.supplierId ?? ''}
            onChange={(e) => update({ supplierId: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('procurement.allSuppliers') },
              ...(suppliers.data ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <NativeSelect
            label={t('procurement.fields.programme')}
            value={search.programmeId ?? ''}
            onChange={(e) => update({ programmeId: e.currentTarget.value || undefined })}
            data={[
              { value: '', label: t('procurement.allProgrammes') },
              ...(programmes.data ?? []).map((p) => ({ value: p.id, label: p.name })),
            ]}
          />
        </SimpleGrid>
      </Paper>

      <Text role="status" aria-live="polite">
        {list.isPending ? t('common.loading') : t('procurement.orders.count', { total: formatNumber(total) })}
      </Text>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}

      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
            <caption id={captionId}>
              <VisuallyHidden>{t('procurement.orders.caption', { page, pages })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('procurement.fields.number')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.supplier')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.orderedOn')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.ht')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.ttc')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((order) => (
                <Table.Tr key={order.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/procurement/orders/$id" params={{ id: order.id }} ff="monospace">
                      {order.number}
                    </AnchorLink>
                    {order.hasDiscrepancies ? (
                      <Text size="sm" fw={700} c="#8a4a00">
                        {t('procurement.discrepancies.flag')}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{order.supplierName}</Table.Td>
                  <Table.Td>{formatDate(order.orderedOn)}</Table.Td>
                  <Table.Td>{formatMoney(order.htCents)}</Table.Td>
                  <Table.Td>{formatMoney(order.ttcCents)}</Table.Td>
                  <Table.Td>
                    <OrderStatusBadge value={order.status} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : list.isSuccess ? (
        <Text>{t('procurement.orders.empty')}</Text>
      ) : null}

      <Pager page={page} pages={pages} onPage={(n) => update({ page: n > 1 ? n : undefined })} />
    </Page>
  );
}
