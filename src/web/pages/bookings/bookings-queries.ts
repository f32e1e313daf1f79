import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

export type Booking = Schemas['Booking'];
export type BookingStatus = Booking['status'];
export type BookableResource = Schemas['BookableResource'];
export type BookingFeed = Schemas['BookingFeed'];
export type CreatedFeed = Schemas['CreatedBookingFeed'];

/** Queries of the bookings page. Keys: `['bookings', 'calendar' | 'resources' | 'feeds', …]`. */

export const calendarQuery = (filter: {
  schoolId: string;
  from: string;
  to: string;
  resourceId?: string | undefined;
}) =>
  queryOptions({
    queryKey: ['bookings', 'calendar', filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/bookings', {
          params: {
            query: {
              schoolId: filter.schoolId,
              from: filter.from,
              to: filter.to,
              ...(filter.resourceId ? { resourceId: filter.resourceId } : {}),
            },
          },
        }),
      ),
    enabled: Boolean(filter.schoolId),
  });

export const resourcesQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['bookings', 'resources', schoolId],
    queryFn: () => unwrap(api.GET('/api/bookings/resources', { params: { query: { schoolId } } })),
    enabled: Boolean(schoolId),
    staleTime: 60_000,
  });

export const feedsQuery = queryOptions({
  queryKey: ['bookings', 'feeds'],
  queryFn: () => unwrap(api.GET('/api/bookings/feeds')),
});

/** After a write: calendars and feeds may have moved. */
export async function bookingsChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['bookings'] });
}
