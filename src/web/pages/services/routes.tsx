import { RequirePermission } from '../../components/require-permission.tsx';
import { ServicesPage } from './services-page.tsx';

/** The services page with its permission, as the router loads it (one lazy chunk). */
export const ServicesRoute = () => (
  <RequirePermission permission="services.read">
    <ServicesPage />
  </RequirePermission>
);
