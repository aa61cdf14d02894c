import type { HitView } from '@actionday/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '../../app/api';
import { useSocketEvents } from '../../app/socket/useSocketEvents';
import { postText } from '../../app/upload';
import { newerHit } from '../findings/findings.cache';
import { ledgerOf, reconcile, upsertListed } from '../findings/live-list';

export const hitsKey = (operationId: string) => ['hits', operationId] as const;

/**
 * Hits this tab already told its user about (the "Cross-hit!" beside the
 * form that produced them): no second notice for those. The live event may
 * come before or after the answer, so the notices listen for changes.
 */
const acknowledged = new Set<string>();
const acknowledgedListeners = new Set<() => void>();
let acknowledgedVersion = 0;

export function acknowledgeHits(ids: readonly string[]): void {
  if (ids.length === 0) return;
  for (const id of ids) acknowledged.add(id);
  acknowledgedVersion += 1;
  for (const listener of acknowledgedListeners) listener();
}

/** Whether a hit was already shown where it was produced; re-renders when that changes. */
export function useAcknowledgedHits(): (id: string) => boolean {
  useSyncExternalStore(
    (listener) => {
      acknowledgedListeners.add(listener);
      return () => acknowledgedListeners.delete(listener);
    },
    () => acknowledgedVersion,
  );
  return (id) => acknowledged.has(id);
}
const ledger = (queryClient: QueryClient, operationId: string) => ledgerOf<HitView>(queryClient, `hits:${operationId}`);

/** Applies a hit from an event or an answer to the cached list (a resolved hit is never reopened). */
export function applyHit(queryClient: QueryClient, hit: HitView): void {
  const live = ledger(queryClient, hit.operationId);
  const known = live.live.get(hit.id)?.item;
  live.live.set(hit.id, { at: Date.now(), item: known ? newerHit(known, hit) : hit });
  queryClient.setQueryData<HitView[]>(hitsKey(hit.operationId), (current) =>
    current ? upsertListed(current, hit, newerHit) : current,
  );
}

/** The hits this viewer may know of: all for analysts and coordinators, their own (redacted) for investigators. */
export function useHits(operationId: string, enabled = true) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: hitsKey(operationId),
    enabled,
    queryFn: async ({ signal }) => {
      const requestedAt = Date.now();
      const fresh = await api<HitView[]>(`/api/operations/${operationId}/hits`, { signal });
      return reconcile(
        queryClient.getQueryData<HitView[]>(hitsKey(operationId)),
        fresh,
        requestedAt,
        ledger(queryClient, operationId),
        newerHit,
      );
    },
  });
}

/**
 * Applies `hit:found` and `hit:resolved` to the cache; `onFound` hears of each
 * new hit (for a notice). Analysts and coordinators receive hits through the
 * operation's room, investigators through their own; the page's
 * `OperationRoom` asks for the list again after every join.
 */
export function useHitsLive(operationId: string, onFound?: (hit: HitView) => void): void {
  const queryClient = useQueryClient();
  useSocketEvents({
    'hit:found': ({ hit }) => {
      if (hit.operationId !== operationId) return;
      applyHit(queryClient, hit);
      onFound?.(hit);
    },
    'hit:resolved': ({ hit }) => {
      if (hit.operationId === operationId) applyHit(queryClient, hit);
    },
  });
}

export function useResolveHit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, note }: { id: string; status: 'confirmed' | 'dismissed'; note?: string }) =>
      api<HitView>(`/api/hits/${id}/resolve`, { method: 'POST', body: note ? { status, note } : { status } }),
    onSuccess: (hit) => applyHit(queryClient, hit),
  });
}

/** The answer to a reference-list upload. */
export interface ReferenceListResult {
  id: string;
  name: string;
  entries: number;
  rejected: { line: number; message: string }[];
  hits: number;
}

export function useUploadReferenceList(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ name, csv }: { name: string; csv: string }) =>
      postText<ReferenceListResult>(
        `/api/operations/${operationId}/reference-lists?name=${encodeURIComponent(name)}`,
        csv,
        'text/csv',
      ),
    // hits found by the import also arrive live; the list is asked again in case some were missed
    onSuccess: (result) => {
      if (result.hits > 0) void queryClient.invalidateQueries({ queryKey: hitsKey(operationId) });
    },
  });
}
