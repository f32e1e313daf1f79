import { RequirePermission } from '../../components/require-permission.tsx';
import { HelpdeskPage } from './helpdesk-page.tsx';
import { TicketPage } from './ticket-page.tsx';

/** The helpdesk pages with their permission, as the router loads them (one lazy chunk). */
export const HelpdeskRoute = () => (
  <RequirePermission permission="helpdesk.read">
    <HelpdeskPage />
  </RequirePermission>
);

export const HelpdeskTicketRoute = () => (
  <RequirePermission permission="helpdesk.read">
    <TicketPage />
  </RequirePermission>
);
