import { announcementSchema, createAnnouncementSchema, operationParamsSchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { errorResponses } from '../../http/openapi.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import { createAnnouncement, listAnnouncements } from './announcements.service.js';

/** Announcements: a coordinator broadcasts to everybody or to one country; late-comers fetch them. */
export const announcementRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  app.post(
    '/api/operations/:operationId/announcements',
    {
      schema: {
        operationId: 'createAnnouncement',
        summary: 'Broadcast an announcement to everybody or to one country (coordinators)',
        params: operationParamsSchema,
        body: createAnnouncementSchema,
        response: { 201: announcementSchema, ...errorResponses(...authorizeErrors) },
        tags: ['announcements'],
      },
    },
    async (request, reply) => {
      const access = await authorize(
        deps.db,
        requireUser(request).id,
        request.params.operationId,
        'announcement.create',
      );
      return reply.code(201).send(await createAnnouncement(deps, actorOf(request), access, request.body));
    },
  );

  app.get(
    '/api/operations/:operationId/announcements',
    {
      schema: {
        operationId: 'listAnnouncements',
        summary: "The newest announcements for everybody and for the caller's country",
        params: operationParamsSchema,
        response: { 200: z.array(announcementSchema), ...errorResponses(...authorizeErrors) },
        tags: ['announcements'],
      },
    },
    async (request) => {
      const access = await authorize(deps.db, requireUser(request).id, request.params.operationId, 'operation.read');
      return listAnnouncements(deps.db, access);
    },
  );
};
