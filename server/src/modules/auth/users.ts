import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { users } from './auth.table.js';

export type UserRow = typeof users.$inferSelect;

/** The account with this e-mail (compared as stored: e-mails are kept lower-case), or null. */
export async function findUserByEmail(db: Db, email: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.email, email));
  return row ?? null;
}

/** One account by id, or null. */
export async function findUser(db: Db, userId: string): Promise<UserRow | null> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  return row ?? null;
}

/** Creates an account (the password already hashed); returns its id. */
export async function insertUser(
  db: Db,
  values: { email: string; name: string; passwordHash: string; isAdmin?: boolean },
): Promise<string> {
  const [row] = await db.insert(users).values(values).returning({ id: users.id });
  if (!row) throw new Error('user insert returned no row');
  return row.id;
}

/** Display names and admin flags of several accounts, in one query. */
export async function userNames(
  db: Db,
  ids: readonly string[],
): Promise<Map<string, { name: string; isAdmin: boolean }>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.name, isAdmin: users.isAdmin })
    .from(users)
    .where(inArray(users.id, unique));
  return new Map(rows.map((row) => [row.id, { name: row.name, isAdmin: row.isAdmin }]));
}

/** Whether the account has a confirmed second factor (operations may require one for some roles). */
export async function totpEnabledOf(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ on: users.totpEnabled }).from(users).where(eq(users.id, userId));
  return row?.on ?? false;
}

/** A pending or confirmed second factor. */
export async function setTotp(
  db: Db,
  userId: string,
  values: { totpSecret: string | null; totpEnabled?: boolean; totpLastStep?: number | null },
): Promise<void> {
  await db.update(users).set(values).where(eq(users.id, userId));
}

/** Remembers the interface language chosen for an account. */
export async function setLanguage(db: Db, userId: string, language: string): Promise<void> {
  await db.update(users).set({ language }).where(eq(users.id, userId));
}
