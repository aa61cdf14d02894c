import { createPlatformsBodySchema, operationParamsSchema, platformParamsSchema, platformSchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { authorize } from '../operations/memberships.js';
import { claimPlatform, createPlatforms, getPlatformRow, listPlatforms } from './platforms.service.js';

/** The platform board's HTTP routes. */
export const platformRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.post(
    '/api/operations/:operationId/platforms',
    {
      schema: {
        params: operationParamsSchema,
        body: createPlatformsBodySchema,
        response: { 201: z.union([platformSchema, z.array(platformSchema)]) },
        tags: ['platforms'],
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const context = await authorize(db, user.id, request.params.operationId, 'platform.create_discovered');
      const body = request.body;
      const created = await createPlatforms(deps, actorOf(request), context, Array.isArray(body) ? body : [body]);
      return reply.code(201).send(Array.isArray(body) ? created : (created[0] as (typeof created)[number]));
    },
  );

  app.get(
    '/api/operations/:operationId/platforms',
    { schema: { params: operationParamsSchema, response: { 200: z.array(platformSchema) }, tags: ['platforms'] } },
    async (request) => {
      const user = requireUser(request);
      await authorize(db, user.id, request.params.operationId, 'platform.read');
      return listPlatforms(db, request.params.operationId);
    },
  );

  app.post(
    '/api/platforms/:platformId/claim',
    { schema: { params: platformParamsSchema, response: { 200: platformSchema }, tags: ['platforms'] } },
    async (request) => {
      const user = requireUser(request);
      const platform = await getPlatformRow(db, request.params.platformId);
      const { membership } = await authorize(db, user.id, platform.operationId, 'platform.claim');
      return claimPlatform(deps, actorOf(request), membership, platform.id);
    },
  );
};
