import { isInterfaceLanguage } from '@actionday/shared';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { RequestUser } from '../../http/context.js';
import { sessions, users } from './auth.table.js';

/** A session ends after this much inactivity… */
const IDLE_MS = 12 * 60 * 60 * 1000;
/** …and in any case after this long. */
const ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, not on every request. */
const TOUCH_MS = 60 * 1000;

export const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** A random URL-safe token of 32 bytes. */
export const randomToken = () => randomBytes(32).toString('base64url');

/**
 * When a person's sessions must end regardless of activity (their action days are over), or null.
 * The rule belongs to the operations a person takes part in; auth only applies it (see Deps).
 */
export type SessionAccess = (userId: string) => Promise<Date | null>;

/** Starts a session for a user; returns the token for the cookie. */
export async function createSession(
  db: Db,
  userId: string,
  now = new Date(),
  endsBy: Date | null = null,
): Promise<string> {
  const token = randomToken();
  const absolute = new Date(now.getTime() + ABSOLUTE_MS);
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: endsBy && endsBy < absolute ? endsBy : absolute,
  });
  return token;
}

/** The user behind a session token, or null when the token is unknown, idle, expired or its access ended. */
export async function resolveSession(
  db: Db,
  token: string,
  now: Date,
  access: SessionAccess,
): Promise<RequestUser | null> {
  const tokenHash = sha256(token);
  const [row] = await db
    .select({
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        isAdmin: users.isAdmin,
        totpEnabled: users.totpEnabled,
        language: users.language,
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
    const over = await access(row.user.id);
    if (over && over <= now) {
      await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
      return null;
    }
    await db
      .update(sessions)
      .set({ lastSeenAt: now, ...(over && over < row.expiresAt ? { expiresAt: over } : {}) })
      .where(eq(sessions.tokenHash, tokenHash));
  }
  const { language } = row.user;
  return { ...row.user, language: isInterfaceLanguage(language) ? language : null };
}

/** Ends one session. */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
}

/** Ends every session of a user (their sockets are closed by the realtime layer). */
export async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}
