import { auditVerdictSchema, auditVerifyQuerySchema, operationParamsSchema } from '@actionday/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { binary, errorResponses } from '../../http/openapi.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import { headSigner, listAuditRows, recordAudit, verifyAuditLog } from '../audit/index.js';

/** One row of the trail as exported (`details` as JSON text), for the document. */
const auditRowSchema = z.object({
  id: z.int(),
  at: z.string(),
  actorId: z.uuid().nullable(),
  operationId: z.uuid().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.string(),
  ip: z.string().nullable(),
  chain: z.string(),
  /** Its place in the Merkle tree (null for a moment after commit, until the sequencer integrates it). */
  position: z.int().nullable(),
  leafHash: z.string(),
});

/**
 * The audit trail of an operation: read, export and verify (coordinators). Here rather than in audit/, which
 * every module records into and so must not depend on operations' permissions.
 */
export const auditRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, config }) => {
  app.get(
    '/api/operations/:operationId/audit',
    {
      schema: {
        operationId: 'listAuditEvents',
        summary: "The operation's audit trail in chain order, as JSON or as a CSV download (audited itself)",
        params: operationParamsSchema,
        querystring: z.object({ format: z.enum(['json', 'csv']).default('json') }),
        response: errorResponses(...authorizeErrors),
        tags: ['audit'],
      },
      config: {
        openapi: {
          responses: {
            200: {
              description: 'The rows: JSON with `format=json`, a CSV attachment (UTF-8 with BOM) with `format=csv`',
              content: { 'application/json': z.array(auditRowSchema), 'text/csv': binary },
            },
          },
        },
      },
    },
    async (request, typedReply) => {
      // the answers (JSON rows, CSV text) are documented in config, not checked by a response schema
      const reply = typedReply as FastifyReply;
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'audit.read');
      const rows = await listAuditRows(db, operation.id);
      await recordAudit(db, actorOf(request), {
        operationId: operation.id,
        action: request.query.format === 'csv' ? 'audit.exported' : 'audit.read',
        details: { rows: rows.length },
      });
      const plain = rows.map((r) => ({ ...r, at: r.at.toISOString(), details: JSON.stringify(r.details) }));
      if (request.query.format === 'json') return reply.send(plain);
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
        operationId: 'verifyAuditTrail',
        summary:
          "Re-compute the operation's audit log (every leaf, subtree and signed head), check it extends a given head, prove an entry's inclusion",
        params: operationParamsSchema,
        querystring: auditVerifyQuerySchema,
        response: { 200: auditVerdictSchema, ...errorResponses(...authorizeErrors, 'audit.entry_not_found') },
        tags: ['audit'],
      },
    },
    async (request) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'audit.read');
      return verifyAuditLog(db, operation.id, {
        anchor: request.query.head,
        entryId: request.query.entry,
        signer: headSigner(config.dataDir),
      });
    },
  );
};
