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
import { errorResponses, sessionOptional } from '../../http/openapi.js';
import { createSession } from '../auth/index.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import { acceptInvite, createInvite, previewInvite } from './invites.service.js';

/** What an invite code can be, for previewing and accepting it. */
const inviteErrors = ['invites.not_found', 'invites.used', 'invites.expired'] as const;

/** Invites: created by coordinators, accepted by new participants. */
export const inviteRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, config, bus, checkSignIn, now }) => {
  app.post(
    '/api/operations/:operationId/invites',
    {
      schema: {
        operationId: 'createInvite',
        summary: 'Create a one-time invite with a role, a country and an agency; the code is shown only once',
        params: operationParamsSchema,
        body: createInviteSchema,
        response: { 201: inviteCreatedSchema, ...errorResponses(...authorizeErrors) },
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
    {
      schema: {
        operationId: 'previewInvite',
        summary: 'What an invite is for, shown before accepting it',
        security: [],
        params: inviteParamsSchema,
        response: { 200: invitePreviewSchema, ...errorResponses(...inviteErrors) },
        tags: ['invites'],
      },
    },
    async (request) => previewInvite(db, request.params.code),
  );

  app.post(
    '/api/invites/:code/accept',
    {
      schema: {
        operationId: 'acceptInvite',
        summary: 'Accept an invite: a new account (or the signed-in one) joins the operation; sets the session cookie',
        description:
          'An e-mail that already has an account joins when that person is signed in or gives its password (a wrong one is `auth.invalid_credentials`, as when signing in); the answer never tells whether an account exists. Counted as a sign-in attempt; a refused acceptance leaves the invite usable.',
        security: sessionOptional,
        params: inviteParamsSchema,
        body: newAccountSchema,
        response: {
          200: z.object({ ok: z.literal(true), operationId: z.uuid() }),
          ...errorResponses(
            ...inviteErrors,
            'auth.invalid_credentials',
            'invites.already_member',
            'invites.revoked_member',
            'auth.weak_password',
            'request.rate_limited',
          ),
        },
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
