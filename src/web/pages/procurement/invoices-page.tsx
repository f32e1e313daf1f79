import { Button, Checkbox, NativeSelect, Paper, SimpleGrid, Table, Text, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useId, useState } from 'react';
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
import { InvoiceDialog } from './invoice-dialog.tsx';
import { suppliersQuery } from './procurement-queries.ts';
import { type InvoiceSearch, PAGE_SIZE } from './search.ts';

/**
 * Invoices, latest first: filters (supplier, paid, discrepancies) in the
 * URL, pages of 50; recording an invoice without an order from here (those
 * of an order are recorded from the order's page, its lines prefilled).
 */
export function InvoicesPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const search = useSearch({ from: '/signedIn/procurement/invoices' });
  const navigate = useNavigate({ from: '/procurement/invoices' });
  const captionId = useId();
  const [recording, setRecording] = useState(false);
  const page = search.page ?? 1;
  const update = (patch: Partial<InvoiceSearch>) =>
    void navigate({
      search: (previous) => {
        const next: InvoiceSearch = { ...previous, ...patch, page: patch.page };
        for (const key of Object.keys(next) as (keyof InvoiceSearch)[]) if (next[key] === undefined) delete next[key];
        return next;
      },
      resetScroll: false,
    });
  const suppliers = useQuery(suppliersQuery);
  const list = useQuery({
    queryKey: ['procurement', 'invoices', 'list', search],
    queryFn: () =>
      unwrap(
        api.GET('/api/procurement/invoices', {
          params: {
            query: {
              ...(search.supplierId ? { supplierId: search.supplierId } : {}),
              ...(search.paid ? { paid: search.paid } : {}),
              // The discrepancy filter reads the flag of each invoice: the page is fetched whole.
              limit: search.discrepancies ? 500 : PAGE_SIZE,
              offset: search.discrepancies ? 0 : (page - 1) * PAGE_SIZE,
            },
          },
        }),
      ),
    placeholderData: keepPreviousData,
  });
  const all = list.data?.items ?? [];
  const items = search.discrepancies ? all.filter((i) => i.hasDiscrepancies) : all;
  const total = search.discrepancies ? items.length : (list.data?.total ?? 0);
  const pages = search.discrepancies ? 1 : Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <Page
      title={t('procurement.invoices.title')}
      actions={
        hasPermission(me, 'funding.manage') ? (
          <div>
            <Button onClick={() => setRecording(true)}>{t('procurement.invoiceForm.title')}</Button>
          </div>
        ) : null
      }
    >
      <Paper withBorder p="md" role="search" aria-label={t('procurement.filters')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
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
            label={t('procurement.invoices.payment')}
            value={search.paid ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              update({ paid: value === 'yes' || value === 'no' ? value : undefined });
            }}
            data={[
              { value: '', label: t('procurement.invoices.paidAll') },
              { value: 'yes', label: t('procurement.invoices.paidYes') },
              { value: 'no', label: t('procurement.invoices.paidNo') },
            ]}
          />
          <Checkbox
            mt={{ sm: 'xl' }}
            label={t('procurement.invoices.withDiscrepancies')}
            checked={search.discrepancies === true}
            onChange={(e) => update({ discrepancies: e.currentTarget.checked ? true : undefined })}
          />
        </SimpleGrid>
      </Paper>

      <Text role="status" aria-live="polite">
        {list.isPending ? t('common.loading') : t('procurement.invoices.count', { total: formatNumber(total) })}
      </Text>
      {list.isError ? <FormAlert kind="error">{errorMessage(t, list.error)}</FormAlert> : null}

      {items.length > 0 ? (
        <TableScroll labelledBy={captionId}>
          <Table striped highlightOnHover verticalSpacing="sm" aria-busy={list.isFetching}>
            <caption id={captionId}>
              <VisuallyHidden>{t('procurement.invoices.caption', { page, pages })}</VisuallyHidden>
            </caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('procurement.fields.invoiceNumber')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.supplier')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.invoiceDate')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.order')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.ht')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.ttc')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.paidOn')}</Table.Th>
                <Table.Th scope="col">{t('procurement.invoices.allocation')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/procurement/invoices/$id" params={{ id: inv.id }}>
                      {inv.number}
                    </AnchorLink>
                    {inv.hasDiscrepancies ? (
                      <Text size="sm" fw={700} c="#8a4a00">
                        {t('procurement.discrepancies.flag')}
                      </Text>
                    ) : null}
                  </Table.Th>
                  <Table.Td>{inv.supplierName}</Table.Td>
                  <Table.Td>{formatDate(inv.invoiceDate)}</Table.Td>
                  <Table.Td>
                    {inv.orderId ? (
                      <AnchorLink to="/procurement/orders/$id" params={{ id: inv.orderId }}>
                        {inv.orderNumber}
                      </AnchorLink>
                    ) : (
                      '—'
                    )}
                  </Table.Td>
                  <Table.Td>{formatMoney(inv.htCents)}</Table.Td>
                  <Table.Td>{formatMoney(inv.ttcCents)}</Table.Td>
                  <Table.Td>{inv.paidOn ? formatDate(inv.paidOn) : t('procurement.invoices.unpaid')}</Table.Td>
                  <Table.Td>
                    {t('procurement.invoices.allocated', { done: inv.allocatedLines, total: inv.lineCount })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : list.isSuccess ? (
        <Text>{t('procurement.invoices.empty')}</Text>
      ) : null}

      <Pager page={page} pages={pages} onPage={(n) => update({ page: n > 1 ? n : undefined })} />
      {recording ? <InvoiceDialog onClose={() => setRecording(false)} /> : null}
    </Page>
  );
}
