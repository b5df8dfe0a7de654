import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import type { ApiError } from './client.ts';

// Every read and mutation fails with an ApiError (api/client.ts): its code says what to show.
declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiError;
  }
}

/**
 * The app's one cache. Reads are refetched when a mutation invalidates them (api/mutations.ts)
 * or on the workshop's interval, not when the window regains focus; errors show at once with a
 * « Réessayer » button rather than after silent retries. `onUnauthenticated` runs when any read
 * or write is refused with UNAUTHENTICATED (nobody signed in, or the session expired): the app
 * sends the user to the sign-in page from there.
 */
export function createQueryClient(onUnauthenticated: () => void = () => {}): QueryClient {
  const onError = (error: ApiError) => {
    if (error.code === 'UNAUTHENTICATED') onUnauthenticated();
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
