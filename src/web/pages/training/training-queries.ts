import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../../api/client.ts';

export type TrainingSession = Schemas['TrainingSession'];
export type TrainingSessionDetail = Schemas['TrainingSessionDetail'];
export type TrainingAudience = TrainingSession['audience'];
export type TrainingStatus = TrainingSession['status'];
export type Registration = Schemas['TrainingRegistration'];

export const AUDIENCES: readonly TrainingAudience[] = ['teachers', 'families', 'periscolaire', 'technicians'];

/** Queries of the training pages. Keys: `['training', 'sessions' | 'session' | 'trained', …]`. */

export interface SessionFilter {
  readonly audience?: TrainingAudience | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
}

export const sessionsQuery = (filter: SessionFilter) =>
  queryOptions({
    queryKey: ['training', 'sessions', filter],
    queryFn: () =>
      unwrap(
        api.GET('/api/training/sessions', {
          params: {
            query: {
              ...(filter.audience ? { audience: filter.audience } : {}),
              ...(filter.from ? { from: filter.from } : {}),
              ...(filter.to ? { to: filter.to } : {}),
            },
          },
        }),
      ),
  });

export const sessionQuery = (id: string) =>
  queryOptions({
    queryKey: ['training', 'session', id],
    queryFn: () => unwrap(api.GET('/api/training/sessions/{id}', { params: { path: { id } } })),
  });

export const trainedQuery = queryOptions({
  queryKey: ['training', 'trained'],
  queryFn: () => unwrap(api.GET('/api/training/teachers-trained')),
});

/** After a write: lists, the session and the indicator may have moved. */
export async function trainingChanged(queryClient: QueryClient): Promise<void> {
  await queryClient.invalidateQueries({ queryKey: ['training'] });
}
