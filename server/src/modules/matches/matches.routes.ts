import {
  bulkResolutionSchema,
  disclosureBodySchema,
  matchParamsSchema,
  matchResolutionSchema,
  matchSchema,
  matchesQuerySchema,
  operationParamsSchema,
  referenceListCreatedSchema,
  referenceListSchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { authorize } from '../operations/index.js';
import { deleteReferenceList, importReferenceList, listReferenceLists } from './matches.references.js';
import { discloseMatch, getMatch, listMatches, operationOfMatch, resolveMatches } from './matches.service.js';

/** Matches (one per shared value, with every sighting) and the reference lists they are checked against. */
export const matchRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/api/operations/:operationId/matches',
    {
      schema: {
        params: operationParamsSchema,
        querystring: matchesQuerySchema,
        response: { 200: z.array(matchSchema) },
        tags: ['matches'],
      },
    },
    async (request) => {
      const { viewer, operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'finding.read',
      );
      return listMatches(db, viewer, operation.id, request.query);
    },
  );

  app.get(
    '/api/matches/:matchId',
    { schema: { params: matchParamsSchema, response: { 200: matchSchema }, tags: ['matches'] } },
    async (request) => {
      const { viewer } = await authorize(
        db,
        requireUser(request).id,
        await operationOfMatch(db, request.params.matchId),
        'finding.read',
      );
      return (await getMatch(db, viewer, request.params.matchId)).view;
    },
  );

  app.post(
    '/api/matches/:matchId/resolution',
    {
      schema: {
        params: matchParamsSchema,
        body: matchResolutionSchema,
        response: { 200: matchSchema },
        tags: ['matches'],
      },
    },
    async (request) => {
      const access = await authorize(
        db,
        requireUser(request).id,
        await operationOfMatch(db, request.params.matchId),
        'match.resolve',
      );
      const [view] = await resolveMatches(deps, actorOf(request), access, [request.params.matchId], request.body);
      return view ?? fail('matches.not_found');
    },
  );

  app.post(
    '/api/operations/:operationId/matches/resolution',
    {
      schema: {
        params: operationParamsSchema,
        body: bulkResolutionSchema,
        response: { 200: z.array(matchSchema) },
        tags: ['matches'],
      },
    },
    async (request) => {
      const access = await authorize(db, requireUser(request).id, request.params.operationId, 'match.resolve');
      const { matchIds, ...body } = request.body;
      return resolveMatches(deps, actorOf(request), access, [...new Set(matchIds)], body);
    },
  );

  app.post(
    '/api/matches/:matchId/disclosure',
    {
      schema: {
        params: matchParamsSchema,
        body: disclosureBodySchema.extend({
          country: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .optional(),
        }),
        response: { 200: matchSchema },
        tags: ['matches'],
      },
    },
    async (request) => {
      const access = await authorize(
        db,
        requireUser(request).id,
        await operationOfMatch(db, request.params.matchId),
        'finding.read',
      );
      return discloseMatch(deps, actorOf(request), access, request.params.matchId, request.body);
    },
  );

  app.get(
    '/api/operations/:operationId/reference-lists',
    { schema: { params: operationParamsSchema, response: { 200: z.array(referenceListSchema) }, tags: ['matches'] } },
    async (request) => {
      const { operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'reference.import',
      );
      return listReferenceLists(db, operation.id);
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
        tags: ['matches'],
      },
    },
    async (request, reply) => {
      const access = await authorize(db, requireUser(request).id, request.params.operationId, 'reference.import');
      if (typeof request.body !== 'string') fail('references.not_csv');
      return reply
        .code(201)
        .send(await importReferenceList(deps, actorOf(request), access, request.query.name, request.body));
    },
  );

  app.delete(
    '/api/operations/:operationId/reference-lists/:listId',
    {
      schema: {
        params: operationParamsSchema.extend({ listId: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
        tags: ['matches'],
      },
    },
    async (request) => {
      const access = await authorize(db, requireUser(request).id, request.params.operationId, 'reference.import');
      await deleteReferenceList(deps, actorOf(request), access, request.params.listId);
      return { ok: true as const };
    },
  );
};
