import {
  createInviteSchema,
  inviteCreatedSchema,
  inviteParamsSchema,
  invitePreviewSchema,
  newAccountSchema,
  operationParamsSchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser, setSessionCookie } from '../../http/context.js';
import { createSession } from '../auth/index.js';
import { authorize } from '../operations/index.js';
import { acceptInvite, createInvite, previewInvite } from './invites.service.js';

/** Invites: created by coordinators, accepted by new participants. */
export const inviteRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, config, bus, checkSignIn, now }) => {
  app.post(
    '/api/operations/:operationId/invites',
    {
      schema: {
        params: operationParamsSchema,
        body: createInviteSchema,
        response: { 201: inviteCreatedSchema },
        tags: ['invites'],
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      await authorize(db, user.id, request.params.operationId, 'invite.create');
      const created = await createInvite(
        db,
        actorOf(request),
        request.params.operationId,
        request.body,
        config.publicUrl,
      );
      return reply.code(201).send(created);
    },
  );

  app.get(
    '/api/invites/:code',
    { schema: { params: inviteParamsSchema, response: { 200: invitePreviewSchema }, tags: ['invites'] } },
    async (request) => previewInvite(db, request.params.code),
  );

  app.post(
    '/api/invites/:code/accept',
    {
      schema: {
        params: inviteParamsSchema,
        body: newAccountSchema,
        response: { 200: z.object({ ok: z.literal(true), operationId: z.uuid() }) },
        tags: ['invites'],
      },
    },
    async (request, reply) => {
      // counted as a sign-in attempt: the answer says whether an e-mail has an account
      await checkSignIn(request, request.body.email);
      const { userId, operationId } = await acceptInvite(db, actorOf(request), request.params.code, request.body);
      setSessionCookie(request, reply, await createSession(db, userId, now()));
      bus.publish('operation.changed', { operationId });
      return { ok: true as const, operationId };
    },
  );
};
