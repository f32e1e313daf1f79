import { Anchor, Button, Group, List, Stack, Table, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, unwrap } from '../../api/client.ts';
import { hasPermission, useSignedInMe } from '../../auth/session.ts';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { useFlash } from '../../components/flash.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { Page } from '../../components/page.tsx';
import { Facts, Panel } from '../../components/panel.tsx';
import { TableScroll } from '../../components/table-scroll.tsx';
import { errorMessage } from '../../errors.ts';
import { formatDate, formatMoney, formatNumber } from '../../format.ts';
import { NotFoundPage } from '../not-found-page.tsx';
import { DeliveredAssets } from './delivered-assets.tsx';
import { DiscrepancyList } from './discrepancies.tsx';
import { InvoiceDialog } from './invoice-dialog.tsx';
import { type Order, orderQuery, procurementChanged } from './procurement-queries.ts';
import { ReceiveDialog } from './receive-dialog.tsx';
import { Dialog, formatRate, OrderStatusBadge } from './shared.tsx';

const RECEIVABLE = ['ordered', 'partly_received'];

/**
 * One purchase order: its header, its lines (ordered, received, invoiced),
 * what was delivered (with the assets each delivery created), its invoices
 * and the discrepancies between them; placing, cancelling, receiving and
 * invoicing from here.
 */
export function OrderPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const { id } = useParams({ from: '/signedIn/procurement/orders/$id' });
  const order = useQuery(orderQuery(id));
  const navigate = useNavigate();
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);
  const [dialog, setDialog] = useState<'place' | 'cancel' | 'receive' | 'invoice' | null>(null);

  if (order.error instanceof ApiError && (order.error.status === 404 || order.error.status === 400)) {
    return <NotFoundPage />;
  }
  if (!order.data) {
    return (
      <Page title={t('procurement.order.titleShort')}>
        {order.isError ? (
          <FormAlert kind="error">{errorMessage(t, order.error)}</FormAlert>
        ) : (
          <Text>{t('common.loading')}</Text>
        )}
      </Page>
    );
  }
  const data = order.data;
  const manage = hasPermission(me, 'funding.manage');
  const receivable =
    manage && RECEIVABLE.includes(data.status) && data.lines.some((l) => l.receivedQuantity < l.quantity);
  const open = (which: typeof dialog) => {
    setDone(null);
    setDialog(which);
  };
  const message = done ?? flash;

  return (
    <Page
      title={t('procurement.order.title', { number: data.number })}
      actions={
        <Stack gap="sm">
          <Group gap="sm">
            <Text>
              <Anchor component={Link} to="/procurement/orders">
                {t('procurement.order.backToList')}
              </Anchor>
            </Text>
            <OrderStatusBadge value={data.status} />
          </Group>
          {manage ? (
            <Group gap="sm">
              {data.status === 'draft' ? (
                <>
                  <Button onClick={() => open('place')}>{t('procurement.order.place')}</Button>
                  <Button
                    variant="default"
                    onClick={() => void navigate({ to: '/procurement/orders/$id/edit', params: { id: data.id } })}
                  >
                    {t('common.edit')}
                  </Button>
                </>
              ) : null}
              {receivable ? <Button onClick={() => open('receive')}>{t('procurement.receive.open')}</Button> : null}
              {data.status !== 'draft' && data.status !== 'cancelled' ? (
                <Button variant="default" onClick={() => open('invoice')}>
                  {t('procurement.invoiceForm.fromOrder')}
                </Button>
              ) : null}
              {(data.status === 'draft' || data.status === 'ordered') && data.receivedQuantity === 0 ? (
                <Button variant="outline" color="#a51d2d" onClick={() => open('cancel')}>
                  {t('procurement.order.cancel')}
                </Button>
              ) : null}
            </Group>
          ) : null}
        </Stack>
      }
    >
      {message ? <FormAlert kind="success">{message}</FormAlert> : null}
      <Panel title={t('procurement.order.details')}>
        <Facts
          empty={t('procurement.none')}
          items={[
            [t('procurement.fields.supplier'), data.supplierName],
            [
              t('procurement.fields.contract'),
              data.contractReference
                ? data.lotNumber
                  ? t('procurement.order.contractLot', { reference: data.contractReference, lot: data.lotNumber })
                  : data.contractReference
                : null,
            ],
            [t('procurement.fields.orderedOn'), formatDate(data.orderedOn)],
            [t('procurement.fields.expectedOn'), formatDate(data.expectedOn)],
            [t('procurement.fields.ht'), formatMoney(data.htCents)],
            [t('procurement.fields.vat'), formatMoney(data.vatCents)],
            [t('procurement.fields.ttc'), formatMoney(data.ttcCents)],
            [t('procurement.order.invoicedHt'), formatMoney(data.invoicedHtCents)],
            [t('procurement.fields.notes'), data.notes],
          ]}
        />
      </Panel>
      <LinesPanel order={data} />
      {data.discrepancies.length > 0 ? (
        <Panel title={t('procurement.discrepancies.title')}>
          <DiscrepancyList order={data} discrepancies={data.discrepancies} />
        </Panel>
      ) : null}
      <DeliveriesPanel order={data} />
      <InvoicesPanel order={data} />

      {dialog === 'place' || dialog === 'cancel' ? (
        <ConfirmDialog
          order={data}
          action={dialog}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            setDone(text);
          }}
        />
      ) : null}
      {dialog === 'receive' ? (
        <ReceiveDialog
          order={data}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            setDone(text);
          }}
        />
      ) : null}
      {dialog === 'invoice' ? <InvoiceDialog order={data} onClose={() => setDialog(null)} /> : null}
    </Page>
  );
}

function LinesPanel({ order }: { order: Order }) {
  const { t } = useTranslation();
  const captionId = useId();
  const flagged = new Set(order.discrepancies.map((d) => d.orderLineId).filter(Boolean));
  return (
    <Panel title={t('procurement.order.lines')}>
      <TableScroll labelledBy={captionId}>
        <Table striped verticalSpacing="sm">
          <caption id={captionId}>{t('procurement.order.linesCaption', { number: order.number })}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('procurement.fields.description')}</Table.Th>
              <Table.Th scope="col">{t('procurement.fields.school')}</Table.Th>
              <Table.Th scope="col">{t('procurement.fields.unitPrice')}</Table.Th>
              <Table.Th scope="col">{t('procurement.fields.vatRate')}</Table.Th>
              <Table.Th scope="col">{t('procurement.fields.ht')}</Table.Th>
              <Table.Th scope="col">{t('procurement.order.ordered')}</Table.Th>
              <Table.Th scope="col">{t('procurement.order.received')}</Table.Th>
              <Table.Th scope="col">{t('procurement.order.invoiced')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {order.lines.map((line) => (
              <Table.Tr key={line.id} bg={flagged.has(line.id) ? '#fff4e0' : undefined}>
                <Table.Th scope="row" fw={400}>
                  <Text fw={600} size="sm">
                    {line.description}
                  </Text>
                  {line.modelName ? (
                    <Text size="sm">{t('procurement.order.model', { name: line.modelName })}</Text>
                  ) : null}
                  {flagged.has(line.id) ? (
                    <Text size="sm" fw={700} c="#8a4a00">
                      {t('procurement.discrepancies.flag')}
                    </Text>
                  ) : null}
                </Table.Th>
                <Table.Td>{line.schoolName ?? '—'}</Table.Td>
                <Table.Td>{formatMoney(line.unitPriceCents)}</Table.Td>
                <Table.Td>{formatRate(line.vatRateBp)}</Table.Td>
                <Table.Td>{formatMoney(line.htCents)}</Table.Td>
                <Table.Td>{formatNumber(line.quantity)}</Table.Td>
                <Table.Td>{formatNumber(line.receivedQuantity)}</Table.Td>
                <Table.Td>{formatNumber(line.invoicedQuantity)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </Panel>
  );
}

function DeliveriesPanel({ order }: { order: Order }) {
  const { t } = useTranslation();
  const lineName = (id: string) => order.lines.find((l) => l.id === id)?.description ?? '';
  return (
    <Panel title={t('procurement.order.deliveries')}>
      {order.deliveries.length === 0 ? (
        <Text>{t('procurement.order.noDeliveries')}</Text>
      ) : (
        <Stack gap="md">
          {order.deliveries.map((d) => (
            <Stack key={d.id} gap={4}>
              <Text fw={600}>
                {t('procurement.order.deliveryOf', { date: formatDate(d.receivedOn) })}
                {d.noteRef ? ` — ${t('procurement.order.noteRef', { ref: d.noteRef })}` : ''}
                {d.stockLocationName ? ` — ${d.stockLocationName}` : ''}
              </Text>
              <List size="sm">
                {d.lines.map((l) => (
                  <List.Item key={l.orderLineId}>
                    {t('procurement.order.deliveredLine', { quantity: l.quantity, line: lineName(l.orderLineId) })}
                  </List.Item>
                ))}
              </List>
              {d.assets.length > 0 ? <DeliveredAssets assets={d.assets} /> : null}
            </Stack>
          ))}
        </Stack>
      )}
    </Panel>
  );
}

function InvoicesPanel({ order }: { order: Order }) {
  const { t } = useTranslation();
  const captionId = useId();
  return (
    <Panel title={t('procurement.order.invoices')}>
      {order.invoices.length === 0 ? (
        <Text>{t('procurement.order.noInvoices')}</Text>
      ) : (
        <TableScroll labelledBy={captionId}>
          <Table striped verticalSpacing="sm">
            <caption id={captionId}>{t('procurement.order.invoicesCaption', { number: order.number })}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('procurement.fields.invoiceNumber')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.invoiceDate')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.ht')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.ttc')}</Table.Th>
                <Table.Th scope="col">{t('procurement.fields.paidOn')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.invoices.map((inv) => (
                <Table.Tr key={inv.id}>
                  <Table.Th scope="row">
                    <AnchorLink to="/procurement/invoices/$id" params={{ id: inv.id }}>
                      {inv.number}
                    </AnchorLink>
                  </Table.Th>
                  <Table.Td>{formatDate(inv.invoiceDate)}</Table.Td>
                  <Table.Td>{formatMoney(inv.htCents)}</Table.Td>
                  <Table.Td>{formatMoney(inv.ttcCents)}</Table.Td>
                  <Table.Td>{inv.paidOn ? formatDate(inv.paidOn) : t('procurement.invoices.unpaid')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Panel>
  );
}

/** Placing (the order is sent: lines frozen) or cancelling, confirmed. */
function ConfirmDialog({
  order,
  action,
  onClose,
  onDone,
}: {
  order: Order;
  action: 'place' | 'cancel';
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationFn: () =>
      action === 'place'
        ? unwrap(api.POST('/api/procurement/orders/{id}/place', { params: { path: { id: order.id } } }))
        : unwrap(api.POST('/api/procurement/orders/{id}/cancel', { params: { path: { id: order.id } } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(orderQuery(order.id).queryKey, saved);
      await procurementChanged(queryClient);
      onDone(action === 'place' ? t('procurement.order.placed') : t('procurement.order.cancelled'));
    },
  });
  return (
    <Dialog
      title={action === 'place' ? t('procurement.order.placeTitle') : t('procurement.order.cancelTitle')}
      onClose={onClose}
      size="md"
    >
      <Stack gap="md">
        <Text>
          {action === 'place'
            ? t('procurement.order.placeText', { number: order.number, ttc: formatMoney(order.ttcCents) })
            : t('procurement.order.cancelText', { number: order.number })}
        </Text>
        {run.isError ? <FormAlert kind="error">{errorMessage(t, run.error)}</FormAlert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('procurement.back')}
          </Button>
          <Button
            color={action === 'cancel' ? 'red.9' : undefined}
            loading={run.isPending}
            onClick={() => run.mutate()}
          >
            {action === 'place' ? t('procurement.order.placeConfirm') : t('procurement.order.cancelConfirm')}
          </Button>
        </Group>
      </Stack>
    </Dialog>
  );
}
