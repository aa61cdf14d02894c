import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { memberships, operations } from '../operations/operations.table.js';
import { sessions, users } from './auth.table.js';

export const SESSION_COOKIE = 'actionday_session';
/** A session ends after this much inactivity… */
const IDLE_MS = 12 * 60 * 60 * 1000;
/** …and in any case after this long. */
const ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_MS = 60 * 1000;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A random URL-safe token of 32 bytes. */
export const randomToken = () => randomBytes(32).toString('base64url');

/** After the last of a person's operations closed, their sessions last this much longer. */
export const GRACE_AFTER_CLOSE_MS = 48 * 60 * 60 * 1000;

/**
 * When a person's sessions must end because their operations are over: the
 * latest end (or close) of their operations plus a grace period, once every
 * operation they take part in is closed. Administrators and people with an
 * operation still open have no such limit.
 */
export async function operationsOverAt(db: Db, userId: string): Promise<Date | null> {
  const [row] = await db
    .select({
      isAdmin: users.isAdmin,
      open: sql<number>`count(*) filter (where ${operations.status} <> 'closed')::int`,
      last: sql<
        string | null
      >`max(greatest(${operations.endsAt}, coalesce(${operations.closedAt}, ${operations.endsAt})))`,
    })
    .from(users)
    .leftJoin(memberships, and(eq(memberships.userId, users.id), isNull(memberships.revokedAt)))
    .leftJoin(operations, eq(operations.id, memberships.operationId))
    .where(eq(users.id, userId))
    .groupBy(users.isAdmin);
  if (!row || row.isAdmin || row.open > 0 || !row.last) return null;
  return new Date(new Date(row.last).getTime() + GRACE_AFTER_CLOSE_MS);
}

/** Starts a session for a user; returns the token for the cookie. */
export async function createSession(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = randomToken();
  const over = await operationsOverAt(db, userId);
  const absolute = new Date(now.getTime() + ABSOLUTE_MS);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: over && over < absolute ? over : absolute,
  });
  return token;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
  totpEnabled: boolean;
}

/** The user behind a session token, or null when the token is unknown, idle or expired. */
export async function resolveSession(db: Db, token: string, now = new Date()): Promise<SessionUser | null> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        isAdmin: users.isAdmin,
        totpEnabled: users.totpEnabled,
      },
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > IDLE_MS) {
    await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    return null;
  }
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_MS) {
    // also the moment to notice that the person's operations have all ended
    const over = await operationsOverAt(db, row.user.id);
    if (over && over <= now) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      return null;
    }
    await db
      .update(sessions)
      .set({ lastSeenAt: now, ...(over && over < row.expiresAt ? { expiresAt: over } : {}) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  return row.user;
}

/** Ends one session. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}
