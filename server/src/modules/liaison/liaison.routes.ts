import {
  createLiaisonSchema,
  liaisonParamsSchema,
  liaisonQuerySchema,
  liaisonRequestSchema,
  operationParamsSchema,
  updateLiaisonSchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { errorResponses } from '../../http/openapi.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import { createLiaison, getLiaisonRow, listLiaison, updateLiaison } from './liaison.service.js';

/** Requests to platforms (takedown, preservation, information) and their answers. */
export const liaisonRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.post(
    '/api/operations/:operationId/requests',
    {
      schema: {
        operationId: 'createRequest',
        summary: 'Ask a platform to take content down, preserve it, or give information (a draft, or sent at once)',
        params: operationParamsSchema,
        body: createLiaisonSchema,
        response: {
          201: liaisonRequestSchema,
          ...errorResponses(...authorizeErrors, 'operations.closed', 'findings.platform_mismatch'),
        },
        tags: ['requests'],
      },
    },
    async (request, reply) => {
      const access = await authorize(db, requireUser(request).id, request.params.operationId, 'request.create');
      return reply.code(201).send(await createLiaison(deps, actorOf(request), access, request.body));
    },
  );

  app.get(
    '/api/operations/:operationId/requests',
    {
      schema: {
        operationId: 'listRequests',
        summary: 'The requests to platforms, newest first, by platform, kind, state or legal route',
        params: operationParamsSchema,
        querystring: liaisonQuerySchema,
        response: { 200: z.array(liaisonRequestSchema), ...errorResponses(...authorizeErrors) },
        tags: ['requests'],
      },
    },
    async (request) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'request.read');
      return listLiaison(db, operation.id, request.query);
    },
  );

  app.patch(
    '/api/requests/:requestId',
    {
      schema: {
        operationId: 'updateRequest',
        summary:
          "Move a request on (draft → sent → acknowledged → removed / refused / no_answer), note the platform's reference",
        params: liaisonParamsSchema,
        body: updateLiaisonSchema,
        response: {
          200: liaisonRequestSchema,
          ...errorResponses(
            'requests.not_found',
            ...authorizeErrors,
            'operations.closed',
            'requests.not_author',
            'requests.bad_transition',
            'requests.version_conflict',
          ),
        },
        tags: ['requests'],
      },
    },
    async (request) => {
      const row = await getLiaisonRow(db, request.params.requestId);
      const access = await authorize(db, requireUser(request).id, row.operationId, 'request.create');
      return updateLiaison(deps, actorOf(request), access, row, request.body);
    },
  );
};
