import type { Platform, PlatformChangedEvent, PlatformReleasedEvent } from '@actionday/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useOutboxSent } from '../../app/outbox/useOutbox';
import { type SocketHandlers, useSocketEvents } from '../../app/socket/useSocketEvents';
import { upsertParticipant } from '../operations/operations.api';
import type { ChangeVerb } from './claimNotices';
import { cachedPlatform, touchPlatform, upsertPlatforms } from './platforms.api';

/** Called for every platform change, with the board's copy from before it. */
export type ChangeListener = (
  verb: ChangeVerb,
  event: PlatformChangedEvent | PlatformReleasedEvent,
  before: Platform | undefined,
) => void;

/**
 * Applies the platform events of the operation to the cached list (replace by
 * id, keep the highest version) and tells `onChange` of each change. The room
 * itself is joined by the page's `OperationRoom`, which also refetches the
 * list after every join.
 */
export function usePlatformsLive(operationId: string, onChange?: ChangeListener): void {
  const queryClient = useQueryClient();
  const changed = (verb: ChangeVerb) => (event: PlatformChangedEvent | PlatformReleasedEvent) => {
    const { platform, claimant } = event;
    if (platform.operationId !== operationId) return;
    if (claimant) upsertParticipant(queryClient, operationId, claimant);
    onChange?.(verb, event, cachedPlatform(queryClient, operationId, platform.id));
    upsertPlatforms(queryClient, operationId, [platform]);
  };
  // a claim, release or verdict sent from the outbox after its button was gone: into the board at once
  const fromOutbox = (answer: unknown) => {
    const platform = answer as Platform | null;
    if (platform?.operationId === operationId) upsertPlatforms(queryClient, operationId, [platform]);
  };
  useOutboxSent('claim', fromOutbox);
  useOutboxSent('release', fromOutbox);
  useOutboxSent('verdict', fromOutbox);
  const handlers: SocketHandlers = {
    'platform:created': ({ platforms }) =>
      upsertPlatforms(
        queryClient,
        operationId,
        platforms.filter((p) => p.operationId === operationId),
      ),
    'platform:claimed': changed('claimed'),
    'platform:assigned': changed('assigned'),
    'platform:released': changed('released'),
    'platform:expired': changed('expired'),
    'platform:checked': changed('checked'),
    'platform:reopened': changed('reopened'),
    'platform:activity': (event) => {
      if (event.operationId === operationId)
        touchPlatform(queryClient, operationId, event.platformId, event.lastActivityAt);
    },
  };
  useSocketEvents(handlers);
}
