import type { Participant, Revocation, Revocations, Role } from '@actionday/shared';
import { and, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { userNames } from '../auth/index.js';
import type { MembershipRow } from './operations.policy.js';
import { memberships, operations } from './operations.table.js';

/** After the last of a person's operations closed, their sessions last this much longer. */
export const GRACE_AFTER_CLOSE_MS = 48 * 60 * 60 * 1000;

/** A membership as other members see it, when the person's name is already known (no query). */
export function participantOf(row: MembershipRow, name: string): Participant {
  return { id: row.id, userId: row.userId, name, role: row.role, country: row.country, agency: row.agency };
}

/** Membership rows as other members see them, with the person's name. */
async function withNames(db: Db, rows: MembershipRow[]): Promise<Participant[]> {
  const names = await userNames(
    db,
    rows.map((r) => r.userId),
  );
  return rows.map((r) => participantOf(r, names.get(r.userId)?.name ?? ''));
}

/** The active participants of an operation, by country and name. */
export async function listParticipants(db: Db, operationId: string): Promise<Participant[]> {
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.operationId, operationId), isNull(memberships.revokedAt)));
  const list = await withNames(db, rows);
  return list.sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name));
}

/** One participant by membership id. */
export async function getParticipant(db: Db, membershipId: string): Promise<Participant | null> {
  const [row] = await db.select().from(memberships).where(eq(memberships.id, membershipId));
  return row ? ((await withNames(db, [row]))[0] ?? null) : null;
}

/** Several participants by membership id (contacts of hits, authors), in two queries. */
export async function participantsByIds(db: Db, ids: readonly string[]): Promise<Map<string, Participant>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.select().from(memberships).where(inArray(memberships.id, unique));
  return new Map((await withNames(db, rows)).map((p) => [p.id, p]));
}

/** A membership of the operation by its id, or null. */
export async function findMembership(db: Db, operationId: string, memberId: string): Promise<MembershipRow | null> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.id, memberId), eq(memberships.operationId, operationId)));
  return row ?? null;
}

/** A user's membership in the operation (revoked ones included), or null. */
export async function membershipOfUser(db: Db, operationId: string, userId: string): Promise<MembershipRow | null> {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.operationId, operationId), eq(memberships.userId, userId)));
  return row ?? null;
}

/** Every membership of a user. */
export async function membershipsOfUser(db: Db, userId: string): Promise<MembershipRow[]> {
  return db.select().from(memberships).where(eq(memberships.userId, userId));
}

/** Memberships of an operation by user id (their country there), for feeds that name who acted. */
export async function membershipsByUser(
  db: Db,
  operationId: string,
  userIds: readonly string[],
): Promise<Map<string, MembershipRow>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.operationId, operationId), inArray(memberships.userId, unique)));
  return new Map(rows.map((r) => [r.userId, r]));
}

/**
 * Holds the member's row for the rest of the transaction: a participant's concurrent claims queue behind
 * each other, so a count taken after it cannot be overtaken.
 */
export async function lockMembership(tx: Db, memberId: string): Promise<void> {
  await tx.select({ id: memberships.id }).from(memberships).where(eq(memberships.id, memberId)).for('update');
}

/** Adds a participant (an accepted invite); an existing membership is never changed. */
export async function addMembership(
  tx: Db,
  values: { operationId: string; userId: string; role: Role; country: string; agency: string },
): Promise<void> {
  await tx.insert(memberships).values(values).onConflictDoNothing();
}

/**
 * Ends a participant's membership; the row stays for the record. Only an active one, and where `requestedBy` is
 * given only while that revocation request still stands (a second coordinator confirms exactly what was asked).
 * Returns the user, or null if nothing changed.
 */
export async function revokeMembership(
  tx: Db,
  operationId: string,
  memberId: string,
  change: { now: Date; by: string; requestedBy?: string },
): Promise<string | null> {
  const conditions = [
    eq(memberships.id, memberId),
    eq(memberships.operationId, operationId),
    isNull(memberships.revokedAt),
  ];
  if (change.requestedBy) conditions.push(eq(memberships.revocationRequestedBy, change.requestedBy));
  const [revoked] = await tx
    .update(memberships)
    .set({ revokedAt: change.now, revokedBy: change.by, revocationRequestedBy: null, revocationRequestedAt: null })
    .where(and(...conditions))
    .returning({ userId: memberships.userId });
  return revoked?.userId ?? null;
}

/** Records a coordinator's request to revoke an active participant, unless one already stands. True if recorded. */
export async function requestRevocation(
  tx: Db,
  operationId: string,
  memberId: string,
  change: { now: Date; by: string },
): Promise<boolean> {
  const rows = await tx
    .update(memberships)
    .set({ revocationRequestedBy: change.by, revocationRequestedAt: change.now })
    .where(
      and(
        eq(memberships.id, memberId),
        eq(memberships.operationId, operationId),
        isNull(memberships.revokedAt),
        isNull(memberships.revocationRequestedBy),
      ),
    )
    .returning({ id: memberships.id });
  return rows.length > 0;
}

/** Withdraws a standing revocation request (by whoever may); true if there was one. */
export async function dropRevocationRequest(
  tx: Db,
  operationId: string,
  memberId: string,
  requestedBy: string | null,
): Promise<boolean> {
  const conditions = [
    eq(memberships.id, memberId),
    eq(memberships.operationId, operationId),
    isNull(memberships.revokedAt),
    isNotNull(memberships.revocationRequestedBy),
  ];
  if (requestedBy) conditions.push(eq(memberships.revocationRequestedBy, requestedBy));
  const rows = await tx
    .update(memberships)
    .set({ revocationRequestedBy: null, revocationRequestedAt: null })
    .where(and(...conditions))
    .returning({ id: memberships.id });
  return rows.length > 0;
}

/** Undoes a revocation: the participant is back with the role, country and agency they had. Returns the row. */
export async function reinstateMembership(
  tx: Db,
  operationId: string,
  memberId: string,
): Promise<MembershipRow | null> {
  const [row] = await tx
    .update(memberships)
    .set({ revokedAt: null, revokedBy: null })
    .where(
      and(eq(memberships.id, memberId), eq(memberships.operationId, operationId), isNotNull(memberships.revokedAt)),
    )
    .returning();
  return row ?? null;
}

/** Revocations waiting for a second coordinator, and revoked participants, with who asked or revoked. */
export async function revocationsOf(db: Db, operationId: string): Promise<Revocations> {
  const rows = await db
    .select()
    .from(memberships)
    .where(
      and(
        eq(memberships.operationId, operationId),
        or(isNotNull(memberships.revokedAt), isNotNull(memberships.revocationRequestedBy)),
      ),
    );
  const names = await userNames(db, [
    ...rows.map((r) => r.userId),
    ...rows.flatMap((r) => [r.revokedBy, r.revocationRequestedBy].filter((id): id is string => id !== null)),
  ]);
  const entry = (row: MembershipRow, by: string | null, at: Date): Revocation => ({
    participant: participantOf(row, names.get(row.userId)?.name ?? ''),
    byUserId: by,
    byName: by ? (names.get(by)?.name ?? null) : null,
    at: at.toISOString(),
  });
  const pending = rows
    .filter((r) => !r.revokedAt && r.revocationRequestedAt)
    .map((r) => entry(r, r.revocationRequestedBy, r.revocationRequestedAt ?? r.createdAt));
  const revoked = rows
    .filter((r) => r.revokedAt)
    .map((r) => entry(r, r.revokedBy, r.revokedAt ?? r.createdAt))
    .sort((a, b) => b.at.localeCompare(a.at));
  return { pending, revoked };
}

/** Active participants per country (the per-country table). */
export async function participantsPerCountry(db: Db, operationId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ country: memberships.country, n: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.operationId, operationId), isNull(memberships.revokedAt)))
    .groupBy(memberships.country);
  return new Map(rows.map((r) => [r.country, Number(r.n)]));
}

/**
 * When a person's sessions must end because their action days are over: the latest end (or close) of
 * their operations plus a grace period, once every operation they take part in is closed. Administrators
 * and people with an operation still open have no such limit.
 */
export async function accessEndsAt(db: Db, userId: string, isAdmin: boolean): Promise<Date | null> {
  if (isAdmin) return null;
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${operations.status} <> 'closed')::int`,
      last: sql<
        string | null
      >`max(greatest(${operations.endsAt}, coalesce(${operations.closedAt}, ${operations.endsAt})))`,
    })
    .from(memberships)
    .innerJoin(operations, eq(operations.id, memberships.operationId))
    .where(and(eq(memberships.userId, userId), isNull(memberships.revokedAt)));
  if (!row || Number(row.open) > 0 || !row.last) return null;
  return new Date(new Date(row.last).getTime() + GRACE_AFTER_CLOSE_MS);
}

/** The countries of the operation's participants, sorted. */
export async function participatingCountries(db: Db, operationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ country: memberships.country })
    .from(memberships)
    .where(eq(memberships.operationId, operationId))
    .orderBy(memberships.country);
  return rows.map((r) => r.country);
}

/** The countries of the active participants of one role (who could look at a record), sorted. */
export async function countriesOfRole(db: Db, operationId: string, role: Role): Promise<string[]> {
  const rows = await db
    .selectDistinct({ country: memberships.country })
    .from(memberships)
    .where(and(eq(memberships.operationId, operationId), eq(memberships.role, role), isNull(memberships.revokedAt)))
    .orderBy(memberships.country);
  return rows.map((r) => r.country);
}
