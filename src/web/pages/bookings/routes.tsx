import { RequirePermission } from '../../components/require-permission.tsx';
import { BookingsPage } from './bookings-page.tsx';

/** The bookings page with its permission, as the router loads it (one lazy chunk). */
export const BookingsRoute = () => (
  <RequirePermission permission="bookings.read">
    <BookingsPage />
  </RequirePermission>
);
