import { can, roles } from '@actionday/shared';
import { emit, type Projections } from '../../events/delivery.js';
import { type LiaisonRow, toLiaison } from './liaison.dto.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    /** A request to a platform was made or changed. */
    'request.updated': { operationId: string; request: LiaisonRow };
  }
}

/** A request reaches every role that may read requests (never observers: they see the figures). */
export const liaisonProjections: Projections = {
  'request.updated': ({ operationId, request }) =>
    roles
      .filter((role) => can(role, 'request.read'))
      .map((role) => emit('request:updated', { request: toLiaison(request) }, { operationId, role })),
};
