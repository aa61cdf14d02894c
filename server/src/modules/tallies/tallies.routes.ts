import { figureDefinitionSchema, figureDefinitionsSchema, operationParamsSchema, tallySchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { errorResponses } from '../../http/openapi.js';
import { authorize, authorizeErrors, setFigures } from '../operations/index.js';
import { currentTally } from './tallies.service.js';
import { forObservers } from './tallies.suppression.js';

/** The figures as stored (checked against the schema when they were set); the route answers them unchecked. */
const figuresAnswer = {
  200: { description: 'The key-figure definitions', content: { 'application/json': z.array(figureDefinitionSchema) } },
};

/** Tallies (every member, observers included: aggregates only) and the key-figure definitions. */
export const tallyRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/api/operations/:operationId/tallies',
    {
      schema: {
        operationId: 'getTally',
        summary:
          'The key figures now: frozen once the operation is closed, otherwise a recount (observers: small counts of persons suppressed)',
        params: operationParamsSchema,
        response: { 200: tallySchema, ...errorResponses(...authorizeErrors) },
        tags: ['tallies'],
      },
    },
    async (request) => {
      const { operation, membership } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'operation.read',
      );
      const tally = await currentTally(db, operation, deps.now());
      return membership.role === 'observer' ? forObservers(tally, operation) : tally;
    },
  );

  app.get(
    '/api/operations/:operationId/figures',
    {
      schema: {
        operationId: 'listFigures',
        summary: "The operation's key-figure definitions",
        params: operationParamsSchema,
        response: { 200: z.array(z.unknown()), ...errorResponses(...authorizeErrors) },
        tags: ['tallies'],
      },
      config: { openapi: { responses: figuresAnswer } },
    },
    async (request) =>
      (await authorize(db, requireUser(request).id, request.params.operationId, 'operation.read')).operation.figures,
  );

  app.put(
    '/api/operations/:operationId/figures',
    {
      schema: {
        operationId: 'replaceFigures',
        summary: "Replace the operation's key-figure definitions (coordinators, before closing)",
        params: operationParamsSchema,
        body: figureDefinitionsSchema,
        response: { 200: z.array(z.unknown()), ...errorResponses(...authorizeErrors, 'operations.closed') },
        tags: ['tallies'],
      },
      config: { openapi: { responses: figuresAnswer } },
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
