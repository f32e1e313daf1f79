import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/anchor-link.tsx';
import { formatMoney, formatNumber } from '../../format.ts';
import type { Discrepancy, Invoice, Order } from './procurement-queries.ts';

/**
 * The differences between an order, what was received and what was
 * invoiced, in words: each names the line, what was expected and what the
 * invoice says. Shown on the order's and on the invoice's page.
 */
export function DiscrepancyList({
  discrepancies,
  order,
  invoice,
}: {
  discrepancies: readonly Discrepancy[];
  order?: Order;
  invoice?: Invoice;
}) {
  const { t } = useTranslation();
  if (discrepancies.length === 0) return <Text>{t('procurement.discrepancies.none')}</Text>;
  const lineName = (d: Discrepancy) =>
    (d.orderLineId ? order?.lines.find((l) => l.id === d.orderLineId)?.description : undefined) ??
    (d.invoiceLineId ? invoice?.lines.find((l) => l.id === d.invoiceLineId)?.description : undefined) ??
    '';
  const invoiceNumber = (d: Discrepancy) =>
    invoice?.id === d.invoiceId ? invoice.number : (order?.invoices.find((i) => i.id === d.invoiceId)?.number ?? '');
  const money = (d: Discrepancy) => d.kind === 'unit_price' || d.kind === 'header_total' || d.kind === 'header_vat';
  return (
    <List spacing="xs">
      {discrepancies.map((d, index) => {
        const isMoney = money(d);
        const values = {
          line: lineName(d),
          expected: isMoney ? formatMoney(d.expected) : formatNumber(d.expected),
          actual: isMoney ? formatMoney(d.actual) : formatNumber(d.actual),
        };
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: discrepancies have no id; the list is computed and stable
          <List.Item key={index}>
            <Text span fw={700} c="#8a4a00">
              {t(`procurement.discrepancies.kind.${d.kind}`, values)}
            </Text>{' '}
            {invoice?.id !== d.invoiceId ? (
              <AnchorLink to="/procurement/invoices/$id" params={{ id: d.invoiceId }}>
                {t('procurement.discrepancies.invoice', { number: invoiceNumber(d) })}
              </AnchorLink>
            ) : null}
          </List.Item>
        );
      })}
    </List>
  );
}
