import { type Action, type ErrorCode, type Role, type Viewer, can } from '@actionday/shared';
import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/database.js';
import { fail } from '../../http/errors.js';
import { totpEnabledOf } from '../auth/index.js';
import { memberships, operations } from './operations.table.js';

export type MembershipRow = typeof memberships.$inferSelect;
export type OperationRow = typeof operations.$inferSelect;

/** What every rule of an operation starts from: the operation, the caller's membership, and how they look at records. */
export interface Access {
  operation: OperationRow;
  membership: MembershipRow;
  viewer: Viewer & { memberId: string };
}

/** How a participant looks at records (the sharing rules take it). */
export const viewerOf = (membership: MembershipRow): Viewer & { memberId: string } => ({
  memberId: membership.id,
  role: membership.role,
  country: membership.country,
});

/**
 * The one door into an operation: the caller's membership, if the permission table lets its role
 * perform the action. 404 for an unknown operation, 403 otherwise.
 */
export async function authorize(db: Db, userId: string, operationId: string, action: Action): Promise<Access> {
  const [row] = await db
    .select({ operation: operations, membership: memberships })
    .from(operations)
    .leftJoin(memberships, and(eq(memberships.operationId, operations.id), eq(memberships.userId, userId)))
    .where(eq(operations.id, operationId))
    .limit(1);
  return withSecondFactor(db, userId, accessOf(row, 'operations.not_found', action));
}

/** The roles an operation's "require TOTP" setting applies to: those who see and steer personal data most. */
export const rolesNeedingTotp: readonly Role[] = ['coordinator', 'analyst'];

/**
 * Where the operation requires a second factor for coordinators and analysts, a member of those roles without
 * TOTP is refused with a code that tells them to turn it on (one more query, only in such operations).
 */
async function withSecondFactor(db: Db, userId: string, access: Access): Promise<Access> {
  if (!access.operation.requireTotp || !rolesNeedingTotp.includes(access.membership.role)) return access;
  if (!(await totpEnabledOf(db, userId)))
    fail('operations.totp_required', { params: { role: access.membership.role } });
  return access;
}

/**
 * Who may decide on revocations: a coordinator of the operation (as `authorize` would let them), or an instance
 * administrator, even one who takes no part in it (`membership` null).
 */
export async function authorizeAuthority(
  db: Db,
  user: { id: string; isAdmin: boolean },
  operationId: string,
): Promise<{ operation: OperationRow; membership: MembershipRow | null; isAdmin: boolean }> {
  if (!user.isAdmin) {
    const { operation, membership } = await authorize(db, user.id, operationId, 'member.revoke');
    return { operation, membership, isAdmin: false };
  }
  const [row] = await db
    .select({ operation: operations, membership: memberships })
    .from(operations)
    .leftJoin(memberships, and(eq(memberships.operationId, operations.id), eq(memberships.userId, user.id)))
    .where(eq(operations.id, operationId))
    .limit(1);
  if (!row) fail('operations.not_found');
  return { operation: row.operation, membership: row.membership, isAdmin: true };
}

function accessOf(
  row: { operation: OperationRow; membership: MembershipRow | null } | undefined,
  notFound: ErrorCode,
  action: Action,
): Access {
  if (!row) fail(notFound);
  if (!row.membership) fail('operations.not_member');
  if (row.membership.revokedAt) fail('operations.revoked');
  if (!can(row.membership.role, action)) fail('auth.forbidden', { params: { role: row.membership.role } });
  return { operation: row.operation, membership: row.membership, viewer: viewerOf(row.membership) };
}

/** A record of some module that belongs to an operation: its table, id column and operation column. */
export interface OperationRecord {
  table: PgTable;
  id: PgColumn;
  operationId: PgColumn;
}

/**
 * `authorize` for the operation a record belongs to, in the same one query (the record's module passes its
 * table; this module never imports it). `notFound` when there is no such record.
 */
export async function authorizeRecord(
  db: Db,
  userId: string,
  record: OperationRecord,
  recordId: string,
  action: Action,
  notFound: ErrorCode,
): Promise<Access> {
  const operationOfRecord: SQL = sql`(select ${record.operationId} from ${record.table} where ${record.id} = ${recordId})`;
  const [row] = await db
    .select({ operation: operations, membership: memberships })
    .from(operations)
    .leftJoin(memberships, and(eq(memberships.operationId, operations.id), eq(memberships.userId, userId)))
    .where(eq(operations.id, operationOfRecord))
    .limit(1);
  return withSecondFactor(db, userId, accessOf(row, notFound, action));
}

/** What `authorize` can answer, for the error lists of the routes that call it (their OpenAPI entries). */
export const authorizeErrors = [
  'operations.not_found',
  'operations.not_member',
  'operations.revoked',
  'operations.totp_required',
  'auth.forbidden',
] as const satisfies readonly ErrorCode[];

/**
 * Whether a record may still be entered: always while the operation is open; after closing (which freezes
 * the figures) only where the coordinator allows late entries, and then flagged late. One rule, one error.
 */
export function entryPolicy(operation: OperationRow): { late: boolean } {
  if (operation.status !== 'closed') return { late: false };
  if (operation.allowLateEntries) return { late: true };
  fail('operations.closed');
}

/** The board, the settings and the figures are frozen with the day once it is closed. */
export function assertNotClosed(operation: OperationRow): void {
  if (operation.status === 'closed') fail('operations.closed');
}

/** Tags on records and platforms must be focus tags of the operation. */
export function assertFocusTags(operation: OperationRow, tags: readonly string[], field = 'tags'): void {
  const unknown = tags.filter((tag) => !operation.focusTags.includes(tag));
  if (unknown.length === 0) return;
  fail('operations.unknown_tag', {
    params: { tags: unknown },
    fields: [{ path: field, message: `Not a focus tag of this operation: ${unknown.join(', ')}` }],
  });
}
