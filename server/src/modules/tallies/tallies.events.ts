import type { Tally } from '@actionday/shared';
import { emit, type Projections } from '../../events/delivery.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    /** A recount changed the figures; `seq` rose by one. */
    'tally.updated': { operationId: string; tally: Tally; observed: Tally };
  }
}

/** Fresh figures go to everybody in the operation; observers get them with small counts of persons suppressed. */
export const tallyProjections: Projections = {
  'tally.updated': ({ operationId, tally, observed }) => [
    emit('tally:updated', tally, { operationId }, [{ operationId, role: 'observer' }]),
    emit('tally:updated', observed, { operationId, role: 'observer' }),
  ],
};
