import { RequirePermission } from '../../components/require-permission.tsx';
import { BaselinePage } from './baseline-page.tsx';

/** The socle numérique page with its permission, as the router loads it (one lazy chunk). */
export const BaselineRoute = () => (
  <RequirePermission permission="baseline.read">
    <BaselinePage />
  </RequirePermission>
);
