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
 * or on the workshop's interval, not when the window regains focus. A read that failed for a
 * passing reason (shouldRetryRead) is tried twice more, 0.4 s then 0.8 s later; any other error
 * shows at once with a « Réessayer » button. Writes are never retried (the pilot sees the error
 * and decides). `onUnauthenticated` runs when any read
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
      queries: { retry: shouldRetryRead, retryDelay: (attempt) => 400 * 2 ** attempt, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}

/**
 * Errors that say nothing about the request itself — the server or its database briefly out of
 * reach or overloaded (SERVICE_UNAVAILABLE, HTTP 503), the network — and may pass on their own.
 */
const PASSING = new Set(['SERVICE_UNAVAILABLE', 'NETWORK']);

/** Whether a read that failed `failureCount` times (1 after the first failure) with `error` is tried again: twice at most, passing errors only. */
export function shouldRetryRead(failureCount: number, error: ApiError): boolean {
  return failureCount <= 2 && PASSING.has(error.code);
}
