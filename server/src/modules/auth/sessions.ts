import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
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

/** Starts a session for a user; returns the token for the cookie. */
export async function createSession(db: Db, userId: string): Promise<string> {
  const token = randomToken();
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    expiresAt: new Date(Date.now() + ABSOLUTE_MS),
  });
  return token;
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  isAdmin: boolean;
}

/** The user behind a session token, or null when the token is unknown, idle or expired. */
export async function resolveSession(db: Db, token: string): Promise<SessionUser | null> {
  const now = new Date();
  const tokenHash = sha256(token);
  const [row] = await db
    .select({ user: { id: users.id, email: users.email, name: users.name, isAdmin: users.isAdmin }, lastSeenAt: sessions.lastSeenAt })
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
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  }
  return row.user;
}

/** Ends one session. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}
