import type { Tally } from '@actionday/shared';
import { emit, type Projections } from '../../events/delivery.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    /** A recount changed the figures; `seq` rose by one. */
    'tally.updated': { operationId: string; tally: Tally };
  }
}

/** Fresh figures go to everybody in the operation (observers included: aggregates only). */
export const tallyProjections: Projections = {
  'tally.updated': ({ operationId, tally }) => [emit('tally:updated', tally, { operationId })],
};
