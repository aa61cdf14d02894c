import { figureDefinitionsSchema, operationParamsSchema, tallySchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { authorize, setFigures } from '../operations/index.js';
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
      await setFigures(deps, actorOf(request), operation, request.body);
      return request.body;
    },
  );
};
