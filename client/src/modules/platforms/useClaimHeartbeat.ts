import type { Platform } from '@actionday/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { api } from '../../app/api';
import { touchPlatform } from './platforms.api';

/**
 * The server returns idle claims to the pool after the operation's claim
 * timeout. While this board is open and visible, it tells the server that
 * the holder is still at work on their claims, a few times per timeout.
 */
export function useClaimHeartbeat(
  operationId: string,
  platforms: readonly Platform[] | undefined,
  myParticipantId: string,
  timeoutMinutes: number,
): void {
  const queryClient = useQueryClient();
  const mine = useMemo(
    () =>
      (platforms ?? [])
        .filter((p) => p.status === 'claimed' && p.claimedBy === myParticipantId)
        .map((p) => p.id)
        .sort()
        .join(','),
    [platforms, myParticipantId],
  );

  useEffect(() => {
    if (!mine) return;
    const ids = mine.split(',');
    const every = Math.min(5 * 60_000, Math.max(30_000, (timeoutMinutes * 60_000) / 3));
    const beat = () => {
      if (document.visibilityState !== 'visible') return;
      for (const id of ids) {
        void api<{ lastActivityAt: string }>(`/api/platforms/${id}/heartbeat`, { method: 'POST' })
          .then(({ lastActivityAt }) => touchPlatform(queryClient, operationId, id, lastActivityAt))
          .catch(() => undefined);
      }
    };
    const timer = setInterval(beat, every);
    document.addEventListener('visibilitychange', beat);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', beat);
    };
  }, [mine, timeoutMinutes, operationId, queryClient]);
}
