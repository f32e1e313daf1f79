/**
 * The procurement lists keep their filters in the URL, like the other lists
 * (`/procurement/orders?status=ordered&supplierId=…&page=2`): shareable, and
 * the back button restores them. Defaults stay out of the URL.
 */

export const ORDER_STATUSES = ['draft', 'ordered', 'partly_received', 'received', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

export const PAGE_SIZE = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface OrderSearch {
  status?: OrderStatus;
  supplierId?: string;
  programmeId?: string;
  page?: number;
}

export interface InvoiceSearch {
  supplierId?: string;
  paid?: 'yes' | 'no';
  discrepancies?: true;
  page?: number;
}

function uuid(value: unknown): string | undefined {
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined;
}

function page(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 1 && n < 100_000 ? n : undefined;
}

function clean<T extends object>(out: T): T {
  for (const key of Object.keys(out) as (keyof T)[]) if (out[key] === undefined) delete out[key];
  return out;
}

/** Search params as the router parsed them, checked one by one: bad values are dropped. */
export function parseOrderSearch(search: Record<string, unknown>): OrderSearch {
  return clean({
    status: (ORDER_STATUSES as readonly unknown[]).includes(search.status) ? (search.status as OrderStatus) : undefined,
    supplierId: uuid(search.supplierId),
    programmeId: uuid(search.programmeId),
    page: page(search.page),
  });
}

export function parseInvoiceSearch(search: Record<string, unknown>): InvoiceSearch {
  return clean({
    supplierId: uuid(search.supplierId),
    paid: search.paid === 'yes' || search.paid === 'no' ? search.paid : undefined,
    discrepancies: search.discrepancies === true || search.discrepancies === 'true' ? (true as const) : undefined,
    page: page(search.page),
  });
}

/** Serial numbers as pasted or typed by a scanner: one per line (commas, semicolons, tabs too), blanks dropped. */
export function splitSerials(text: string): string[] {
  return text
    .split(/[\n\r,;\t]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
