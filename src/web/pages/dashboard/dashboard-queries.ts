import { keepPreviousData, queryOptions } from '@tanstack/react-query';
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
