import type { Match, MatchStatus, MatchesQuery } from '@actionday/shared';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api, isApiError } from '../../app/api';
import { useSocketEvents } from '../../app/socket/useSocketEvents';
import { applyMatch, cleanQuery, isKnownMatch, matchesKey, reconcileMatches, withdrawMatch } from './matches.cache';

/**
 * Matches this tab already told its user about (the notice beside the form that logged them): no toast for
 * those. The live event may come before or after the answer, so the toasts listen for changes.
 */
const acknowledged = new Set<string>();
const acknowledgedListeners = new Set<() => void>();
let acknowledgedVersion = 0;

/** Marks matches as shown where they were produced (the logging form's notice). */
export function acknowledgeMatches(ids: readonly string[]): void {
  if (ids.length === 0) return;
  for (const id of ids) acknowledged.add(id);
  acknowledgedVersion += 1;
  for (const listener of acknowledgedListeners) listener();
}

/** Whether a match was already shown where it was produced; re-renders when that changes. */
export function useAcknowledgedMatches(): (id: string) => boolean {
  useSyncExternalStore(
    (listener) => {
      acknowledgedListeners.add(listener);
      return () => acknowledgedListeners.delete(listener);
    },
    () => acknowledgedVersion,
  );
  return (id) => acknowledged.has(id);
}

const queryString = (query: MatchesQuery) => {
  const params = new URLSearchParams(Object.entries(cleanQuery(query)) as [string, string][]);
  const text = params.toString();
  return text ? `?${text}` : '';
};

/**
 * The matches this viewer may know of, filtered on the server: all for analysts and coordinators, their own
 * (redacted) for investigators. Live events keep every cached list current (`useMatchesLive`).
 */
export function useMatches(operationId: string, query: MatchesQuery = {}, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: matchesKey(operationId, query),
    enabled,
    queryFn: async ({ signal }) => {
      const requestedAt = Date.now();
      const fresh = await api<Match[]>(`/api/operations/${operationId}/matches${queryString(query)}`, { signal });
      return reconcileMatches(queryClient, operationId, query, fresh, requestedAt);
    },
  });
}

/**
 * Applies `match:found`, `match:updated`, `match:resolved` and `match:withdrawn` to every cached list, without
 * asking again; `onNews` hears of each match that is new to this tab (for a notice). The page's
 * `OperationRoom` asks for the lists again after every join.
 */
export function useMatchesLive(operationId: string, onNews?: (match: Match) => void): void {
  const queryClient = useQueryClient();
  const put = (match: Match) => {
    if (match.operationId !== operationId) return;
    const news = !isKnownMatch(queryClient, operationId, match.id);
    applyMatch(queryClient, match);
    if (news) onNews?.(match);
  };
  useSocketEvents({
    'match:found': ({ match }) => put(match),
    'match:updated': ({ match }) => put(match),
    'match:resolved': ({ match }) => put(match),
    'match:withdrawn': ({ operationId: id, matchId }) => {
      if (id === operationId) withdrawMatch(queryClient, operationId, matchId);
    },
  });
}

/** Reads one match again (after a refused change) and puts it in the lists; gone when the viewer may no longer see it. */
export async function refreshMatch(
  queryClient: ReturnType<typeof useQueryClient>,
  operationId: string,
  matchId: string,
): Promise<void> {
  try {
    applyMatch(queryClient, await api<Match>(`/api/matches/${matchId}`));
  } catch (error) {
    if (isApiError(error, 'matches.not_found')) withdrawMatch(queryClient, operationId, matchId);
    else throw error;
  }
}

/** One analyst's answer to one match. */
export interface Resolution {
  match: Match;
  status: MatchStatus;
  note?: string | undefined;
  /** The version the analyst was looking at: a change made since answers 409 instead of being overwritten. */
  version: number;
}

/** Confirm, dismiss or reopen one match; a 409 `matches.version_conflict` reads the match again. */
export function useResolveMatch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ match, status, note, version }: Resolution) =>
      api<Match>(`/api/matches/${match.id}/resolution`, {
        method: 'POST',
        body: { status, version, ...(note ? { note } : {}) },
      }),
    onSuccess: (match) => applyMatch(queryClient, match),
    onError: (error, { match }) => {
      if (isApiError(error, 'matches.version_conflict'))
        void refreshMatch(queryClient, match.operationId, match.id).catch(() => undefined);
    },
  });
}

/** Several matches resolved at once, with one note. */
export function useResolveMatches(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ matchIds, status, note }: { matchIds: string[]; status: MatchStatus; note?: string | undefined }) =>
      api<Match[]>(`/api/operations/${operationId}/matches/resolution`, {
        method: 'POST',
        body: { matchIds, status, ...(note ? { note } : {}) },
      }),
    onSuccess: (matches) => {
      for (const match of matches) applyMatch(queryClient, match);
    },
  });
}

/** The TLP:RED owner (or a coordinator, naming the country) shares the contact with the other side, or keeps it closed. */
export function useDisclose() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ match, share, country }: { match: Match; share: boolean; country: string }) =>
      api<Match>(`/api/matches/${match.id}/disclosure`, { method: 'POST', body: { share, country } }),
    onSuccess: (match) => applyMatch(queryClient, match),
  });
}
