import { rooms } from '@actionday/shared';
import type { IoServer } from '../../deps.js';
import type { EventBus } from '../../events/bus.js';

/** Sends the platform module's domain events to the operation's room. */
export function broadcastPlatformEvents(bus: EventBus, io: IoServer): () => void {
  const off = [
    bus.subscribe('platform.created', ({ operationId, platforms }) => {
      io.to(rooms.operation(operationId)).emit('platform:created', { platforms });
    }),
    bus.subscribe('platform.claimed', ({ operationId, platform, claimant }) => {
      io.to(rooms.operation(operationId)).emit('platform:claimed', { platform, claimant });
    }),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe());
}
