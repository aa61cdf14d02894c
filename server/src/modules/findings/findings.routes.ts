import {
  type Action,
  can,
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
import { errorResponses } from '../../http/openapi.js';
import { recordAudit } from '../audit/index.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import { viewOf } from './findings.dto.js';
import { createFinding, deleteFinding, getFindingRow, listFindings, updateFinding } from './findings.service.js';

/** What changing a finding that exists can answer (the author or a coordinator, while entries are open). */
const changeErrors = ['findings.not_found', ...authorizeErrors, 'operations.closed', 'findings.not_author'] as const;

/** Findings: logged by investigators, read as the sharing rules allow. */
export const findingRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  /**
   * A finding the caller may know of, with their access to its operation. A member who may not see it (an
   * observer, another country's TLP:RED) gets the 404 of an id that does not exist, before any permission is
   * checked: a 403 would tell them that it exists.
   */
  const knownFinding = async (findingId: string, userId: string, action: Action = 'finding.read') => {
    const row = await getFindingRow(db, findingId);
    const access = await authorize(db, userId, row.operationId, 'operation.read');
    if (row.deletedAt || viewOf(row, access.viewer) === null) fail('findings.not_found');
    if (!can(access.membership.role, action)) fail('auth.forbidden', { params: { role: access.membership.role } });
    return { row, access };
  };

  app.post(
    '/api/operations/:operationId/findings',
    {
      schema: {
        operationId: 'createFinding',
        summary: 'Log a suspect, an identifier or a possible victim on a platform; an identifier answers its hits',
        params: operationParamsSchema,
        body: createFindingSchema,
        response: {
          201: findingCreatedSchema,
          ...errorResponses(
            ...authorizeErrors,
            'operations.closed',
            'findings.platform_mismatch',
            'operations.unknown_tag',
            'findings.bad_link',
            'findings.bad_identifier',
          ),
        },
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
        operationId: 'listFindings',
        summary: 'The findings the caller may see, newest first (others redacted or left out by the sharing rules)',
        params: operationParamsSchema,
        querystring: findingsQuerySchema,
        response: { 200: z.array(findingViewSchema), ...errorResponses(...authorizeErrors) },
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
    {
      schema: {
        operationId: 'getFinding',
        summary: 'One finding, as the sharing rules let the caller see it (the read is audited)',
        params: findingParamsSchema,
        response: { 200: findingViewSchema, ...errorResponses('findings.not_found', ...authorizeErrors) },
        tags: ['findings'],
      },
    },
    async (request) => {
      const { row, access } = await knownFinding(request.params.findingId, requireUser(request).id);
      const view = viewOf(row, access.viewer);
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
        operationId: 'updateFinding',
        summary: 'Change a finding (its author or a coordinator); `version` guards against a lost update',
        params: findingParamsSchema,
        body: updateFindingSchema,
        response: {
          200: findingViewSchema,
          ...errorResponses(
            ...changeErrors,
            'findings.kind_mismatch',
            'operations.unknown_tag',
            'findings.bad_link',
            'findings.version_conflict',
          ),
        },
        tags: ['findings'],
      },
    },
    async (request) => {
      const { row, access } = await knownFinding(request.params.findingId, requireUser(request).id, 'finding.create');
      return updateFinding(deps, actorOf(request), access, row, request.body);
    },
  );

  app.delete(
    '/api/findings/:findingId',
    {
      schema: {
        operationId: 'deleteFinding',
        summary: 'Delete a finding (its author or a coordinator): it stays in the audit trail and stops counting',
        params: findingParamsSchema,
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses(...changeErrors) },
        tags: ['findings'],
      },
    },
    async (request) => {
      const { row, access } = await knownFinding(request.params.findingId, requireUser(request).id, 'finding.create');
      await deleteFinding(deps, actorOf(request), access, row);
      return { ok: true as const };
    },
  );
};
