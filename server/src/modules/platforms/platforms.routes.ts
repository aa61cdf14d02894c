import {
  assignBodySchema,
  createPlatformsBodySchema,
  importQuerySchema,
  importResultSchema,
  operationParamsSchema,
  platformParamsSchema,
  platformSchema,
  verdictBodySchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { assertNotClosed, authorize } from '../operations/index.js';
import {
  assignPlatform,
  claimPlatform,
  heartbeat,
  recordVerdict,
  releasePlatform,
  reopenPlatform,
} from './platforms.claims.js';
import { importPlatforms, readImportFile } from './platforms.import.js';
import { forObserver } from './platforms.dto.js';
import { createPlatforms, getPlatformRow, listPlatforms } from './platforms.service.js';

const platformRoute = { params: platformParamsSchema, response: { 200: platformSchema }, tags: ['platforms'] };

/** The platform board's HTTP routes. */
export const platformRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  /** Loads the platform and the caller's membership in its operation, checked against the table. */
  async function platformContext(userId: string, platformId: string, action: Parameters<typeof authorize>[3]) {
    const platform = await getPlatformRow(db, platformId);
    const context = await authorize(db, userId, platform.operationId, action);
    // the board is frozen with the figures once the day is closed
    assertNotClosed(context.operation);
    return { platform, ...context };
  }

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

  app.post(
    '/api/operations/:operationId/platforms/import',
    {
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        params: operationParamsSchema,
        querystring: importQuerySchema,
        response: { 200: importResultSchema },
        tags: ['platforms'],
      },
    },
    async (request) => {
      const user = requireUser(request);
      const context = await authorize(db, user.id, request.params.operationId, 'platform.import');
      const rows = readImportFile(request.body, request.headers['content-type']);
      return importPlatforms(deps, actorOf(request), context, rows, request.query.dryRun);
    },
  );

  app.get(
    '/api/operations/:operationId/platforms',
    { schema: { params: operationParamsSchema, response: { 200: z.array(platformSchema) }, tags: ['platforms'] } },
    async (request) => {
      const user = requireUser(request);
      const { membership } = await authorize(db, user.id, request.params.operationId, 'platform.read');
      const list = await listPlatforms(db, request.params.operationId);
      return membership.role === 'observer' ? list.map(forObserver) : list;
    },
  );

  app.post('/api/platforms/:platformId/claim', { schema: platformRoute }, async (request) => {
    const { platform, membership, operation } = await platformContext(
      requireUser(request).id,
      request.params.platformId,
      'platform.claim',
    );
    return claimPlatform(deps, actorOf(request), membership, operation.claimLimit, platform.id);
  });

  app.post('/api/platforms/:platformId/release', { schema: platformRoute }, async (request) => {
    const { platform, membership } = await platformContext(
      requireUser(request).id,
      request.params.platformId,
      'platform.claim',
    );
    return releasePlatform(deps, actorOf(request), membership, platform.id);
  });

  app.post(
    '/api/platforms/:platformId/heartbeat',
    {
      schema: {
        params: platformParamsSchema,
        response: { 200: z.object({ lastActivityAt: z.string() }) },
        tags: ['platforms'],
      },
    },
    async (request) => {
      const { platform, membership } = await platformContext(
        requireUser(request).id,
        request.params.platformId,
        'platform.claim',
      );
      return heartbeat(deps, membership, platform.id);
    },
  );

  app.post(
    '/api/platforms/:platformId/verdict',
    { schema: { ...platformRoute, body: verdictBodySchema } },
    async (request) => {
      const { platform, membership } = await platformContext(
        requireUser(request).id,
        request.params.platformId,
        'platform.claim',
      );
      return recordVerdict(deps, actorOf(request), membership, platform.id, request.body);
    },
  );

  app.post('/api/platforms/:platformId/reopen', { schema: platformRoute }, async (request) => {
    const { platform } = await platformContext(requireUser(request).id, request.params.platformId, 'platform.reopen');
    return reopenPlatform(deps, actorOf(request), platform.id);
  });

  app.post(
    '/api/platforms/:platformId/assign',
    { schema: { ...platformRoute, body: assignBodySchema } },
    async (request) => {
      const { platform, operation } = await platformContext(
        requireUser(request).id,
        request.params.platformId,
        'platform.manage_claims',
      );
      return assignPlatform(deps, actorOf(request), platform, request.body.participantId, operation.claimLimit);
    },
  );
};
