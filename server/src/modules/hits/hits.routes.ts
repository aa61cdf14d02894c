import {
  hitParamsSchema,
  hitViewSchema,
  operationParamsSchema,
  referenceListCreatedSchema,
  resolveHitSchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { authorize } from '../operations/index.js';
import { getHitRow, importReferenceList, listHits, resolveHit } from './hits.service.js';

/** Hits and the reference lists they are checked against. */
export const hitRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/api/operations/:operationId/hits',
    { schema: { params: operationParamsSchema, response: { 200: z.array(hitViewSchema) }, tags: ['hits'] } },
    async (request) => {
      const { viewer, operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'finding.read',
      );
      return listHits(db, viewer, operation.id);
    },
  );

  app.post(
    '/api/hits/:hitId/resolve',
    { schema: { params: hitParamsSchema, body: resolveHitSchema, response: { 200: hitViewSchema }, tags: ['hits'] } },
    async (request) => {
      const hit = await getHitRow(db, request.params.hitId);
      const context = await authorize(db, requireUser(request).id, hit.operationId, 'hit.resolve');
      return resolveHit(deps, actorOf(request), context, hit.id, request.body);
    },
  );

  app.post(
    '/api/operations/:operationId/reference-lists',
    {
      bodyLimit: 20 * 1024 * 1024,
      schema: {
        params: operationParamsSchema,
        querystring: z.object({ name: z.string().trim().min(1).max(200).default('Reference list') }),
        response: { 201: referenceListCreatedSchema },
        tags: ['hits'],
      },
    },
    async (request, reply) => {
      const context = await authorize(db, requireUser(request).id, request.params.operationId, 'reference.import');
      if (typeof request.body !== 'string') fail('references.not_csv');
      return reply
        .code(201)
        .send(await importReferenceList(deps, actorOf(request), context, request.query.name, request.body));
    },
  );
};
