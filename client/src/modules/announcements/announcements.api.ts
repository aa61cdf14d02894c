import type { Announcement } from '@actionday/shared';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { api } from '../../app/api';
import { Queued, sendThroughOutbox } from '../../app/outbox/outbox';
import { useSocketEvents } from '../../app/socket/useSocketEvents';

export const announcementsKey = (operationId: string) => ['announcements', operationId] as const;

/** Newest first, each once. */
export function mergeAnnouncements(
  current: readonly Announcement[] | undefined,
  incoming: readonly Announcement[],
): Announcement[] {
  const byId = new Map<string, Announcement>();
  for (const a of [...incoming, ...(current ?? [])]) if (!byId.has(a.id)) byId.set(a.id, a);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

function applyAnnouncement(queryClient: QueryClient, announcement: Announcement): void {
  queryClient.setQueryData<Announcement[]>(announcementsKey(announcement.operationId), (current) =>
    mergeAnnouncements(current, [announcement]),
  );
}

/** The announcements this viewer may see, newest first; a fresh list keeps what a push added meanwhile. */
export function useAnnouncements(operationId: string) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: announcementsKey(operationId),
    queryFn: async ({ signal }) => {
      const fresh = await api<Announcement[]>(`/api/operations/${operationId}/announcements`, { signal });
      return mergeAnnouncements(queryClient.getQueryData<Announcement[]>(announcementsKey(operationId)), fresh);
    },
    staleTime: Infinity,
  });
}

/**
 * Puts `announcement:created` into the cache at once. What was broadcast
 * while this client was away comes with the list, which the page's
 * `OperationRoom` asks for again after every join.
 */
export function useAnnouncementsLive(operationId: string): void {
  const queryClient = useQueryClient();
  useSocketEvents({
    'announcement:created': ({ announcement }) => {
      if (announcement.operationId === operationId) applyAnnouncement(queryClient, announcement);
    },
  });
}

export function useCreateAnnouncement(operationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    // the outbox decides what offline means: react-query would hold the write back, unsaved, until online
    networkMode: 'always',
    mutationFn: (body: { message: string; country?: string }) =>
      sendThroughOutbox<Announcement>({
        kind: 'announcement',
        method: 'POST',
        path: `/api/operations/${operationId}/announcements`,
        body,
        operationId,
      }),
    onSuccess: (announcement) => {
      if (!(announcement instanceof Queued)) applyAnnouncement(queryClient, announcement);
    },
  });
}

// ---------- Dismissed announcements, remembered per operation on this device ----------

const storageKey = (operationId: string) => `actionday.announcements.dismissed.${operationId}`;
const MAX_REMEMBERED = 500;
const dismissedCache = new Map<string, ReadonlySet<string>>();
const listeners = new Set<() => void>();

function readDismissed(operationId: string): ReadonlySet<string> {
  const cached = dismissedCache.get(operationId);
  if (cached) return cached;
  let ids: string[] = [];
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey(operationId)) ?? '[]');
    if (Array.isArray(parsed)) ids = parsed.filter((id): id is string => typeof id === 'string');
  } catch {
    // blocked or unreadable storage: nothing remembered
  }
  const set = new Set(ids);
  dismissedCache.set(operationId, set);
  return set;
}

/** Forgets these announcements on this device (they stay in the list; the banner no longer shows them). */
export function dismissAnnouncements(operationId: string, ids: readonly string[]): void {
  const next = new Set([...readDismissed(operationId), ...ids]);
  const kept = [...next].slice(-MAX_REMEMBERED);
  dismissedCache.set(operationId, new Set(kept));
  try {
    localStorage.setItem(storageKey(operationId), JSON.stringify(kept));
  } catch {
    // not remembered across reloads, still hidden now
  }
  for (const listener of listeners) listener();
}

/** The ids dismissed on this device for the operation; re-renders when that changes. */
export function useDismissedAnnouncements(operationId: string): ReadonlySet<string> {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => readDismissed(operationId),
  );
}
