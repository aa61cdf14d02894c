import {
  createOperationSchema,
  meSchema,
  operationParamsSchema,
  operationSchema,
  operationStatusBodySchema,
  participantSchema,
  updateOperationSchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { errorResponses } from '../../http/openapi.js';
import { listParticipants, membershipsOfUser } from './memberships.js';
import { type CloseStep, setPhase } from './operations.phase.js';
import { authorize, authorizeErrors } from './operations.policy.js';
import {
  type OperationSetupStep,
  createOperation,
  listOperationsOf,
  toOperation,
  updateOperation,
} from './operations.service.js';
import { revokeParticipant } from './revocation.js';

/** What other modules contribute to creating and closing an operation (wired in app.ts). */
export interface OperationHooks {
  setupSteps: readonly OperationSetupStep[];
  freeze: CloseStep;
}

/** Operations: created by instance administrators, read by their members; who am I and where. */
export const operationRoutes: FastifyPluginAsyncZod<Deps & OperationHooks> = async (app, deps) => {
  const { db } = deps;
  app.post(
    '/api/operations',
    {
      schema: {
        operationId: 'createOperation',
        summary: 'Create an operation (instance administrators); its creator becomes its first coordinator',
        body: createOperationSchema,
        response: { 201: operationSchema, ...errorResponses('auth.admin_only', 'operations.invalid_window') },
        tags: ['operations'],
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      if (!user.isAdmin) fail('auth.admin_only');
      const operation = await createOperation(
        db,
        { ...actorOf(request), userId: user.id },
        request.body,
        deps.setupSteps,
      );
      return reply.code(201).send(operation);
    },
  );

  app.get(
    '/api/operations',
    {
      schema: {
        operationId: 'listOperations',
        summary: 'The operations the signed-in person takes part in, newest first',
        response: { 200: z.array(operationSchema), ...errorResponses() },
        tags: ['operations'],
      },
    },
    async (request) => listOperationsOf(db, requireUser(request).id),
  );

  app.get(
    '/api/me',
    {
      schema: {
        operationId: 'getMe',
        summary: 'Who is signed in, and their memberships',
        response: { 200: meSchema, ...errorResponses() },
        tags: ['auth'],
      },
    },
    async (request) => {
      const user = requireUser(request);
      const rows = await membershipsOfUser(db, user.id);
      return {
        user,
        memberships: rows.map((m) => ({
          id: m.id,
          operationId: m.operationId,
          userId: m.userId,
          role: m.role,
          country: m.country,
          agency: m.agency,
        })),
      };
    },
  );

  app.get(
    '/api/operations/:operationId',
    {
      schema: {
        operationId: 'getOperation',
        summary: 'An operation with its participants (observers see only themselves)',
        params: operationParamsSchema,
        response: {
          200: operationSchema.extend({ participants: z.array(participantSchema), me: participantSchema }),
          ...errorResponses(...authorizeErrors),
        },
        tags: ['operations'],
      },
    },
    async (request) => {
      const { operation, membership } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'operation.read',
      );
      const participants = await listParticipants(db, operation.id);
      const me = participants.find((p) => p.id === membership.id);
      if (!me) throw new Error('membership without participant row');
      // observers see aggregates only: not who the participants are
      return { ...toOperation(operation), participants: membership.role === 'observer' ? [me] : participants, me };
    },
  );

  app.patch(
    '/api/operations/:operationId',
    {
      schema: {
        operationId: 'updateOperation',
        summary: "Change an operation's settings (coordinators; after closing only the report's suppression)",
        params: operationParamsSchema,
        body: updateOperationSchema,
        response: {
          200: operationSchema,
          ...errorResponses(
            ...authorizeErrors,
            'operations.closed',
            'operations.invalid_window',
            'operations.themes_locked',
          ),
        },
        tags: ['operations'],
      },
    },
    async (request) => {
      const { operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'operation.manage',
      );
      return updateOperation(deps, actorOf(request), operation, request.body);
    },
  );

  app.post(
    '/api/operations/:operationId/status',
    {
      schema: {
        operationId: 'setOperationStatus',
        summary: 'Move an operation to a phase; closing freezes its key figures',
        params: operationParamsSchema,
        body: operationStatusBodySchema,
        response: { 200: operationSchema, ...errorResponses(...authorizeErrors, 'operations.closed') },
        tags: ['operations'],
      },
    },
    async (request) => {
      const { operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'operation.manage',
      );
      return setPhase(deps, actorOf(request), operation, request.body.status, deps.freeze);
    },
  );

  app.post(
    '/api/operations/:operationId/participants/:participantId/revoke',
    {
      schema: {
        operationId: 'revokeParticipant',
        summary: 'Revoke a participant: their sessions and sockets end at once',
        params: operationParamsSchema.extend({ participantId: z.uuid() }),
        response: {
          200: z.object({ ok: z.literal(true) }),
          ...errorResponses(...authorizeErrors, 'operations.cannot_revoke_self', 'operations.member_not_found'),
        },
        tags: ['operations'],
      },
    },
    async (request) => {
      const access = await authorize(deps.db, requireUser(request).id, request.params.operationId, 'member.revoke');
      await revokeParticipant(deps, actorOf(request), access, request.params.participantId);
      return { ok: true as const };
    },
  );
};
