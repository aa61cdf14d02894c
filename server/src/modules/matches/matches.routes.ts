import {
  type Action,
  can,
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
import { binary, errorResponses } from '../../http/openapi.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import { deleteReferenceList, importReferenceList, listReferenceLists } from './matches.references.js';
import { discloseMatch, getMatch, listMatches, operationOfMatch, resolveMatches } from './matches.service.js';

/** Matches (one per shared value, with every sighting) and the reference lists they are checked against. */
export const matchRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  /**
   * A match the caller may know of, with their access. A member who may not see it gets the 404 of an id that
   * does not exist before any permission is checked: a 403 would tell them that it exists.
   */
  const knownMatch = async (matchId: string, userId: string, action: Action) => {
    const access = await authorize(db, userId, await operationOfMatch(db, matchId), 'operation.read');
    const { view } = await getMatch(db, access.viewer, matchId);
    if (!can(access.membership.role, action)) fail('auth.forbidden', { params: { role: access.membership.role } });
    return { access, view };
  };

  app.get(
    '/api/operations/:operationId/matches',
    {
      schema: {
        operationId: 'listMatches',
        summary: 'The matches of the operation the viewer may know of, filtered',
        params: operationParamsSchema,
        querystring: matchesQuerySchema,
        response: {
          ...errorResponses(...authorizeErrors),
          200: z.array(matchSchema),
        },
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
    {
      schema: {
        operationId: 'getMatch',
        summary: 'One match with every sighting the viewer may know of',
        params: matchParamsSchema,
        response: {
          ...errorResponses('matches.not_found', ...authorizeErrors),
          200: matchSchema,
        },
        tags: ['matches'],
      },
    },
    async (request) => {
      return (await knownMatch(request.params.matchId, requireUser(request).id, 'finding.read')).view;
    },
  );

  app.post(
    '/api/matches/:matchId/resolution',
    {
      schema: {
        operationId: 'resolveMatch',
        summary: 'Confirm, dismiss or reopen a match (analysts, coordinators)',
        params: matchParamsSchema,
        body: matchResolutionSchema,
        response: {
          ...errorResponses('matches.not_found', 'matches.version_conflict', ...authorizeErrors),
          200: matchSchema,
        },
        tags: ['matches'],
      },
    },
    async (request) => {
      const { access } = await knownMatch(request.params.matchId, requireUser(request).id, 'match.resolve');
      const [view] = await resolveMatches(deps, actorOf(request), access, [request.params.matchId], request.body);
      return view ?? fail('matches.not_found');
    },
  );

  app.post(
    '/api/operations/:operationId/matches/resolution',
    {
      schema: {
        operationId: 'resolveMatches',
        summary: 'Confirm, dismiss or reopen several matches at once',
        params: operationParamsSchema,
        body: bulkResolutionSchema,
        response: {
          ...errorResponses('matches.not_found', 'matches.version_conflict', ...authorizeErrors),
          200: z.array(matchSchema),
        },
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
        operationId: 'discloseMatch',
        summary: 'A TLP:RED owner shares the contact with the other side of a match, or keeps it closed',
        params: matchParamsSchema,
        body: disclosureBodySchema.extend({
          country: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .optional(),
        }),
        response: {
          ...errorResponses('matches.not_found', 'matches.no_disclosure', 'matches.not_owner', ...authorizeErrors),
          200: matchSchema,
        },
        tags: ['matches'],
      },
    },
    async (request) => {
      const { access } = await knownMatch(request.params.matchId, requireUser(request).id, 'finding.read');
      return discloseMatch(deps, actorOf(request), access, request.params.matchId, request.body);
    },
  );

  app.get(
    '/api/operations/:operationId/reference-lists',
    {
      schema: {
        operationId: 'listReferenceLists',
        summary: 'The reference lists imported into the operation',
        params: operationParamsSchema,
        response: {
          ...errorResponses(...authorizeErrors),
          200: z.array(referenceListSchema),
        },
        tags: ['matches'],
      },
    },
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
      config: {
        openapi: {
          requestBody: {
            description:
              'CSV with a header row: kind, value; optional label, region, service, platform. At most 100,000 rows.',
            content: { 'text/csv': binary },
          },
        },
      },
      schema: {
        operationId: 'importReferenceList',
        summary: 'Import a reference list (CSV) and match it against what was logged',
        params: operationParamsSchema,
        querystring: z.object({ name: z.string().trim().min(1).max(200).default('Reference list') }),
        response: {
          ...errorResponses(...authorizeErrors, 'references.not_csv', 'references.bad_header', 'references.too_many'),
          201: referenceListCreatedSchema,
        },
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
        operationId: 'deleteReferenceList',
        summary: 'Delete a reference list; the matches it made lose it as a source',
        params: operationParamsSchema.extend({ listId: z.uuid() }),
        response: {
          ...errorResponses('references.not_found', ...authorizeErrors),
          200: z.object({ ok: z.literal(true) }),
        },
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
