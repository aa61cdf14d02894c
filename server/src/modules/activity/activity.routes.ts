import { activitySchema, operationParamsSchema, timelineSchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { requireUser } from '../../http/context.js';
import { errorResponses } from '../../http/openapi.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import { activityFeed, timeline } from './activity.service.js';

/** The activity feed and the timeline of the day. */
export const activityRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/operations/:operationId/activity',
    {
      schema: {
        operationId: 'listActivity',
        summary: 'The activity feed: who did what, newest first, a page at a time (`before` an id)',
        params: operationParamsSchema,
        querystring: z.object({
          limit: z.coerce.number().int().min(1).max(200).default(50),
          before: z.coerce.number().int().optional(),
        }),
        response: { 200: z.array(activitySchema), ...errorResponses(...authorizeErrors) },
        tags: ['activity'],
      },
    },
    async (request) => {
      const access = await authorize(db, requireUser(request).id, request.params.operationId, 'activity.read');
      return activityFeed(db, access, request.query);
    },
  );

  app.get(
    '/api/operations/:operationId/timeline',
    {
      schema: {
        operationId: 'getTimeline',
        summary: 'The timeline of the day: platforms checked and findings logged per bucket of minutes',
        params: operationParamsSchema,
        querystring: z.object({ bucket: z.coerce.number().int().min(1).max(240).default(15) }),
        response: { 200: timelineSchema, ...errorResponses(...authorizeErrors) },
        tags: ['activity'],
      },
    },
    async (request) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'operation.read');
      return timeline(db, operation.id, operation.startsAt, request.query.bucket);
    },
  );
};
