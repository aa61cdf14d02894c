import { rooms } from '@actionday/shared';
import type { IoServer } from '../../deps.js';
import type { EventBus, PlatformChange } from '../../events/bus.js';

const changeVerbs = ['claimed', 'assigned', 'released', 'expired', 'checked', 'reopened'] as const;

/** Sends the platform module's domain events to the operation's room. */
export function broadcastPlatformEvents(bus: EventBus, io: IoServer): () => void {
  const off = [
    bus.subscribe('platform.created', ({ operationId, platforms }) => {
      io.to(rooms.operation(operationId)).emit('platform:created', { platforms });
    }),
    ...changeVerbs.map((verb) =>
      bus.subscribe(`platform.${verb}`, ({ operationId, platform, claimant, previousHolderId }: PlatformChange) => {
        const room = io.to(rooms.operation(operationId));
        if (verb === 'released' || verb === 'expired') room.emit(`platform:${verb}`, { platform, claimant, previousHolderId });
        else room.emit(`platform:${verb}`, { platform, claimant });
      }),
    ),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe());
}
