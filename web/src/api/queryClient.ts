import { QueryClient } from '@tanstack/react-query';
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
 * « Réessayer » button rather than after silent retries.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
