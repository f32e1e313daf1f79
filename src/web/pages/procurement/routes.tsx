import { RequirePermission } from '../../components/require-permission.tsx';
import { ContractsPage } from './contracts-page.tsx';
import { InvoicePage } from './invoice-page.tsx';
import { InvoicesPage } from './invoices-page.tsx';
import { EditOrderPage, NewOrderPage } from './order-form-page.tsx';
import { OrderPage } from './order-page.tsx';
import { OrdersPage } from './orders-page.tsx';

/**
 * The procurement pages with their permission, as the router loads them: one
 * chunk, fetched before the route resolves (the router preloads a lazy route
 * component), so that the new page's heading is there to take the focus.
 */

export const OrdersRoute = () => (
  <RequirePermission permission="funding.read">
    <OrdersPage />
  </RequirePermission>
);

export const NewOrderRoute = () => (
  <RequirePermission permission="funding.manage">
    <NewOrderPage />
  </RequirePermission>
);

export const EditOrderRoute = () => (
  <RequirePermission permission="funding.manage">
    <EditOrderPage />
  </RequirePermission>
);

export const OrderRoute = () => (
  <RequirePermission permission="funding.read">
    <OrderPage />
  </RequirePermission>
);

export const InvoicesRoute = () => (
  <RequirePermission permission="funding.read">
    <InvoicesPage />
  </RequirePermission>
);

export const InvoiceRoute = () => (
  <RequirePermission permission="funding.read">
    <InvoicePage />
  </RequirePermission>
);

export const ContractsRoute = () => (
  <RequirePermission permission="funding.read">
    <ContractsPage />
  </RequirePermission>
);
