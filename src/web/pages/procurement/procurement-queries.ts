import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

export type Contract = Schemas['Contract'];
export type Order = Schemas['PurchaseOrder'];
export type OrderLine = Schemas['PurchaseOrderLine'];
export type Delivery = Schemas['Delivery'];
export type Invoice = Schemas['Invoice'];
export type InvoiceLine = Schemas['InvoiceLine'];
export type Discrepancy = Schemas['InvoiceDiscrepancy'];

/**
 * Queries of procurement (contracts, orders, deliveries, invoices) and of
 * the funding and catalogue lists their forms choose from. Keys:
 * `['procurement', 'contracts' | 'orders' | 'invoices', …]`.
 */

export const programmesQuery = queryOptions({
  queryKey: ['funding', 'programmes'],
  queryFn: () => unwrap(api.GET('/api/funding/programmes')),
  staleTime: 60_000,
});

export const costItemsQuery = (programmeId: string) =>
  queryOptions({
    queryKey: ['funding', 'programmes', programmeId, 'cost-items'],
    queryFn: () =>
      unwrap(api.GET('/api/funding/programmes/{id}/cost-items', { params: { path: { id: programmeId } } })),
    staleTime: 60_000,
    enabled: Boolean(programmeId),
  });

export const suppliersQuery = queryOptions({
  queryKey: ['funding', 'suppliers'],
  queryFn: () => unwrap(api.GET('/api/funding/suppliers')),
  staleTime: 30_000,
});

export const modelsQuery = queryOptions({
  queryKey: ['inventory', 'models'],
  queryFn: () => unwrap(api.GET('/api/inventory/models')),
  staleTime: 60_000,
});

export const stockLocationsQuery = queryOptions({
  queryKey: ['inventory', 'stock-locations'],
  queryFn: () => unwrap(api.GET('/api/inventory/stock-locations')),
  staleTime: 60_000,
});

export const contractsQuery = queryOptions({
  queryKey: ['procurement', 'contracts', 'list'],
  queryFn: () => unwrap(api.GET('/api/procurement/contracts')),
});

export const orderQuery = (id: string) =>
  queryOptions({
    queryKey: ['procurement', 'orders', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/procurement/orders/{id}', { params: { path: { id } } })),
  });

export const invoiceQuery = (id: string) =>
  queryOptions({
    queryKey: ['procurement', 'invoices', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/procurement/invoices/{id}', { params: { path: { id } } })),
  });

/** After a write: every procurement list and page may have moved (an invoice changes its order's page). */
export async function procurementChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['procurement'] });
}
