import { auditVerdictSchema, auditVerifyQuerySchema, operationParamsSchema } from '@actionday/shared';
import { asc, eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { authorize } from '../operations/memberships.js';
import { headSigner } from './audit.keys.js';
import { installAuditSequencer } from './audit.sequencer.js';
import { recordAudit } from './audit.service.js';
import { auditEvents } from './audit.table.js';
import { verifyAuditLog } from './audit.verify.js';

/** The audit trail of an operation: read, export and verify (coordinators); and the sequencer behind it. */
export const auditRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;
  installAuditSequencer(app, deps);

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
      // in tree order; entries still waiting for their position (a moment after commit) come last
      const rows = await db
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.chain, operation.id))
        .orderBy(asc(auditEvents.position), asc(auditEvents.id));
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
    {
      schema: {
        params: operationParamsSchema,
        querystring: auditVerifyQuerySchema,
        response: { 200: auditVerdictSchema },
        tags: ['audit'],
      },
    },
    async (request) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'audit.read');
      return verifyAuditLog(db, operation.id, {
        anchor: request.query.head,
        entryId: request.query.entry,
        signer: headSigner(deps.config.dataDir),
      });
    },
  );
};
