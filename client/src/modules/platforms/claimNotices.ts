import type { Participant, Platform, PlatformChangedEvent, PlatformReleasedEvent } from '@actionday/shared';
import { useCallback, useState } from 'react';

export type ChangeVerb = 'claimed' | 'assigned' | 'released' | 'expired' | 'checked' | 'reopened';

/** Something that happened to one of my claims without me doing it. */
export interface ClaimNotice {
  id: string;
  kind: 'expired' | 'released' | 'reassigned' | 'assignedToMe';
  platformId: string;
  platformName: string;
  /** The new holder, for `reassigned`. */
  to: Participant | null;
  /** When the notice arrived (epoch ms). */
  at: number;
}

/**
 * What a platform event means for me, judged against the board's copy from
 * before the event (`cached`). Old news (a version the board already has)
 * and my own actions give no notice.
 */
export function noticeFor(
  verb: ChangeVerb,
  event: PlatformChangedEvent | PlatformReleasedEvent,
  cached: Platform | undefined,
  me: string,
  releasedHere: boolean,
): Pick<ClaimNotice, 'kind' | 'to'> | null {
  const { platform } = event;
  if (cached && cached.version >= platform.version) return null;
  const previousHolderId = 'previousHolderId' in event ? event.previousHolderId : undefined;
  if (verb === 'expired' && previousHolderId === me) return { kind: 'expired', to: null };
  if (verb === 'released' && previousHolderId === me && !releasedHere) return { kind: 'released', to: null };
  if (verb === 'assigned') {
    const wasMine = cached?.status === 'claimed' && cached.claimedBy === me;
    const isMine = platform.status === 'claimed' && platform.claimedBy === me;
    if (wasMine && !isMine) return { kind: 'reassigned', to: event.claimant };
    if (!wasMine && isMine) return { kind: 'assignedToMe', to: event.claimant };
  }
  return null;
}

let sequence = 0;

/** The notices on screen, a way to add one and a way to dismiss one. */
export function useClaimNotices() {
  const [notices, setNotices] = useState<ClaimNotice[]>([]);
  const add = useCallback((platform: Platform, notice: Pick<ClaimNotice, 'kind' | 'to'>) => {
    sequence += 1;
    const next: ClaimNotice = {
      id: `notice-${sequence}`,
      platformId: platform.id,
      platformName: platform.name,
      at: Date.now(),
      ...notice,
    };
    // one notice per platform: the latest news replaces the older
    setNotices((current) => [...current.filter((n) => n.platformId !== platform.id), next]);
  }, []);
  const dismiss = useCallback((id: string) => setNotices((current) => current.filter((n) => n.id !== id)), []);
  return { notices, add, dismiss };
}
