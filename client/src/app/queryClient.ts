import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './api';
import { meKey } from './session';

/**
 * The app's query client. A 401 anywhere means the session is gone: the
 * cached user is cleared, and the router sends the person to sign in.
 */
export function createQueryClient(): QueryClient {
  const signedOut = (error: unknown) => {
    if (isApiError(error, 'auth.unauthenticated')) client.setQueryData(meKey, null);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: signedOut }),
    mutationCache: new MutationCache({ onError: signedOut }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // 4xx answers will not change by asking again; network and 5xx failures may.
        retry: (failures, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 3,
      },
      mutations: { retry: false },
    },
  });
  return client;
}
