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
import { listParticipants, membershipsOfUser } from './memberships.js';
import { type CloseStep, setPhase } from './operations.phase.js';
import { authorize } from './operations.policy.js';
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
    { schema: { body: createOperationSchema, response: { 201: operationSchema }, tags: ['operations'] } },
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
    { schema: { response: { 200: z.array(operationSchema) }, tags: ['operations'] } },
    async (request) => listOperationsOf(db, requireUser(request).id),
  );

  app.get('/api/me', { schema: { response: { 200: meSchema }, tags: ['auth'] } }, async (request) => {
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
  });

  app.get(
    '/api/operations/:operationId',
    {
      schema: {
        params: operationParamsSchema,
        response: { 200: operationSchema.extend({ participants: z.array(participantSchema), me: participantSchema }) },
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
        params: operationParamsSchema,
        body: updateOperationSchema,
        response: { 200: operationSchema },
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
        params: operationParamsSchema,
        body: operationStatusBodySchema,
        response: { 200: operationSchema },
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
        params: operationParamsSchema.extend({ participantId: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
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
