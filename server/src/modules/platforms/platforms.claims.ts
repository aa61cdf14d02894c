import { type Platform, type VerdictBody, can, verdictBodySchema } from '@actionday/shared';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import type { DomainEvents, EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import {
  type MembershipRow,
  claimTimeouts,
  findMembership,
  getParticipant,
  lockMembership,
} from '../operations/index.js';
import { type PlatformRow, toPlatform } from './platforms.dto.js';
import { platforms } from './platforms.table.js';

type ClaimDeps = { db: Db; bus: EventBus; now: () => Date };
type ChangeVerb = 'claimed' | 'assigned' | 'released' | 'expired' | 'checked' | 'reopened';

/** Publishes a platform change after commit, with the participant now holding it. */
async function publishChange(
  deps: ClaimDeps,
  verb: ChangeVerb,
  row: PlatformRow,
  previousHolderId: string | null = null,
): Promise<Platform> {
  const platform = toPlatform(row);
  const claimant = row.status === 'claimed' && row.claimedBy ? await getParticipant(deps.db, row.claimedBy) : null;
  const name = `platform.${verb}` as const satisfies keyof DomainEvents;
  deps.bus.publish(name, { operationId: row.operationId, platform, claimant, previousHolderId });
  return platform;
}

/** The platform row, locked for the rest of the transaction; 404 when there is none. */
async function lockPlatform(tx: Db, platformId: string): Promise<PlatformRow> {
  const [row] = await tx.select().from(platforms).where(eq(platforms.id, platformId)).for('update');
  return row ?? fail('platforms.not_found');
}

/** The columns every change touches. */
const touched = (now: Date) => ({ updatedAt: now, version: sql`${platforms.version} + 1` });

/** How many open claims a participant holds (call after `lockMembership`, so it cannot be overtaken). */
async function openClaims(tx: Db, memberId: string): Promise<number> {
  const [row] = await tx
    .select({ open: sql<number>`count(*)::int` })
    .from(platforms)
    .where(and(eq(platforms.claimedBy, memberId), eq(platforms.status, 'claimed')));
  return row?.open ?? 0;
}

/**
 * Holds the member's row for the rest of the transaction and checks their open claims against the operation's
 * limit. The row lock makes concurrent claims of one member queue, so the count cannot be overtaken.
 */
async function assertBelowClaimLimit(tx: Db, memberId: string, limit: number): Promise<void> {
  await lockMembership(tx, memberId);
  if ((await openClaims(tx, memberId)) >= limit) fail('platforms.claim_limit', { params: { limit } });
}

/**
 * Claims an unchecked platform. One conditional UPDATE decides every race
 * (exactly one winner); the claim limit is checked in the same transaction.
 */
export async function claimPlatform(
  deps: ClaimDeps,
  actor: Actor,
  member: MembershipRow,
  claimLimit: number,
  platformId: string,
): Promise<Platform> {
  const now = deps.now();
  const { row, again } = await deps.db.transaction(async (tx) => {
    await lockMembership(tx, member.id);
    const open = await openClaims(tx, member.id);
    const [claimed] =
      open < claimLimit
        ? await tx
            .update(platforms)
            .set({ status: 'claimed', claimedBy: member.id, claimedAt: now, lastActivityAt: now, ...touched(now) })
            .where(and(eq(platforms.id, platformId), eq(platforms.status, 'unchecked')))
            .returning()
        : [];
    if (!claimed) {
      // a retry of a claim that was won (its answer lost) answers as the first time, changing nothing
      const [current] = await tx.select().from(platforms).where(eq(platforms.id, platformId));
      if (current?.status === 'claimed' && current.claimedBy === member.id) return { row: current, again: true };
      if (!current) fail('platforms.not_found');
      if (open >= claimLimit) fail('platforms.claim_limit', { params: { limit: claimLimit } });
      fail('platforms.already_claimed');
    }
    await recordAudit(tx, actor, {
      operationId: claimed.operationId,
      action: 'platform.claimed',
      targetType: 'platform',
      targetId: claimed.id,
    });
    return { row: claimed, again: false };
  });
  if (again) return toPlatform(row);
  return publishChange(deps, 'claimed', row);
}

/** A coordinator gives an unchecked or claimed platform to a participant (within their claim limit). */
export async function assignPlatform(
  deps: ClaimDeps,
  actor: Actor,
  platform: PlatformRow,
  assigneeId: string,
  claimLimit: number,
): Promise<Platform> {
  const now = deps.now();
  const assignee = await findMembership(deps.db, platform.operationId, assigneeId);
  if (!assignee) fail('operations.member_not_found');
  if (!can(assignee.role, 'platform.claim')) fail('platforms.cannot_hold', { params: { role: assignee.role } });
  const row = await deps.db.transaction(async (tx) => {
    if (platform.claimedBy !== assignee.id) await assertBelowClaimLimit(tx, assignee.id, claimLimit);
    const [assigned] = await tx
      .update(platforms)
      .set({ status: 'claimed', claimedBy: assignee.id, claimedAt: now, lastActivityAt: now, ...touched(now) })
      .where(and(eq(platforms.id, platform.id), sql`${platforms.status} in ('unchecked', 'claimed')`))
      .returning();
    if (!assigned) fail('platforms.already_checked');
    await recordAudit(tx, actor, {
      operationId: assigned.operationId,
      action: 'platform.assigned',
      targetType: 'platform',
      targetId: assigned.id,
      details: { assignee: assignee.id, previousHolder: platform.claimedBy },
    });
    return assigned;
  });
  return publishChange(deps, 'assigned', row, platform.claimedBy);
}

/** The holder (or a coordinator) gives a claim back to the pool. */
export async function releasePlatform(
  deps: ClaimDeps,
  actor: Actor,
  member: MembershipRow,
  platformId: string,
): Promise<Platform> {
  const now = deps.now();
  const mayManage = can(member.role, 'platform.manage_claims');
  let previousHolderId: string | null = null;
  const row = await deps.db.transaction(async (tx) => {
    const current = await lockPlatform(tx, platformId);
    if (current.status !== 'claimed') fail('platforms.not_claimed');
    if (current.claimedBy !== member.id && !mayManage) fail('platforms.not_holder');
    previousHolderId = current.claimedBy;
    const [released] = await tx
      .update(platforms)
      .set({ status: 'unchecked', claimedBy: null, claimedAt: null, lastActivityAt: null, ...touched(now) })
      .where(eq(platforms.id, platformId))
      .returning();
    if (!released) throw new Error('locked platform vanished');
    await recordAudit(tx, actor, {
      operationId: released.operationId,
      action: 'platform.released',
      targetType: 'platform',
      targetId: released.id,
      details: { previousHolder: previousHolderId },
    });
    return released;
  });
  return publishChange(deps, 'released', row, previousHolderId);
}

/** The holder's client says it is still working on the platform; keeps the claim from expiring. */
export async function heartbeat(
  deps: ClaimDeps,
  member: MembershipRow,
  platformId: string,
): Promise<{ lastActivityAt: string }> {
  const now = deps.now();
  const [row] = await deps.db
    .update(platforms)
    .set({ lastActivityAt: now })
    .where(and(eq(platforms.id, platformId), eq(platforms.status, 'claimed'), eq(platforms.claimedBy, member.id)))
    .returning({ lastActivityAt: platforms.lastActivityAt });
  if (!row) fail('platforms.not_holder');
  deps.bus.publish('platform.activity', {
    operationId: member.operationId,
    platformId,
    lastActivityAt: now.toISOString(),
  });
  return { lastActivityAt: now.toISOString() };
}

/** The holder (or a coordinator) records the verdict: the platform is checked. */
export async function recordVerdict(
  deps: ClaimDeps,
  actor: Actor,
  member: MembershipRow,
  platformId: string,
  body: VerdictBody,
): Promise<Platform> {
  const input = verdictBodySchema.parse(body);
  const now = deps.now();
  const mayManage = can(member.role, 'platform.manage_claims');
  const row = await deps.db.transaction(async (tx) => {
    const current = await lockPlatform(tx, platformId);
    if (current.status !== 'claimed') fail('platforms.not_claimed');
    if (current.claimedBy !== member.id && !mayManage) fail('platforms.not_holder');
    const [checked] = await tx
      .update(platforms)
      .set({
        status: 'checked',
        verdict: input.verdict,
        followUp: input.followUp,
        summary: input.summary ?? null,
        checkedBy: member.id,
        checkedAt: now,
        ...touched(now),
      })
      .where(eq(platforms.id, platformId))
      .returning();
    if (!checked) throw new Error('locked platform vanished');
    await recordAudit(tx, actor, {
      operationId: checked.operationId,
      action: 'platform.checked',
      targetType: 'platform',
      targetId: checked.id,
      details: { verdict: input.verdict, followUp: input.followUp },
    });
    return checked;
  });
  return publishChange(deps, 'checked', row);
}

/** A coordinator sends a checked platform back to the pool; its verdict is cleared (kept in the audit log). */
export async function reopenPlatform(deps: ClaimDeps, actor: Actor, platformId: string): Promise<Platform> {
  const now = deps.now();
  const row = await deps.db.transaction(async (tx) => {
    const previous = await lockPlatform(tx, platformId);
    if (previous.status !== 'checked') fail('platforms.not_checked');
    const [reopened] = await tx
      .update(platforms)
      .set({
        status: 'unchecked',
        verdict: null,
        followUp: false,
        summary: null,
        checkedBy: null,
        checkedAt: null,
        claimedBy: null,
        claimedAt: null,
        lastActivityAt: null,
        ...touched(now),
      })
      .where(eq(platforms.id, platformId))
      .returning();
    if (!reopened) throw new Error('locked platform vanished');
    await recordAudit(tx, actor, {
      operationId: reopened.operationId,
      action: 'platform.reopened',
      targetType: 'platform',
      targetId: reopened.id,
      details: { previousVerdict: previous.verdict, previousFollowUp: previous.followUp },
    });
    return reopened;
  });
  return publishChange(deps, 'reopened', row);
}

/**
 * Returns idle claims to the pool: those whose holder showed no sign of life for their operation's claim
 * timeout (from the operations module). Rows are locked with SKIP LOCKED, in one order, so
 * several server processes may sweep at once without double work or deadlocks.
 */
export async function expireIdleClaims(
  deps: ClaimDeps,
  known?: readonly { operationId: string; minutes: number }[],
): Promise<Platform[]> {
  const timeouts = known ?? (await claimTimeouts(deps.db));
  if (timeouts.length === 0) return [];
  const now = deps.now();
  const idleIn = or(
    ...timeouts.map(({ operationId, minutes }) =>
      and(
        eq(platforms.operationId, operationId),
        lt(platforms.lastActivityAt, new Date(now.getTime() - minutes * 60_000)),
      ),
    ),
  );
  const expired = await deps.db.transaction(async (tx) => {
    const idle = await tx
      .select({ id: platforms.id, holder: platforms.claimedBy })
      .from(platforms)
      .where(and(eq(platforms.status, 'claimed'), idleIn))
      // one order for every sweeper, so two never deadlock
      .orderBy(platforms.operationId, platforms.id)
      .for('update', { skipLocked: true });
    const released: { row: PlatformRow; holder: string | null }[] = [];
    for (const { id, holder } of idle) {
      const [row] = await tx
        .update(platforms)
        .set({ status: 'unchecked', claimedBy: null, claimedAt: null, lastActivityAt: null, ...touched(now) })
        .where(and(eq(platforms.id, id), eq(platforms.status, 'claimed')))
        .returning();
      if (!row) continue;
      await recordAudit(
        tx,
        { userId: null, ip: null },
        {
          operationId: row.operationId,
          action: 'platform.expired',
          targetType: 'platform',
          targetId: row.id,
          details: { previousHolder: holder },
        },
      );
      released.push({ row, holder });
    }
    return released;
  });
  return Promise.all(expired.map(({ row, holder }) => publishChange(deps, 'expired', row, holder)));
}
