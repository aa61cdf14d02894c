import {
  createFindingSchema,
  findingCreatedSchema,
  findingParamsSchema,
  findingViewSchema,
  findingsQuerySchema,
  operationParamsSchema,
  updateFindingSchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/index.js';
import { authorize } from '../operations/index.js';
import { viewOf } from './findings.dto.js';
import { createFinding, deleteFinding, getFindingRow, listFindings, updateFinding } from './findings.service.js';

/** Findings: logged by investigators, read as the sharing rules allow. */
export const findingRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.post(
    '/api/operations/:operationId/findings',
    {
      schema: {
        params: operationParamsSchema,
        body: createFindingSchema,
        response: { 201: findingCreatedSchema },
        tags: ['findings'],
      },
    },
    async (request, reply) => {
      const access = await authorize(db, requireUser(request).id, request.params.operationId, 'finding.create');
      return reply.code(201).send(await createFinding(deps, actorOf(request), access, request.body));
    },
  );

  app.get(
    '/api/operations/:operationId/findings',
    {
      schema: {
        params: operationParamsSchema,
        querystring: findingsQuerySchema,
        response: { 200: z.array(findingViewSchema) },
        tags: ['findings'],
      },
    },
    async (request) => {
      const { operation, viewer } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'finding.read',
      );
      const list = await listFindings(db, viewer, operation.id, request.query);
      // reading records about people is itself recorded: who read which list, not its contents
      await recordAudit(db, actorOf(request), {
        operationId: operation.id,
        action: 'finding.list_read',
        details: { ...request.query, count: list.length },
      });
      return list;
    },
  );

  app.get(
    '/api/findings/:findingId',
    { schema: { params: findingParamsSchema, response: { 200: findingViewSchema }, tags: ['findings'] } },
    async (request) => {
      const row = await getFindingRow(db, request.params.findingId);
      const { viewer } = await authorize(db, requireUser(request).id, row.operationId, 'finding.read');
      const view = row.deletedAt ? null : viewOf(row, viewer);
      if (!view) fail('findings.not_found');
      await recordAudit(db, actorOf(request), {
        operationId: row.operationId,
        action: 'finding.read',
        targetType: 'finding',
        targetId: row.id,
        details: { redacted: view.redacted },
      });
      return view;
    },
  );

  app.patch(
    '/api/findings/:findingId',
    {
      schema: {
        params: findingParamsSchema,
        body: updateFindingSchema,
        response: { 200: findingViewSchema },
        tags: ['findings'],
      },
    },
    async (request) => {
      const row = await getFindingRow(db, request.params.findingId);
      const access = await authorize(db, requireUser(request).id, row.operationId, 'finding.create');
      return updateFinding(deps, actorOf(request), access, row, request.body);
    },
  );

  app.delete(
    '/api/findings/:findingId',
    {
      schema: { params: findingParamsSchema, response: { 200: z.object({ ok: z.literal(true) }) }, tags: ['findings'] },
    },
    async (request) => {
      const row = await getFindingRow(db, request.params.findingId);
      const access = await authorize(db, requireUser(request).id, row.operationId, 'finding.create');
      await deleteFinding(deps, actorOf(request), access, row);
      return { ok: true as const };
    },
  );
};
