import type { Presence, PresenceCounts, Tally } from '@actionday/shared';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useSocketEvents } from '../../app/socket/useSocketEvents';
import { activityKey, figuresKey, timelineKey } from './dashboard.api';
import { applyPushedTally, talliesKey } from './tallies';
import { throttle } from './throttle';

export const presenceKey = (operationId: string) => ['presence', operationId] as const;
export const presenceCountsKey = (operationId: string) => ['presence-counts', operationId] as const;

/** Who is online and on which platform (members with record access); filled by `presence:updated`. */
export function usePresence(operationId: string) {
  return useQuery<Presence>({ queryKey: presenceKey(operationId), queryFn: skipToken });
}

/** How many are online per country (what observers receive); filled by `presence:counts`. */
export function usePresenceCounts(operationId: string) {
  return useQuery<PresenceCounts>({ queryKey: presenceCountsKey(operationId), queryFn: skipToken });
}

/** The activity feed is asked again at most this often while tallies move. */
const FEED_THROTTLE_MS = 3000;
/** The timeline changes per 15 minutes: asked again less often. */
const TIMELINE_THROTTLE_MS = 15_000;

/** `run` throttled (see `throttle`), always calling the latest `run`; a pending run is dropped on unmount. */
function useThrottled(run: () => void, ms: number): () => void {
  const latest = useRef(run);
  useLayoutEffect(() => {
    latest.current = run;
  });
  const throttled = useRef<ReturnType<typeof throttle> | null>(null);
  useEffect(() => {
    const current = throttle(() => latest.current(), ms);
    throttled.current = current;
    return () => {
      current.cancel();
      throttled.current = null;
    };
  }, [ms]);
  return useCallback(() => throttled.current?.call(), []);
}

/**
 * Keeps the command-centre numbers live (the page's `OperationRoom` joins the
 * room and refetches them after every join): pushed tallies go into the cache
 * when their `seq` is newer, a gap fetches them again, the activity feed and
 * the timeline follow (throttled), presence lands in the cache, and a closed
 * operation brings its frozen figures.
 */
export function useDashboardLive(operationId: string): void {
  const queryClient = useQueryClient();
  const feed = useThrottled(
    () => void queryClient.invalidateQueries({ queryKey: activityKey(operationId) }),
    FEED_THROTTLE_MS,
  );
  const timeline = useThrottled(
    () => void queryClient.invalidateQueries({ queryKey: timelineKey(operationId) }),
    TIMELINE_THROTTLE_MS,
  );
  const refetchTallies = () => void queryClient.invalidateQueries({ queryKey: talliesKey(operationId) });

  useSocketEvents({
    'tally:updated': (tally) => {
      if (tally.operationId !== operationId) return;
      if (applyPushedTally(queryClient, operationId, tally)) refetchTallies();
      feed();
      timeline();
    },
    'presence:updated': (presence) => {
      if (presence.operationId === operationId) queryClient.setQueryData(presenceKey(operationId), presence);
    },
    'presence:counts': (counts) => {
      if (counts.operationId === operationId) queryClient.setQueryData(presenceCountsKey(operationId), counts);
    },
    'operation:updated': ({ operation }) => {
      if (operation.id !== operationId) return;
      // no push follows a close: the frozen figures are fetched
      const cached = queryClient.getQueryData<Tally>(talliesKey(operationId));
      if (operation.status === 'closed' && !cached?.frozen) refetchTallies();
      void queryClient.invalidateQueries({ queryKey: figuresKey(operationId) });
      feed();
    },
  });
}
