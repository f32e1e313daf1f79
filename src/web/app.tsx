import { MantineProvider } from '@mantine/core';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { ApiError, isUnauthenticated } from './api/client.ts';
import { clearSession } from './auth/session.ts';
import { createAppRouter, safeRedirect } from './router.tsx';
import { cssVariablesResolver, theme } from './theme.ts';

/** A 401 on any request while signed in: the session ended elsewhere; back to the login page. */
function onError(error: unknown) {
  if (!isUnauthenticated(error)) return;
  const wasSignedIn = queryClient.getQueryData(['me']) !== null;
  clearSession(queryClient);
  const here = router.state.location;
  if (wasSignedIn && here.pathname !== '/login') {
    void router.navigate({ to: '/login', search: { redirect: safeRedirect(here.href), expired: true } });
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // Client errors (4xx) will not get better by asking again.
      retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createAppRouter(queryClient);

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
