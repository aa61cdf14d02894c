import type { CreateFinding } from '@actionday/shared';
import { and, eq } from 'drizzle-orm';
import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../deps.js';
import { AppError } from '../http/errors.js';
import { createFinding } from '../modules/findings/index.js';
import { getParticipant, viewerOf } from '../modules/operations/index.js';
import { memberships, operations } from '../modules/operations/operations.table.js';
import { claimPlatform, recordVerdict } from '../modules/platforms/platforms.claims.js';
import { platforms } from '../modules/platforms/platforms.table.js';
import { safeError } from '../http/safe-error.js';

const pick = <T>(list: T[]): T | undefined => list[Math.floor(Math.random() * list.length)];

/** Shared phone numbers make cross-hits between countries happen in the demo, as they do on a real day. */
const sharedPhones = ['+31 6 1234 5678', '+380 67 123 4567', '+40 712 345 678'];

/**
 * Demo investigators at work: every few seconds one claims a platform, logs
 * a finding on one they hold, or gives a verdict — through the same services
 * as the API, so the board, the figures and the hits move as on the day.
 */
export function simulateDemo(deps: Deps, operationId: string, log: FastifyBaseLogger, everyMs = 2500): () => void {
  let busy = false;
  const step = async () => {
    const [operation] = await deps.db.select().from(operations).where(eq(operations.id, operationId));
    if (!operation || operation.status === 'closed') return;
    const investigators = await deps.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.operationId, operationId), eq(memberships.role, 'investigator')));
    const member = pick(investigators);
    if (!member) return;
    const board = await deps.db.select().from(platforms).where(eq(platforms.operationId, operationId));
    const mine = board.filter((p) => p.status === 'claimed' && p.claimedBy === member.id);
    const actor = { userId: member.userId, ip: null };
    const held = pick(mine);
    const roll = Math.random();
    if (!held || (mine.length < operation.claimLimit && roll < 0.3)) {
      const free = board.filter((p) => p.status === 'unchecked').sort((a, b) => b.priority - a.priority);
      const target = free[Math.floor(Math.random() * Math.min(5, free.length))];
      if (!target) return;
      const claimant = await getParticipant(deps.db, member.id);
      if (claimant) await claimPlatform(deps, actor, member, claimant, operation.claimLimit, target.id);
      return;
    }
    if (roll < 0.8) {
      const kinds: CreateFinding[] = [
        {
          kind: 'identifier',
          platformId: held.id,
          identifierKind: 'phone',
          value:
            Math.random() < 0.3
              ? (pick(sharedPhones) as string)
              : `+31 6 ${String(10_000_000 + Math.floor(Math.random() * 89_999_999))}`,
        },
        {
          kind: 'identifier',
          platformId: held.id,
          identifierKind: 'username',
          value: `@user_${Math.floor(Math.random() * 500)}`,
        },
        {
          kind: 'suspect',
          platformId: held.id,
          aliases: [`Alias ${Math.floor(Math.random() * 100)}`],
          identified: Math.random() < 0.3,
        },
        {
          kind: 'victim',
          platformId: held.id,
          nationality: Math.random() < 0.5 ? 'UA' : 'RO',
          exploitation: Math.random() < 0.7 ? 'sexual' : 'labour',
        },
      ];
      await createFinding(
        deps,
        actor,
        { operation, membership: member, viewer: viewerOf(member) },
        pick(kinds) as CreateFinding,
      );
      return;
    }
    const verdict = roll < 0.9 ? 'no_indicators' : roll < 0.97 ? 'suspected' : 'confirmed';
    await recordVerdict(deps, actor, member, held.id, { verdict, followUp: verdict !== 'no_indicators' });
  };
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    step()
      .catch((error: unknown) => {
        if (!(error instanceof AppError)) log.warn({ error: safeError(error) }, 'demo step failed');
      })
      .finally(() => {
        busy = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
