import {
  createOperationSchema,
  meSchema,
  operationParamsSchema,
  operationSchema,
  operationStatusBodySchema,
  participantParamsSchema,
  participantSchema,
  revocationResultSchema,
  revocationsSchema,
  updateOperationSchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { errorResponses } from '../../http/openapi.js';
import { listParticipants, membershipsOfUser, revocationsOf } from './memberships.js';
import { type CloseStep, setPhase } from './operations.phase.js';
import { authorize, authorizeAuthority, authorizeErrors } from './operations.policy.js';
import {
  type OperationSetupStep,
  createOperation,
  listOperationsOf,
  toOperation,
  updateOperation,
} from './operations.service.js';
import { cancelRevocation, reinstateParticipant, revokeParticipant } from './revocation.js';

const okSchema = z.object({ ok: z.literal(true) });

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

  const authorityErrors = [...authorizeErrors, 'auth.admin_only'] as const;

  app.post(
    '/api/operations/:operationId/participants/:participantId/revoke',
    {
      schema: {
        operationId: 'revokeParticipant',
        summary:
          'Revoke a participant from this operation (their other operations stay); a coordinator needs a second coordinator',
        description:
          "The operation's creator and administrators: administrators only. A coordinator revoking a coordinator records a " +
          'request (`pending`) that another coordinator confirms with the same call; an administrator revokes at once.',
        params: participantParamsSchema,
        response: {
          200: revocationResultSchema,
          ...errorResponses(
            ...authorityErrors,
            'operations.cannot_revoke_self',
            'operations.member_not_found',
            'operations.protected_participant',
          ),
        },
        tags: ['operations'],
      },
    },
    async (request) => {
      const authority = await authorizeAuthority(db, requireUser(request), request.params.operationId);
      return revokeParticipant(deps, actorOf(request), authority, request.params.participantId);
    },
  );

  app.delete(
    '/api/operations/:operationId/participants/:participantId/revocation-request',
    {
      schema: {
        operationId: 'cancelRevocation',
        summary: 'Withdraw a revocation waiting for confirmation (the coordinator who asked, or an administrator)',
        params: participantParamsSchema,
        response: { 200: okSchema, ...errorResponses(...authorityErrors, 'operations.no_revocation_request') },
        tags: ['operations'],
      },
    },
    async (request) => {
      const authority = await authorizeAuthority(db, requireUser(request), request.params.operationId);
      await cancelRevocation(deps, actorOf(request), authority, request.params.participantId);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/operations/:operationId/participants/:participantId/reinstate',
    {
      schema: {
        operationId: 'reinstateParticipant',
        summary: 'Undo a revocation (administrators): the person takes part again with the same role',
        params: participantParamsSchema,
        response: { 200: okSchema, ...errorResponses(...authorityErrors, 'operations.not_revoked') },
        tags: ['operations'],
      },
    },
    async (request) => {
      const authority = await authorizeAuthority(db, requireUser(request), request.params.operationId);
      await reinstateParticipant(deps, actorOf(request), authority, request.params.participantId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/operations/:operationId/revocations',
    {
      schema: {
        operationId: 'listRevocations',
        summary:
          'Revocations waiting for a second coordinator, and revoked participants (coordinators, administrators)',
        params: operationParamsSchema,
        response: { 200: revocationsSchema, ...errorResponses(...authorityErrors) },
        tags: ['operations'],
      },
    },
    async (request) => {
      const { operation } = await authorizeAuthority(db, requireUser(request), request.params.operationId);
      return revocationsOf(db, operation.id);
    },
  );
};
