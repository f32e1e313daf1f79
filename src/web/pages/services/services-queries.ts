import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

export type DigitalService = Schemas['DigitalService'];
export type ServiceKind = DigitalService['kind'];
export type ServicePricing = DigitalService['pricing'];
export type Subscription = Schemas['SchoolSubscription'];
export type SubscriptionStatus = Subscription['status'];

/**
 * Queries of the digital services pages and of the school page's panel.
 * Keys: `['services', 'catalogue' | 'subscriptions', …]`.
 */

export const servicesQuery = (includeArchived = false) =>
  queryOptions({
    queryKey: ['services', 'catalogue', { includeArchived }],
    queryFn: () =>
      unwrap(api.GET('/api/services', { params: { query: includeArchived ? { includeArchived: 'true' } : {} } })),
  });

export interface SubscriptionFilter {
  readonly schoolId?: string | undefined;
  readonly serviceId?: string | undefined;
  readonly status?: SubscriptionStatus | undefined;
}

export const subscriptionsQuery = (filter: SubscriptionFilter) =>
  queryOptions({
    queryKey: ['services', 'subscriptions', filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/subscriptions', {
          params: {
            query: {
              ...(filter.schoolId ? { schoolId: filter.schoolId } : {}),
              ...(filter.serviceId ? { serviceId: filter.serviceId } : {}),
              ...(filter.status ? { status: filter.status } : {}),
            },
          },
        }),
      ),
  });

/** After a write: the catalogue's counts and every list of subscriptions may have moved. */
export async function servicesChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['services'] });
}
