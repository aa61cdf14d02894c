import type { Tally } from '@actionday/shared';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../app/api';

export const talliesKey = (operationId: string) => ['tallies', operationId] as const;

/** What to do with a pushed tally, given the cached one. */
export type TallyDecision = 'apply' | 'apply-and-refetch' | 'ignore';

/**
 * A pushed tally is a whole recount, so a newer one is always right to show;
 * an older or equal `seq` is a late or repeated message. A jump of more than
 * one means pushes were missed: the numbers are still whole, but the client
 * asks again to be sure it holds the latest. Frozen figures never go back to
 * live ones.
 */
export function tallyDecision(current: Tally | undefined, incoming: Tally): TallyDecision {
  if (!current) return 'apply';
  if (current.frozen && !incoming.frozen) return 'ignore';
  if (incoming.seq <= current.seq) return incoming.frozen && !current.frozen ? 'apply' : 'ignore';
  return incoming.seq === current.seq + 1 ? 'apply' : 'apply-and-refetch';
}

/**
 * A fetched tally against what a push put in the cache meanwhile: the higher
 * `seq` wins; on a tie the fetched recount (it may already hold a change
 * whose push is on its way).
 */
export function newerTally(cached: Tally | undefined, fetched: Tally): Tally {
  if (!cached) return fetched;
  if (cached.frozen && !fetched.frozen) return cached;
  if (fetched.frozen && !cached.frozen) return fetched;
  return cached.seq > fetched.seq ? cached : fetched;
}

/** Applies a pushed tally to the cache; answers whether a fetch should follow. */
export function applyPushedTally(queryClient: QueryClient, operationId: string, incoming: Tally): boolean {
  const decision = tallyDecision(queryClient.getQueryData<Tally>(talliesKey(operationId)), incoming);
  if (decision === 'ignore') return false;
  queryClient.setQueryData<Tally>(talliesKey(operationId), incoming);
  return decision === 'apply-and-refetch';
}

/** The operation's key figures, progress and per-country counts; kept live by `useDashboardLive`. */
export function useTallies(operationId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: talliesKey(operationId),
    queryFn: async ({ signal }) => {
      const fetched = await api<Tally>(`/api/operations/${operationId}/tallies`, { signal });
      return newerTally(queryClient.getQueryData<Tally>(talliesKey(operationId)), fetched);
    },
    // pushes keep it fresh; a refetch happens on reconnect and on gaps
    staleTime: Infinity,
  });
}
