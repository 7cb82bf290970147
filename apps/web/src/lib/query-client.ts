import { QueryCache, QueryClient } from '@tanstack/react-query';
import { connectivity, type ConnectivityStore } from './connectivity';

/** Whether a failed query is worth retrying: only network trouble and 5xx, never a 4xx answer. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 1) return false;
  const status = typeof error === 'object' && error !== null && 'status' in error ? error.status : undefined;
  return typeof status !== 'number' || status >= 500;
}

export function createQueryClient(store: ConnectivityStore = connectivity): QueryClient {
  return new QueryClient({
    // Queries are GETs, so retrying them is safe; the banner hears of every outcome.
    queryCache: new QueryCache({
      onError: (error, query) => store.failed(error, query.state.dataUpdatedAt, query.state.data !== undefined),
      onSuccess: () => store.succeeded(),
    }),
    defaultOptions: {
      queries: { staleTime: 10_000, retry: shouldRetry, refetchOnWindowFocus: true },
      // Mutations are never retried: a PATCH that half-arrived must not be sent twice.
      mutations: { retry: false },
    },
  });
}

/** The app's one cache; route loaders and components share it. */
export const queryClient = createQueryClient();
