import type { Participant } from '@actionday/shared';
import { emit, type Projections } from '../../events/delivery.js';
import { getOperation, toOperation } from './operations.service.js';

declare module '../../events/bus.js' {
  interface DomainEvents {
    /** Settings, phase or membership of an operation changed. */
    'operation.changed': { operationId: string };
    /** A participant was revoked (by an administrator, a coordinator, or two coordinators). */
    'participant.revoked': { operationId: string; memberId: string; userId: string };
    /** An administrator undid a revocation. */
    'participant.reinstated': { operationId: string; participant: Participant };
  }
}

/** The operation's new settings or phase go to its room; a revoked participant's sockets close. */
export const operationProjections: Projections = {
  'operation.changed': async ({ operationId }, { db }) => {
    const row = await getOperation(db, operationId);
    return row ? [emit('operation:updated', { operation: toOperation(row) }, { operationId })] : [];
  },
  // the others' lists drop the person (observers see no participants); the person's own screens of this operation
  // close, on every namespace and process (the eviction tells them why); their other operations stay open
  'participant.revoked': ({ operationId, memberId, userId }) => [
    emit('participant:revoked', { operationId, participantId: memberId }, { operationId }, [
      { operationId, role: 'observer' },
      { operationId, memberId },
    ]),
    { kind: 'evict', userId, operationId },
  ],
  'participant.reinstated': ({ operationId, participant }) => [
    emit('participant:reinstated', { operationId, participant }, { operationId }, [{ operationId, role: 'observer' }]),
  ],
};
