import { graphSchema, operationParamsSchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { recordAudit } from '../audit/index.js';
import { errorResponses } from '../../http/openapi.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import { buildGraph } from './graph.service.js';

/** The link chart of an operation, as the viewer may see it. */
export const graphRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/operations/:operationId/graph',
    {
      schema: {
        operationId: 'getGraph',
        summary: 'The link chart: the records, platforms, countries and matches the viewer may open',
        params: operationParamsSchema,
        querystring: z.object({
          country: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .optional(),
          tag: z.string().max(60).optional(),
          kind: z.enum(['suspect', 'identifier', 'victim']).optional(),
        }),
        response: { 200: graphSchema, ...errorResponses(...authorizeErrors) },
        tags: ['matches'],
      },
    },
    async (request) => {
      const { operation, viewer } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'finding.read',
      );
      const graph = await buildGraph(db, viewer, operation.id, request.query);
      // the chart shows records about people: reading it is recorded like reading a list
      await recordAudit(db, actorOf(request), {
        operationId: operation.id,
        action: 'graph.read',
        details: { nodes: graph.nodes.length },
      });
      return graph;
    },
  );
};
