import type { Operation, Presence, PresenceCounts, Tally } from '@actionday/shared';
import { skipToken, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useSocket } from '../../app/socket/SocketProvider';
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
/** After a reconnect the room is joined again; a second fetch covers changes pushed before that join. */
const RESYNC_AFTER_JOIN_MS = 1500;

/**
 * Keeps the command-centre numbers live (the page also joins the room, with
 * `useOperationLive`): pushed tallies go into the cache when their `seq` is
 * newer, a gap or a reconnect fetches them again, the activity feed and the
 * timeline follow (throttled), presence lands in the cache, and a closed
 * operation brings its frozen figures.
 */
export function useDashboardLive(operationId: string): void {
  const socket = useSocket();
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!socket) return;
    const refetchTallies = () => void queryClient.invalidateQueries({ queryKey: talliesKey(operationId) });
    const feed = throttle(
      () => void queryClient.invalidateQueries({ queryKey: activityKey(operationId) }),
      FEED_THROTTLE_MS,
    );
    const timeline = throttle(
      () => void queryClient.invalidateQueries({ queryKey: timelineKey(operationId) }),
      TIMELINE_THROTTLE_MS,
    );
    let resync: ReturnType<typeof setTimeout> | undefined;

    const onTally = (tally: Tally) => {
      if (tally.operationId !== operationId) return;
      if (applyPushedTally(queryClient, operationId, tally)) refetchTallies();
      feed.call();
      timeline.call();
    };
    const onPresence = (presence: Presence) => {
      if (presence.operationId === operationId) queryClient.setQueryData(presenceKey(operationId), presence);
    };
    const onCounts = (counts: PresenceCounts) => {
      if (counts.operationId === operationId) queryClient.setQueryData(presenceCountsKey(operationId), counts);
    };
    const onOperation = ({ operation }: { operation: Operation }) => {
      if (operation.id !== operationId) return;
      // no push follows a close: the frozen figures are fetched
      const cached = queryClient.getQueryData<Tally>(talliesKey(operationId));
      if (operation.status === 'closed' && !cached?.frozen) refetchTallies();
      void queryClient.invalidateQueries({ queryKey: figuresKey(operationId) });
      feed.call();
    };
    const onConnect = () => {
      refetchTallies();
      feed.call();
      timeline.call();
      clearTimeout(resync);
      resync = setTimeout(refetchTallies, RESYNC_AFTER_JOIN_MS);
    };

    socket.on('tally:updated', onTally);
    socket.on('presence:updated', onPresence);
    socket.on('presence:counts', onCounts);
    socket.on('operation:updated', onOperation);
    socket.on('connect', onConnect);
    return () => {
      feed.cancel();
      timeline.cancel();
      clearTimeout(resync);
      socket.off('tally:updated', onTally);
      socket.off('presence:updated', onPresence);
      socket.off('presence:counts', onCounts);
      socket.off('operation:updated', onOperation);
      socket.off('connect', onConnect);
    };
  }, [socket, operationId, queryClient]);
}

/**
 * Tells the others which platform this user is looking at (null: none), for
 * "who is on which platform". For the board: call it with the opened
 * platform's id. The server ignores it until the room is joined, so it is
 * sent again whenever a presence update shows this user elsewhere.
 */
export function useReportViewing(operationId: string, platformId: string | null): void {
  const socket = useSocket();
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!socket) return;
    // a few repeats per connection: two tabs of one person showing different platforms must not ping-pong
    let repeats = 0;
    const send = () => socket.emit('presence:viewing', { operationId, platformId });
    const onConnect = () => {
      repeats = 0;
    };
    const onPresence = (presence: Presence) => {
      if (presence.operationId !== operationId || repeats >= 3) return;
      const meId = queryClient.getQueryData<OperationDetail>(operationKey(operationId))?.me.id;
      const mine = presence.online.find((entry) => entry.participantId === meId);
      if (mine && mine.platformId !== platformId) {
        repeats += 1;
        send();
      }
    };
    if (socket.connected) send();
    socket.on('connect', onConnect);
    socket.on('presence:updated', onPresence);
    return () => {
      socket.off('connect', onConnect);
      socket.off('presence:updated', onPresence);
      if (platformId !== null && socket.connected) socket.emit('presence:viewing', { operationId, platformId: null });
    };
  }, [socket, operationId, platformId, queryClient]);
}
