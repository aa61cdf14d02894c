import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { deleteSessionsOf } from '../auth/index.js';
import { revokeMembership } from './memberships.js';
import type { Access } from './operations.policy.js';

/**
 * A coordinator revokes a participant: the membership stays for the record but no longer opens anything,
 * and every session of that person ends at once (their sockets close through the realtime layer).
 */
export async function revokeParticipant(
  deps: { db: Db; bus: EventBus; now: () => Date },
  actor: Actor,
  access: Access,
  participantId: string,
): Promise<void> {
  const { operation, membership } = access;
  if (participantId === membership.id) fail('operations.cannot_revoke_self');
  const userId = await deps.db.transaction(async (tx) => {
    const revoked = await revokeMembership(tx, operation.id, participantId, deps.now());
    if (!revoked) fail('operations.member_not_found');
    await deleteSessionsOf(tx, revoked);
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'participant.revoked',
      targetType: 'membership',
      targetId: participantId,
    });
    return revoked;
  });
  deps.bus.publish('participant.revoked', { operationId: operation.id, memberId: participantId, userId });
  deps.bus.publish('operation.changed', { operationId: operation.id });
}
