import { emit, type Projections } from '../../events/delivery.js';
import { getOperation, toOperation } from './operations.service.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    /** Settings, phase or membership of an operation changed. */
    'operation.changed': { operationId: string };
    /** A coordinator revoked a participant. */
    'participant.revoked': { operationId: string; memberId: string; userId: string };
  }
}

/** The operation's new settings or phase go to its room; a revoked participant's sockets close. */
export const operationProjections: Projections = {
  'operation.changed': async ({ operationId }, { db }) => {
    const row = await getOperation(db, operationId);
    return row ? [emit('operation:updated', { operation: toOperation(row) }, { operationId })] : [];
  },
  // revocation ends every session of the person today, so every socket closes (issue 13 narrows it to one operation)
  'participant.revoked': ({ userId }) => [{ kind: 'disconnect', userId }],
};
