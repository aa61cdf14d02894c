import type { Platform } from '@actionday/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Queued } from '../../app/outbox/outbox';
import { useClaimPlatform } from './platforms.api';

/** A claim under way or one that failed, per platform. */
export interface ClaimState {
  pending: boolean;
  error: unknown;
}

const ERROR_SHOWN_MS = 10_000;

/**
 * Claims for the whole board: a row's button, the "My platforms" panel and
 * the `c` key all go through here, so each row shows its own claim's state
 * even when several run at once.
 */
export function useClaims(operationId: string, onClaimed: (platform: Platform) => void) {
  const claim = useClaimPlatform(operationId);
  const { mutateAsync } = claim;
  const [states, setStates] = useState<ReadonlyMap<string, ClaimState>>(() => new Map());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const claimed = useRef(onClaimed);
  useEffect(() => {
    claimed.current = onClaimed;
  }, [onClaimed]);
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);

  const set = useCallback((platformId: string, state: ClaimState | null) => {
    setStates((current) => {
      const next = new Map(current);
      if (state) next.set(platformId, state);
      else next.delete(platformId);
      return next;
    });
  }, []);

  const start = useCallback(
    (platformId: string) => {
      const timer = timers.current.get(platformId);
      if (timer) clearTimeout(timer);
      set(platformId, { pending: true, error: null });
      mutateAsync(platformId).then(
        (platform) => {
          set(platformId, null);
          // a claim kept in the outbox is shown in the header's "pending" until the server has it
          if (!(platform instanceof Queued)) claimed.current(platform);
        },
        (error: unknown) => {
          set(platformId, { pending: false, error });
          timers.current.set(
            platformId,
            setTimeout(() => set(platformId, null), ERROR_SHOWN_MS),
          );
        },
      );
    },
    [mutateAsync, set],
  );

  return { states, claim: start };
}
