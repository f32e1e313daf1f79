import { type QueryClient, queryOptions } from '@tanstack/react-query';
import { api, type School, unwrap } from '../../api/client.ts';

/** Queries of the schools registry, and what a change to a school makes stale. */

export const schoolQuery = (id: string) =>
  queryOptions({
    queryKey: ['schools', 'detail', id],
    queryFn: () => unwrap(api.GET('/api/schools/{id}', { params: { path: { id } } })),
  });

export const classesQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['schools', 'detail', schoolId, 'classes'],
    queryFn: () => unwrap(api.GET('/api/schools/{id}/classes', { params: { path: { id: schoolId } } })),
  });

export const roomsQuery = (schoolId: string, archived: boolean) =>
  queryOptions({
    queryKey: ['schools', 'detail', schoolId, 'rooms', { archived }],
    queryFn: () =>
      unwrap(
        api.GET('/api/schools/{id}/rooms', {
          params: { path: { id: schoolId }, query: { archived: archived ? 'true' : 'false' } },
        }),
      ),
  });

export const buildingsQuery = (schoolId: string) =>
  queryOptions({
    queryKey: ['schools', 'detail', schoolId, 'buildings'],
    queryFn: () => unwrap(api.GET('/api/schools/{id}/buildings', { params: { path: { id: schoolId } } })),
  });

export const mapPointsQuery = queryOptions({
  queryKey: ['schools', 'map'],
  queryFn: () => unwrap(api.GET('/api/schools/map')),
  staleTime: 60_000,
});

/** A school answered by a write: it is the new truth of its page; lists, pickers and the map are stale. */
export async function schoolSaved(queryClient: QueryClient, school: School): Promise<void> {
  queryClient.setQueryData(schoolQuery(school.id).queryKey, school);
  await queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === 'schools' && q.queryKey[1] !== 'detail',
  });
}

/** Classes and rooms point at each other (a class's classroom, a room's class this year). */
export async function classesOrRoomsChanged(queryClient: QueryClient, schoolId: string): Promise<void> {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: ['schools', 'detail', schoolId, 'classes'] }),
    queryClient.invalidateQueries({ queryKey: ['schools', 'detail', schoolId, 'rooms'] }),
    queryClient.invalidateQueries({ queryKey: ['schools', 'detail', schoolId, 'buildings'] }),
  ]);
}
