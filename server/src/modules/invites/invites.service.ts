import type { CreateInvite, InviteCreated, InvitePreview, NewAccount } from '@actionday/shared';
import { createInviteSchema } from '@actionday/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { fail } from '../../http/errors.js';
import { type Actor, recordAudit } from '../audit/audit.service.js';
import { users } from '../auth/auth.table.js';
import { hashPassword } from '../auth/passwords.js';
import { randomToken, sha256 } from '../auth/sessions.js';
import { memberships, operations } from '../operations/operations.table.js';
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
  const [row] = await db
    .select({ invite: invites, operationName: operations.name })
    .from(invites)
    .innerJoin(operations, eq(operations.id, invites.operationId))
    .where(eq(invites.codeHash, sha256(code)));
  if (!row) fail('invites.not_found', 'This invite code is not valid');
  if (row.invite.usedAt) fail('invites.used', 'This invite has already been used');
  if (row.invite.expiresAt <= new Date()) fail('invites.expired', 'This invite has expired');
  return row;
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
 * Accepts an invite: creates the account and the membership. An e-mail that
 * already has an account joins only when that person is signed in — an
 * invite code is never a way to try someone's password. An existing
 * membership is never changed by an invite. The invite is spent in the same
 * transaction, so a code works exactly once even under a race.
 */
export async function acceptInvite(
  db: Db,
  actor: Actor,
  code: string,
  account: NewAccount,
): Promise<{ userId: string; operationId: string }> {
  const { invite } = await findUsableInvite(db, code);
  const [existing] = await db.select().from(users).where(eq(users.email, account.email));
  if (existing && existing.id !== actor.userId) {
    fail(
      'auth.email_taken',
      'An account with this e-mail exists: sign in with it first, then open the invite link again',
    );
  }
  if (existing) {
    const [member] = await db
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.operationId, invite.operationId), eq(memberships.userId, existing.id)));
    if (member) fail('invites.already_member', 'You already take part in this operation');
  }
  const passwordHash = existing ? null : await hashPassword(account.password);
  return db.transaction(async (tx) => {
    const [spent] = await tx
      .update(invites)
      .set({ usedAt: new Date() })
      .where(and(eq(invites.id, invite.id), isNull(invites.usedAt)))
      .returning({ id: invites.id });
    if (!spent) fail('invites.used', 'This invite has already been used');
    let userId = existing?.id;
    if (!userId) {
      const [created] = await tx
        .insert(users)
        .values({ email: account.email, name: account.name, passwordHash: passwordHash ?? '' })
        .returning({ id: users.id });
      userId = created?.id;
    }
    if (!userId) throw new Error('user insert returned no row');
    await tx.update(invites).set({ usedBy: userId }).where(eq(invites.id, invite.id));
    await tx
      .insert(memberships)
      .values({
        operationId: invite.operationId,
        userId,
        role: invite.role,
        country: invite.country,
        agency: invite.agency,
      })
      .onConflictDoNothing();
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
