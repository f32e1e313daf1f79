import { sql } from 'drizzle-orm';
import { rows, type Scope } from '../../db/connection.ts';

/**
 * Invoice discrepancies, computed on read (nothing stored): for every
 * invoice line linked to an order line, the quantity invoiced for that order
 * line so far (this line and those before it, in invoice date, number and
 * line order: the invoice that goes beyond is the one flagged) against what
 * was received and what was ordered, and the unit price against the order's; for every invoice, the lines
 * against the header (HT and VAT). An invoice of an order of another
 * supplier is refused when written, so it is not a discrepancy.
 */

export type DiscrepancyKind =
  | 'quantity_over_received'
  | 'quantity_over_ordered'
  | 'unit_price'
  | 'header_total'
  | 'header_vat';

export type Discrepancy = {
  kind: DiscrepancyKind;
  invoiceId: string;
  invoiceLineId: string | null;
  orderLineId: string | null;
  expected: number;
  actual: number;
};

const list = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** Discrepancies per invoice id (every id asked is a key, with an empty list when all is well). */
export async function discrepanciesOf(
  scope: Scope,
  invoiceIds: readonly string[],
): Promise<Map<string, Discrepancy[]>> {
  const out = new Map<string, Discrepancy[]>(invoiceIds.map((id) => [id, []]));
  if (!invoiceIds.length) return out;
  const ids = [...new Set(invoiceIds)];
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const headers = await rows<{ id: string; ht: string; vat: string; lines_ht: string; lines_vat: string }>(
      scope.tx,
      sql`SELECT i.id, i.ht_cents::text AS ht, i.vat_cents::text AS vat,
                 coalesce(sum(il.ht_cents), 0)::text AS lines_ht, coalesce(sum(il.vat_cents), 0)::text AS lines_vat
            FROM invoices i LEFT JOIN invoice_lines il ON il.invoice_id = i.id
           WHERE i.id IN (${list(chunk)})
           GROUP BY i.id`,
    );
    for (const h of headers) {
      const found = out.get(h.id) ?? [];
      if (h.ht !== h.lines_ht) {
        found.push({
          kind: 'header_total',
          invoiceId: h.id,
          invoiceLineId: null,
          orderLineId: null,
          expected: Number(h.ht),
          actual: Number(h.lines_ht),
        });
      }
      if (h.vat !== h.lines_vat) {
        found.push({
          kind: 'header_vat',
          invoiceId: h.id,
          invoiceLineId: null,
          orderLineId: null,
          expected: Number(h.vat),
          actual: Number(h.lines_vat),
        });
      }
      out.set(h.id, found);
    }
    const lines = await rows<{
      id: string;
      invoice_id: string;
      order_line_id: string;
      unit_price: string;
      order_unit_price: string;
      ordered: number;
      received: number;
      invoiced: string;
    }>(
      scope.tx,
      sql`SELECT il.id, il.invoice_id, il.order_line_id, il.unit_price_cents::text AS unit_price,
                 l.unit_price_cents::text AS order_unit_price, l.quantity AS ordered, l.received_quantity AS received,
                 (SELECT sum(x.quantity) FROM invoice_lines x JOIN invoices xi ON xi.id = x.invoice_id
                   WHERE x.order_line_id = il.order_line_id
                     AND (xi.invoice_date, xi.number, xi.id::text, x.position, x.id::text)
                         <= (i.invoice_date, i.number, i.id::text, il.position, il.id::text))::text AS invoiced
            FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id
            JOIN purchase_order_lines l ON l.id = il.order_line_id
           WHERE il.invoice_id IN (${list(chunk)})
           ORDER BY il.invoice_id, il.position, il.id`,
    );
    for (const l of lines) {
      const found = out.get(l.invoice_id) ?? [];
      const base = { invoiceId: l.invoice_id, invoiceLineId: l.id, orderLineId: l.order_line_id };
      const invoiced = Number(l.invoiced);
      if (invoiced > l.ordered) {
        found.push({ kind: 'quantity_over_ordered', ...base, expected: l.ordered, actual: invoiced });
      } else if (invoiced > l.received) {
        found.push({ kind: 'quantity_over_received', ...base, expected: l.received, actual: invoiced });
      }
      if (l.unit_price !== l.order_unit_price) {
        found.push({ kind: 'unit_price', ...base, expected: Number(l.order_unit_price), actual: Number(l.unit_price) });
      }
      out.set(l.invoice_id, found);
    }
  }
  return out;
}
