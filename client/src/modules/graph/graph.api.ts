import type { FindingKind, Graph } from '@actionday/shared';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api } from '../../app/api';
import { useSocketEvents } from '../../app/socket/useSocketEvents';

/** The chart's filters, each a query parameter of `GET /graph`. */
export interface GraphFilters {
  country?: string | undefined;
  tag?: string | undefined;
  kind?: FindingKind | undefined;
}

export const graphRoot = (operationId: string) => ['graph', operationId] as const;
export const graphKey = (operationId: string, filters: GraphFilters) =>
  [...graphRoot(operationId), { country: filters.country, tag: filters.tag, kind: filters.kind }] as const;

/** Waits for this much quiet after a change before the chart is read again; at most this long after the first. */
export const REFRESH_QUIET_MS = 1000;
export const REFRESH_MAX_MS = 5000;

/** The link chart as this viewer may see it (what they may not open is absent, not greyed out). */
export function useGraph(operationId: string, filters: GraphFilters) {
  return useQuery({
    queryKey: graphKey(operationId, filters),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (filters.country) params.set('country', filters.country);
      if (filters.tag) params.set('tag', filters.tag);
      if (filters.kind) params.set('kind', filters.kind);
      const query = params.toString();
      return api<Graph>(`/api/operations/${operationId}/graph${query ? `?${query}` : ''}`, { signal });
    },
    // the old picture stays up while a filter's answer is on its way
    placeholderData: keepPreviousData,
  });
}

/**
 * Grows the chart live: findings and matches change it, so it is read again — once per burst of events (1 s
 * of quiet, 5 s at most), not once per event, however busy the room.
 */
export function useGraphLive(operationId: string): void {
  const queryClient = useQueryClient();
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const firstAt = useRef<number | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  const changed = (eventOperationId: string) => {
    if (eventOperationId !== operationId) return;
    const now = Date.now();
    firstAt.current ??= now;
    if (timer.current) clearTimeout(timer.current);
    const wait = Math.max(0, Math.min(REFRESH_QUIET_MS, firstAt.current + REFRESH_MAX_MS - now));
    timer.current = setTimeout(() => {
      timer.current = null;
      firstAt.current = null;
      void queryClient.invalidateQueries({ queryKey: graphRoot(operationId) });
    }, wait);
  };
  useSocketEvents({
    'finding:logged': ({ finding }) => changed(finding.operationId),
    'finding:updated': ({ finding }) => changed(finding.operationId),
    'finding:deleted': (deleted) => changed(deleted.operationId),
    'match:found': ({ match }) => changed(match.operationId),
    'match:updated': ({ match }) => changed(match.operationId),
    'match:resolved': ({ match }) => changed(match.operationId),
    'match:withdrawn': (withdrawn) => changed(withdrawn.operationId),
  });
}
