import type { CreateInvite, InviteCreated, InvitePreview, NewAccount } from '@actionday/shared';
import { createInviteSchema } from '@actionday/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import {
  assertStrongPassword,
  findUserByEmail,
  hashPassword,
  insertUser,
  randomToken,
  sha256,
  verifyPassword,
} from '../auth/index.js';
import { addMembership, getOperation, membershipOfUser } from '../operations/index.js';
import { invites } from './invites.table.js';

/** Creates a one-time invite; the code is returned once and stored only as a hash. */
export async function createInvite(
  db: Db,
  actor: Actor,
  operationId: string,
  input: CreateInvite,
  publicUrl: string,
): Promise<InviteCreated> {
  const data = createInviteSchema.parse(input);
  const code = randomToken();
  const expiresAt = new Date(Date.now() + data.expiresInHours * 3600_000);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invites)
      .values({
        operationId,
        codeHash: sha256(code),
        role: data.role,
        country: data.country,
        agency: data.agency,
        expiresAt,
        createdBy: actor.userId,
      })
      .returning({ id: invites.id });
    await recordAudit(tx, actor, {
      operationId,
      action: 'invite.created',
      targetType: 'invite',
      targetId: row?.id,
      details: { role: data.role, country: data.country },
    });
  });
  return { code, url: `${publicUrl}/invite/${code}`, expiresAt: expiresAt.toISOString() };
}

async function findUsableInvite(db: Db, code: string) {
  const [invite] = await db
    .select()
    .from(invites)
    .where(eq(invites.codeHash, sha256(code)));
  const operation = invite ? await getOperation(db, invite.operationId) : null;
  if (!invite || !operation) fail('invites.not_found');
  if (invite.usedAt) fail('invites.used');
  if (invite.expiresAt <= new Date()) fail('invites.expired');
  return { invite, operationName: operation.name };
}

/** What the invite is for, shown before accepting it. */
export async function previewInvite(db: Db, code: string): Promise<InvitePreview> {
  const { invite, operationName } = await findUsableInvite(db, code);
  return {
    operationName,
    role: invite.role,
    country: invite.country,
    agency: invite.agency,
    expiresAt: invite.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invite: creates the account and the membership, or adds the membership to an existing account —
 * the signed-in one, or one whose password is given (a sign-in, counted and slowed down as one). Nothing in the
 * answer depends on whether an e-mail has an account before the caller has shown it is theirs: the password's
 * strength is checked first for everyone, and a wrong password is the sign-in's `auth.invalid_credentials`.
 * An existing membership is never changed by an invite, and a revoked one only by an administrator. A refused
 * acceptance leaves the invite as it was; a successful one spends it in the same transaction, so a code works
 * exactly once even under a race.
 */
export async function acceptInvite(
  db: Db,
  actor: Actor,
  code: string,
  account: NewAccount,
): Promise<{ userId: string; operationId: string }> {
  const { invite } = await findUsableInvite(db, code);
  const existing = await findUserByEmail(db, account.email);
  const signedIn = !!existing && existing.id === actor.userId;
  if (!signedIn) {
    await assertStrongPassword(account.password, [account.email, account.name]);
    // the same argon2 cost whether or not the account exists: a verify for one, a hash for the other
    const valid = existing ? await verifyPassword(existing.passwordHash, account.password) : true;
    if (existing && (!valid || existing.totpEnabled)) {
      await recordAudit(db, { userId: existing.id, ip: actor.ip }, { action: 'auth.sign_in_failed' });
      fail('auth.invalid_credentials');
    }
  }
  const membership = existing ? await membershipOfUser(db, invite.operationId, existing.id) : null;
  if (membership?.revokedAt) fail('invites.revoked_member');
  if (membership) fail('invites.already_member');
  const passwordHash = existing ? null : await hashPassword(account.password);
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(invites)
      .set({ usedAt: new Date() })
      .where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
      .returning({ id: invites.id });
    if (!spent) fail('invites.used');
    const userId =
      existing?.id ??
      (await insertUser(tx, { email: account.email, name: account.name, passwordHash: passwordHash ?? '' }));
    await tx.update(invites).set({ usedBy: userId }).where(eq(invites.id, invite.id));
    await addMembership(tx, {
      operationId: invite.operationId,
      userId,
      role: invite.role,
      country: invite.country,
      agency: invite.agency,
    });
    await recordAudit(
      tx,
      { ...actor, userId },
      {
        operationId: invite.operationId,
        action: 'invite.accepted',
        targetType: 'invite',
        targetId: invite.id,
        details: { role: invite.role, country: invite.country },
      },
    );
    return { userId, operationId: invite.operationId };
  });
}
