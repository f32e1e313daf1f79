import { keepPreviousData, type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';
import { type DashboardSearch, dashboardQueryOf } from './search.ts';

/** The dashboard: one request for every panel (key `['dashboard', query]`). */

export type Dashboard = Schemas['Dashboard'];
export type DashboardSchool = Dashboard['perSchool'][number];
export type MonthPoint = NonNullable<Dashboard['inventory']>['series'][number];

export const dashboardQuery = (search: DashboardSearch) => {
  const query = dashboardQueryOf(search);
  return queryOptions({
    queryKey: ['dashboard', query],
    queryFn: () => unwrap(api.GET('/api/dashboard', { params: { query } })),
    placeholderData: keepPreviousData,
  });
};

/**
 * Where the home dashboard of this browser's last user pointed: every school
 * (`all`) or their first school's id. Kept so that a fresh load of /home can
 * send the dashboard request beside /api/auth/me instead of after it (one
 * round trip less before the figures, issue #9). Not personal data; a wrong
 * guess only costs one unused request, the server checks the reach anyway.
 */
const HOME_KEY = 'socle.homeDashboard';

export function rememberHomeDashboard(target: 'all' | string): void {
  try {
    window.localStorage.setItem(HOME_KEY, target);
  } catch {
    // Storage refused (private mode, quota): the dashboard just waits for /api/auth/me.
  }
}

export function prefetchHomeDashboard(queryClient: QueryClient, search: DashboardSearch): void {
  let target: string | null = null;
  try {
    target = window.localStorage.getItem(HOME_KEY);
  } catch {
    return;
  }
  const school = search.school ?? (target && target !== 'all' ? target : undefined);
  if (!school && target !== 'all') return;
  void queryClient.prefetchQuery(dashboardQuery({ ...search, ...(school ? { school } : {}) }));
}
