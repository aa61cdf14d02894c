import { type Participant, type Platform, type VerdictBody, can, verdictBodySchema } from '@actionday/shared';
import { type SQL, and, eq, lt, or, sql } from 'drizzle-orm';
import { type Db, rowsOf, tableRowOf } from '../../db/database.js';
import type { DomainEvents, EventBus } from '../../events/bus.js';
import type { Actor } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { idempotencyKeyPending } from '../../http/idempotency.js';
import { databaseErrorCode } from '../../http/safe-error.js';
import { auditedStatement, recordAudit } from '../audit/index.js';
import { type MembershipRow, claimTimeouts, findMembership, getParticipant } from '../operations/index.js';
import { type PlatformRow, toPlatform } from './platforms.dto.js';
import { platforms } from './platforms.table.js';

/** The SQLSTATE the claim-limit trigger raises (migration 0016). */
const CLAIM_LIMIT_SQLSTATE = 'AD001';

/** One statement on its own, or in a transaction when an Idempotency-Key must be claimed with it. */
const runStatement = (db: Db, query: SQL) =>
  idempotencyKeyPending() ? db.transaction((tx) => tx.execute(query)) : db.execute(query);

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

/** The claim-limit trigger's refusal as the API's error; anything else is rethrown. */
function claimLimitError(error: unknown, limit: number): never {
  if (databaseErrorCode(error) === CLAIM_LIMIT_SQLSTATE) fail('platforms.claim_limit', { params: { limit } });
  throw error;
}

/**
 * Claims an unchecked platform in one statement, its audit entry included: the conditional UPDATE decides every
 * race (exactly one winner), and the claim limit is enforced by the database (trigger `platforms_claim_limit`,
 * migration 0016: it locks the holder's membership row, so one person's concurrent claims queue, and counts what
 * they hold). One round trip after the caller's access check; a transaction only when an Idempotency-Key must be
 * claimed with it.
 */
export async function claimPlatform(
  deps: ClaimDeps,
  actor: Actor,
  member: MembershipRow,
  claimant: Participant,
  claimLimit: number,
  platformId: string,
): Promise<Platform> {
  const at = deps.now().toISOString();
  const { query, appended } = auditedStatement(
    sql`update ${platforms} set status = 'claimed', claimed_by = ${member.id}::uuid, claimed_at = ${at}::timestamptz,
      last_activity_at = ${at}::timestamptz, updated_at = ${at}::timestamptz, version = version + 1
      where id = ${platformId}::uuid and operation_id = ${member.operationId}::uuid and status = 'unchecked'
      returning *`,
    actor,
    { operationId: member.operationId, action: 'platform.claimed', targetType: 'platform', targetId: platformId },
  );
  let raw: Record<string, unknown>[];
  try {
    raw = rowsOf(await runStatement(deps.db, query));
  } catch (error) {
    claimLimitError(error, claimLimit);
  }
  const [claimed] = raw;
  if (!claimed) {
    // a retry of a claim that was won (its answer lost) answers as the first time, changing nothing
    const [current] = await deps.db.select().from(platforms).where(eq(platforms.id, platformId));
    if (!current || current.operationId !== member.operationId) fail('platforms.not_found');
    if (current.status === 'claimed' && current.claimedBy === member.id) return toPlatform(current);
    fail('platforms.already_claimed');
  }
  appended();
  const row = tableRowOf(platforms, claimed);
  const platform = toPlatform(row);
  deps.bus.publish('platform.claimed', { operationId: row.operationId, platform, claimant, previousHolderId: null });
  return platform;
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
  // a revoked participant is no one to give work to
  if (!assignee || assignee.revokedAt) fail('operations.member_not_found');
  if (!can(assignee.role, 'platform.claim')) fail('platforms.cannot_hold', { params: { role: assignee.role } });
  // the claim limit is the database's (trigger platforms_claim_limit), as for a claim
  const row = await deps.db
    .transaction(async (tx) => {
      const [assigned] = await tx
        .update(platforms)
        .set({ status: 'claimed', claimedBy: assignee.id, claimedAt: now, lastActivityAt: now, ...touched(now) })
        .where(and(eq(platforms.id, platform.id), sql`${platforms.status} in ('unchecked', 'claimed')`))
        .returning();
      if (!assigned) fail('platforms.already_checked');
      // the claim-limit trigger holds the assignee's membership row by now (platform first, membership second, as
      // every path): a revocation committed before is seen here, one after waits for this transaction
      if ((await findMembership(tx, platform.operationId, assignee.id))?.revokedAt) fail('operations.member_not_found');
      await recordAudit(tx, actor, {
        operationId: assigned.operationId,
        action: 'platform.assigned',
        targetType: 'platform',
        targetId: assigned.id,
        details: { assignee: assignee.id, previousHolder: platform.claimedBy },
      });
      return assigned;
    })
    .catch((error: unknown) => claimLimitError(error, claimLimit));
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
  const at = deps.now().toISOString();
  const mayManage = can(member.role, 'platform.manage_claims');
  // one statement with its audit entry, as a claim: only a claimed platform, only its holder or a coordinator
  const { query, appended } = auditedStatement(
    sql`update ${platforms} set status = 'checked', verdict = ${input.verdict}, follow_up = ${input.followUp},
      summary = ${input.summary ?? null}, checked_by = ${member.id}::uuid, checked_at = ${at}::timestamptz,
      updated_at = ${at}::timestamptz, version = version + 1
      where id = ${platformId}::uuid and operation_id = ${member.operationId}::uuid and status = 'claimed'
        and (claimed_by = ${member.id}::uuid or ${mayManage}::boolean)
      returning *`,
    actor,
    {
      operationId: member.operationId,
      action: 'platform.checked',
      targetType: 'platform',
      targetId: platformId,
      details: { verdict: input.verdict, followUp: input.followUp },
    },
  );
  const [checked] = rowsOf<Record<string, unknown>>(await runStatement(deps.db, query));
  if (!checked) {
    const [current] = await deps.db.select().from(platforms).where(eq(platforms.id, platformId));
    if (!current || current.operationId !== member.operationId) fail('platforms.not_found');
    if (current.status !== 'claimed') fail('platforms.not_claimed');
    fail('platforms.not_holder');
  }
  appended();
  return publishChange(deps, 'checked', tableRowOf(platforms, checked));
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
