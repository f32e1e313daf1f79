import type { ReactNode } from 'react';
import type { Permission } from '../api/client.ts';
import { hasPermission, useSignedInMe } from '../auth/session.ts';
import { NotFoundPage } from '../pages/not-found-page.tsx';

/** Pages of a module the user may not use answer like unknown pages. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useSignedInMe();
  return hasPermission(me, permission) ? children : <NotFoundPage />;
}
