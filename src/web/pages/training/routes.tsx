import { RequirePermission } from '../../components/require-permission.tsx';
import { SessionPage } from './session-page.tsx';
import { TrainingPage } from './training-page.tsx';

/** The training pages with their permission, as the router loads them (one lazy chunk). */
export const TrainingRoute = () => (
  <RequirePermission permission="training.read">
    <TrainingPage />
  </RequirePermission>
);

export const TrainingSessionRoute = () => (
  <RequirePermission permission="training.read">
    <SessionPage />
  </RequirePermission>
);
