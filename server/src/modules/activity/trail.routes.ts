import { operationParamsSchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { authorize } from '../operations/index.js';
import { listAuditRows, recordAudit, verifyAuditChain } from '../audit/index.js';

const verdictSchema = z.object({
  chain: z.string(),
  ok: z.boolean(),
  count: z.int(),
  head: z.string(),
  problems: z.array(z.object({ chainIndex: z.int(), id: z.int().nullable(), problem: z.string() })),
});

/**
 * The audit trail of an operation: read, export and verify (coordinators). Here rather than in audit/, which
 * every module records into and so must not depend on operations' permissions.
 */
export const auditRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/operations/:operationId/audit',
    {
      schema: {
        params: operationParamsSchema,
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
        tags: ['audit'],
      },
    },
    async (request, reply) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'audit.read');
      const rows = await listAuditRows(db, operation.id);
      await recordAudit(db, actorOf(request), {
        operationId: operation.id,
        action: request.query.format === 'csv' ? 'audit.exported' : 'audit.read',
        details: { rows: rows.length },
      });
      const plain = rows.map((r) => ({ ...r, at: r.at.toISOString(), details: JSON.stringify(r.details) }));
      if (request.query.format === 'json') return plain;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${operation.id}.csv"`)
        .send(`\uFEFF${Papa.unparse(plain, { escapeFormulae: true })}`);
    },
  );

  app.get(
    '/api/operations/:operationId/audit/verify',
    { schema: { params: operationParamsSchema, response: { 200: verdictSchema }, tags: ['audit'] } },
    async (request) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'audit.read');
      return verifyAuditChain(db, operation.id);
    },
  );
};
