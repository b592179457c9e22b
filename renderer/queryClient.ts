import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api';

let onSessionLost: (() => void) | null = null;

/** The session gate registers here to hear when a call finds the database locked behind its back. */
export function setSessionLostHandler(handler: (() => void) | null): void {
  onSessionLost = handler;
}

function watch(error: unknown): void {
  if (isApiError(error, 'NOT_UNLOCKED')) onSessionLost?.();
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: watch }),
  mutationCache: new MutationCache({ onError: watch }),
  defaultOptions: {
    // Calls go to the local process: a failure will not heal by retrying, and the data has one writer.
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 5_000 },
    mutations: { retry: false },
  },
});
