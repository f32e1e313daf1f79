import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

export type Ticket = Schemas['Ticket'];
export type TicketDetail = Schemas['TicketDetail'];

/** Queries of the helpdesk pages. Keys: `['helpdesk', 'tickets' | 'queue' | 'ticket', …]`. */

export interface TicketFilter {
  readonly status?: Ticket['status'] | undefined;
  readonly schoolId?: string | undefined;
  readonly priority?: Ticket['priority'] | undefined;
  readonly category?: Ticket['category'] | undefined;
  readonly assigneeId?: string | undefined;
  readonly breached?: boolean | undefined;
  /** A ticket number, a year or words of the title. */
  readonly q?: string | undefined;
  /** Open tickets only (new, assigned, in progress, waiting). */
  readonly open?: boolean | undefined;
}

export const ticketsQuery = (filter: TicketFilter) =>
  queryOptions({
    queryKey: ['helpdesk', 'tickets', filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/helpdesk/tickets', {
          params: {
            query: {
              ...(filter.status ? { status: filter.status } : {}),
              ...(filter.schoolId ? { schoolId: filter.schoolId } : {}),
              ...(filter.priority ? { priority: filter.priority } : {}),
              ...(filter.category ? { category: filter.category } : {}),
              ...(filter.assigneeId ? { assigneeId: filter.assigneeId } : {}),
              ...(filter.breached ? { breached: 'true' as const } : {}),
              ...(filter.q ? { q: filter.q } : {}),
              ...(filter.open ? { open: 'true' as const } : {}),
              limit: 200,
            },
          },
        }),
      ),
  });

export const queueQuery = queryOptions({
  queryKey: ['helpdesk', 'queue'],
  queryFn: () => unwrap(api.GET('/api/helpdesk/queue')),
});

export const ticketQuery = (id: string) =>
  queryOptions({
    queryKey: ['helpdesk', 'ticket', id],
    queryFn: () => unwrap(api.GET('/api/helpdesk/tickets/{id}', { params: { path: { id } } })),
  });

/** After a write: lists, the queue and the ticket may have moved. */
export async function helpdeskChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['helpdesk'] });
}
