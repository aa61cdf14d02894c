import type { Announcement } from '@actionday/shared';
import { roles } from '@actionday/shared';
import { emit, type Projections } from '../../events/delivery.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    'announcement.created': { operationId: string; announcement: Announcement };
  }
}

/** An announcement reaches its audience (one country's members and the coordinators, or everybody); observers without its author. */
export const announcementProjections: Projections = {
  'announcement.created': ({ operationId, announcement }) =>
    roles.map((role) =>
      emit(
        'announcement:created',
        { announcement: role === 'observer' ? { ...announcement, authorName: '' } : announcement },
        !announcement.country || role === 'coordinator'
          ? { operationId, role }
          : { operationId, role, country: announcement.country },
      ),
    ),
};
