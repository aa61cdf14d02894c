import { type Action, type Participant, can } from '@actionday/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { fail } from '../../http/errors.js';
import { users } from '../auth/auth.table.js';
import { memberships, operations } from './operations.table.js';

export type MembershipRow = typeof memberships.$inferSelect;
export type OperationRow = typeof operations.$inferSelect;

/**
 * The user's membership in an operation, if the permission table lets its
 * role perform the action: 404 for an unknown operation, 403 otherwise.
 */
export async function authorize(
  db: Db,
  userId: string,
  operationId: string,
  action: Action,
): Promise<{ membership: MembershipRow; operation: OperationRow }> {
  const [row] = await db
    .select({ operation: operations, membership: memberships })
    .from(operations)
    .leftJoin(memberships, and(eq(memberships.operationId, operations.id), eq(memberships.userId, userId)))
    .where(eq(operations.id, operationId))
    .limit(1);
  if (!row) fail('operations.not_found', 'No such operation');
  if (!row.membership) fail('operations.not_member', 'You are not a participant of this operation');
  if (row.membership.revokedAt) fail('operations.revoked', 'Your participation in this operation was revoked');
  if (!can(row.membership.role, action)) fail('auth.forbidden', `Your role (${row.membership.role}) may not do this`);
  return { membership: row.membership, operation: row.operation };
}

/** A participant as other members see them: membership joined with the person's name. */
const participantColumns = {
  id: memberships.id,
  userId: memberships.userId,
  name: users.name,
  role: memberships.role,
  country: memberships.country,
  agency: memberships.agency,
};

/** The participants of an operation as other members see them. */
export async function listParticipants(db: Db, operationId: string): Promise<Participant[]> {
  return db
    .select(participantColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.operationId, operationId), isNull(memberships.revokedAt)))
    .orderBy(memberships.country, users.name);
}

/** One participant by membership id. */
export async function getParticipant(db: Db, membershipId: string): Promise<Participant | null> {
  const [row] = await db
    .select(participantColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, membershipId));
  return row ?? null;
}
