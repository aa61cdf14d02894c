import { type Role, roles, rooms } from '@actionday/shared';
import type { IoServer } from '../../deps.js';
import type { EventBus, PlatformChange } from '../../events/bus.js';
import { forObserver } from './platforms.dto.js';

const changeVerbs = ['claimed', 'assigned', 'released', 'expired', 'checked', 'reopened'] as const;

/** Observers get the funnel without who did what (see `forObserver`). */
const viewFor = (role: Role, change: Pick<PlatformChange, 'platform' | 'claimant' | 'previousHolderId'>) =>
  role === 'observer' ? { platform: forObserver(change.platform), claimant: null, previousHolderId: null } : change;

/** Sends the platform module's domain events to the operation's role rooms, observers redacted. */
export function broadcastPlatformEvents(bus: EventBus, io: IoServer): () => void {
  const off = [
    bus.subscribe('platform.created', ({ operationId, platforms }) => {
      for (const role of roles) {
        io.to(rooms.operationRole(operationId, role)).emit('platform:created', {
          platforms: role === 'observer' ? platforms.map(forObserver) : platforms,
        });
      }
    }),
    // "last activity" on the board and stale claims on the dashboard move live; observers do not see who works where
    bus.subscribe('platform.activity', (event) => {
      for (const role of roles)
        if (role !== 'observer') io.to(rooms.operationRole(event.operationId, role)).emit('platform:activity', event);
    }),
    ...changeVerbs.map((verb) =>
      bus.subscribe(`platform.${verb}`, ({ operationId, platform, claimant, previousHolderId }: PlatformChange) => {
        for (const role of roles) {
          const view = viewFor(role, { platform, claimant, previousHolderId });
          const room = io.to(rooms.operationRole(operationId, role));
          if (verb === 'released' || verb === 'expired' || verb === 'assigned') room.emit(`platform:${verb}`, view);
          else room.emit(`platform:${verb}`, { platform: view.platform, claimant: view.claimant });
        }
      }),
    ),
  ];
  return () => off.forEach((unsubscribe) => unsubscribe());
}
