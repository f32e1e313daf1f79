import { type QueryClient, queryOptions, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import {
  type ApiError,
  api,
  isUnauthenticated,
  type Me,
  type Permission,
  rememberCsrfToken,
  unwrap,
} from '../api/client.ts';
import { applyAccountLanguage, type Language } from '../i18n.ts';

/** The signed-in user, or null when signed out: `/api/auth/me` answering 401 is not an error here. */
export const meQuery = queryOptions<Me | null, ApiError>({
  queryKey: ['me'],
  queryFn: async () => {
    try {
      const me = await unwrap(api.GET('/api/auth/me'));
      rememberCsrfToken(me.csrfToken);
      applyAccountLanguage(me.user.locale);
      return me;
    } catch (error) {
      if (isUnauthenticated(error)) {
        rememberCsrfToken(null);
        return null;
      }
      throw error;
    }
  },
  staleTime: 60_000,
  retry: false,
});

export const publicInfoQuery = queryOptions({
  queryKey: ['public-info'],
  queryFn: () => unwrap(api.GET('/api/public/info')),
  staleTime: 5 * 60_000,
});

export function useMe(): Me | null {
  return useQuery(meQuery).data ?? null;
}

/** Inside the signed-in layout, where the route guard already loaded the session. */
export function useSignedInMe(): Me {
  const me = useSuspenseQuery(meQuery).data;
  if (!me) throw new Error('useSignedInMe outside the signed-in layout');
  return me;
}

export function hasPermission(me: Me | null, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

/** After login: the answer of POST /api/auth/login is the session description. */
export function setSession(queryClient: QueryClient, me: Me): void {
  rememberCsrfToken(me.csrfToken);
  applyAccountLanguage(me.user.locale);
  queryClient.setQueryData(meQuery.queryKey, me);
}

/** Forget everything cached for the previous user. */
export function clearSession(queryClient: QueryClient): void {
  rememberCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' && q.queryKey[0] !== 'public-info' });
  queryClient.setQueryData(meQuery.queryKey, null);
}

/** Saves one's own display name or language; the answer is the new session description. */
export async function updateMe(
  queryClient: QueryClient,
  body: { displayName?: string; locale?: Language },
): Promise<Me> {
  const me = await unwrap(api.PATCH('/api/auth/me', { body }));
  setSession(queryClient, me);
  return me;
}
