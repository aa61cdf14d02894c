import { figureDefinitionsSchema, operationParamsSchema, tallySchema } from '@actionday/shared';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { authorize } from '../operations/memberships.js';
import { operations } from '../operations/operations.table.js';
import { currentTally } from './tallies.service.js';

/** Tallies (every member, observers included: aggregates only) and the key-figure definitions. */
export const tallyRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/api/operations/:operationId/tallies',
    { schema: { params: operationParamsSchema, response: { 200: tallySchema }, tags: ['tallies'] } },
    async (request) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'operation.read');
      return currentTally(db, operation, deps.now());
    },
  );

  app.get(
    '/api/operations/:operationId/figures',
    { schema: { params: operationParamsSchema, response: { 200: z.array(z.unknown()) }, tags: ['tallies'] } },
    async (request) =>
      (await authorize(db, requireUser(request).id, request.params.operationId, 'operation.read')).operation.figures,
  );

  app.put(
    '/api/operations/:operationId/figures',
    {
      schema: {
        params: operationParamsSchema,
        body: figureDefinitionsSchema,
        response: { 200: z.array(z.unknown()) },
        tags: ['tallies'],
      },
    },
    async (request) => {
      const { operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'operation.manage',
      );
      if (operation.status === 'closed') fail('operations.closed', 'The figures of a closed operation are frozen');
      await db.transaction(async (tx) => {
        await tx.update(operations).set({ figures: request.body }).where(eq(operations.id, operation.id));
        await recordAudit(tx, actorOf(request), {
          operationId: operation.id,
          action: 'figures.updated',
          details: { keys: request.body.map((f) => f.key) },
        });
      });
      deps.bus.publish('operation.changed', { operationId: operation.id });
      return request.body;
    },
  );
};
