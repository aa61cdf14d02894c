import type { Presence, PresenceCounts, Tally } from '@actionday/shared';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';
import { useSocket } from '../../app/socket/SocketProvider';
import { useSocketEvents } from '../../app/socket/useSocketEvents';
import { useOperationRoom } from '../operations/OperationRoom';
import { type OperationDetail, operationKey } from '../operations/operations.api';
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

/**
 * Tells the others which platform this user is looking at (null: none), for
 * "who is on which platform". For the board: call it with the opened
 * platform's id. The server ignores it until the room is joined, so it is
 * sent after every join, and again whenever a presence update shows this
 * user elsewhere.
 */
export function useReportViewing(operationId: string, platformId: string | null): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  const joins = useOperationRoom()?.joins ?? 0;
  // a few repeats per join: two tabs of one person showing different platforms must not ping-pong
  const repeats = useRef(0);
  useEffect(() => {
    if (!socket || joins === 0) return;
    repeats.current = 0;
    socket.emit('presence:viewing', { operationId, platformId });
    return () => {
      if (platformId !== null && socket.connected) socket.emit('presence:viewing', { operationId, platformId: null });
    };
  }, [socket, operationId, platformId, joins]);
  useSocketEvents({
    'presence:updated': (presence) => {
      if (!socket || presence.operationId !== operationId || repeats.current >= 3) return;
      const meId = queryClient.getQueryData<OperationDetail>(operationKey(operationId))?.me.id;
      const mine = presence.online.find((entry) => entry.participantId === meId);
      if (mine && mine.platformId !== platformId) {
        repeats.current += 1;
        socket.emit('presence:viewing', { operationId, platformId });
      }
    },
  });
}
