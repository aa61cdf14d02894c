import { operationParamsSchema, rooms } from '@actionday/shared';
import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps, IoServer } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { sessions } from '../auth/auth.table.js';
import { authorize } from './memberships.js';
import { memberships } from './operations.table.js';

/**
 * A coordinator revokes a participant: the membership stays for the record
 * but no longer opens anything, and every session and socket of that person
 * ends at once.
 */
export function revocationRoutes(io: IoServer): FastifyPluginAsyncZod<Deps> {
  return async (app, deps) => {
    app.post(
      '/api/operations/:operationId/participants/:participantId/revoke',
      {
        schema: {
          params: operationParamsSchema.extend({ participantId: z.uuid() }),
          response: { 200: z.object({ ok: z.literal(true) }) },
          tags: ['operations'],
        },
      },
      async (request) => {
        const { operation, membership } = await authorize(
          deps.db,
          requireUser(request).id,
          request.params.operationId,
          'member.revoke',
        );
        if (request.params.participantId === membership.id) fail('request.invalid', 'You cannot revoke yourself');
        const userId = await deps.db.transaction(async (tx) => {
          const [revoked] = await tx
            .update(memberships)
            .set({ revokedAt: deps.now() })
            .where(
              and(
                eq(memberships.id, request.params.participantId),
                eq(memberships.operationId, operation.id),
                isNull(memberships.revokedAt),
              ),
            )
            .returning({ userId: memberships.userId });
          if (!revoked) fail('operations.member_not_found', 'No such active participant in this operation');
          await tx.delete(sessions).where(eq(sessions.userId, revoked.userId));
          await recordAudit(tx, actorOf(request), {
            operationId: operation.id,
            action: 'participant.revoked',
            targetType: 'membership',
            targetId: request.params.participantId,
          });
          return revoked.userId;
        });
        io.in(rooms.user(userId)).disconnectSockets(true);
        deps.bus.publish('operation.changed', { operationId: operation.id });
        return { ok: true as const };
      },
    );
  };
}
