import type { RevocationResult } from '@actionday/shared';
import type { Db } from '../../db/database.js';
import type { EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { userNames } from '../auth/index.js';
import {
  dropRevocationRequest,
  findMembership,
  membershipOfUser,
  participantOf,
  reinstateMembership,
  requestRevocation,
  revokeMembership,
} from './memberships.js';
import type { MembershipRow, OperationRow } from './operations.policy.js';

type RevocationDeps = { db: Db; bus: EventBus; now: () => Date };

/** Who decides: a coordinator of the operation (membership), or an instance administrator (maybe not a member). */
export interface Authority {
  operation: OperationRow;
  membership: MembershipRow | null;
  isAdmin: boolean;
}

/**
 * Revokes a participant, by the rules that keep one coordinator from taking the day over:
 * - the operation's creator and administrators can be revoked only by an administrator;
 * - revoking a coordinator takes two: the first coordinator's call records a request (`pending`), another
 *   coordinator's call confirms it (`revoked`); an administrator revokes at once;
 * - nobody revokes themselves.
 * A revocation ends access to this operation only: its rooms and notes close on every process; sessions and the
 * person's other operations stay.
 */
export async function revokeParticipant(
  deps: RevocationDeps,
  actor: Actor,
  authority: Authority,
  participantId: string,
): Promise<RevocationResult> {
  const { operation, isAdmin } = authority;
  const by = actor.userId;
  if (!by) fail('auth.unauthenticated');
  const target = await findMembership(deps.db, operation.id, participantId);
  if (!target || target.revokedAt) fail('operations.member_not_found');
  if (target.userId === by) fail('operations.cannot_revoke_self');
  if (!isAdmin && (await isProtected(deps.db, operation, target))) fail('operations.protected_participant');

  const needsTwo = !isAdmin && target.role === 'coordinator';
  const requestedBy = target.revocationRequestedBy;
  if (needsTwo && requestedBy === by) return { status: 'pending' };
  // a request stands only while the coordinator who made it still is one: a revoked asker's request is void
  if (needsTwo && requestedBy && !(await isActiveCoordinator(deps.db, operation.id, requestedBy))) {
    await dropRevocationRequest(deps.db, operation.id, target.id, requestedBy);
    return revokeParticipant(deps, actor, authority, participantId);
  }
  if (needsTwo && !requestedBy) {
    const recorded = await deps.db.transaction(async (tx) => {
      if (!(await requestRevocation(tx, operation.id, target.id, { now: deps.now(), by }))) return false;
      await recordAudit(tx, actor, {
        operationId: operation.id,
        action: 'participant.revocation_requested',
        targetType: 'membership',
        targetId: target.id,
        details: { role: target.role },
      });
      return true;
    });
    // another coordinator asked at the same moment: this call is then the confirmation
    if (!recorded) return revokeParticipant(deps, actor, authority, participantId);
    deps.bus.publish('operation.changed', { operationId: operation.id });
    return { status: 'pending' };
  }

  const userId = await deps.db.transaction(async (tx) => {
    const revoked = await revokeMembership(tx, operation.id, target.id, {
      now: deps.now(),
      by,
      ...(needsTwo && requestedBy ? { requestedBy } : {}),
    });
    if (!revoked) fail('operations.member_not_found');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'participant.revoked',
      targetType: 'membership',
      targetId: target.id,
      details: { role: target.role, confirmed: needsTwo, byAdministrator: isAdmin },
    });
    return revoked;
  });
  deps.bus.publish('participant.revoked', {
    operationId: operation.id,
    memberId: target.id,
    userId,
  });
  deps.bus.publish('operation.changed', { operationId: operation.id });
  return { status: 'revoked' };
}

async function isActiveCoordinator(db: Db, operationId: string, userId: string): Promise<boolean> {
  const membership = await membershipOfUser(db, operationId, userId);
  return !!membership && !membership.revokedAt && membership.role === 'coordinator';
}

/** The operation's creator and instance administrators are out of a coordinator's reach. */
async function isProtected(db: Db, operation: OperationRow, target: MembershipRow): Promise<boolean> {
  if (target.userId === operation.createdBy) return true;
  return (await userNames(db, [target.userId])).get(target.userId)?.isAdmin ?? false;
}

/** Withdraws a waiting revocation: the coordinator who asked for it, or an administrator. */
export async function cancelRevocation(
  deps: RevocationDeps,
  actor: Actor,
  authority: Authority,
  participantId: string,
): Promise<void> {
  const { operation } = authority;
  const dropped = await deps.db.transaction(async (tx) => {
    const done = await dropRevocationRequest(tx, operation.id, participantId, authority.isAdmin ? null : actor.userId);
    if (!done) return false;
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'participant.revocation_cancelled',
      targetType: 'membership',
      targetId: participantId,
    });
    return true;
  });
  if (!dropped) fail('operations.no_revocation_request');
  deps.bus.publish('operation.changed', { operationId: operation.id });
}

/** An administrator undoes a revocation: the person is a participant again, as before. */
export async function reinstateParticipant(
  deps: RevocationDeps,
  actor: Actor,
  authority: Authority,
  participantId: string,
): Promise<void> {
  const { operation } = authority;
  if (!authority.isAdmin) fail('auth.admin_only');
  const row = await deps.db.transaction(async (tx) => {
    const back = await reinstateMembership(tx, operation.id, participantId);
    if (!back) fail('operations.not_revoked');
    await recordAudit(tx, actor, {
      operationId: operation.id,
      action: 'participant.reinstated',
      targetType: 'membership',
      targetId: participantId,
      details: { role: back.role },
    });
    return back;
  });
  const name = (await userNames(deps.db, [row.userId])).get(row.userId)?.name ?? '';
  deps.bus.publish('participant.reinstated', { operationId: operation.id, participant: participantOf(row, name) });
  deps.bus.publish('operation.changed', { operationId: operation.id });
}
