import { createReadStream } from 'node:fs';
import {
  EVIDENCE_MAX_BYTES,
  can,
  evidenceFieldsSchema,
  evidenceMimeTypes,
  evidenceParamsSchema,
  evidenceSchema,
  operationParamsSchema,
} from '@actionday/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { binary, errorResponses } from '../../http/openapi.js';
import { recordAudit } from '../audit/index.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import {
  type Upload,
  discardStaged,
  getEvidenceRow,
  linkedFindings,
  recordCheck,
  listEvidence,
  saveEvidence,
  stageFile,
  verifiedEvidencePath,
  visibleEvidence,
} from './evidence.service.js';

/** Every accepted type, each answered as the bytes that were captured. */
const capturedFile = Object.fromEntries(evidenceMimeTypes.map((type) => [type, binary]));

/** Evidence upload (multipart) and download (hash re-verified). */
export const evidenceRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.post(
    '/api/operations/:operationId/evidence',
    {
      schema: {
        operationId: 'uploadEvidence',
        summary: 'Upload a captured file with what it documents: streamed, hashed (SHA-256) and sealed',
        params: operationParamsSchema,
        response: {
          201: evidenceSchema,
          ...errorResponses(
            ...authorizeErrors,
            'evidence.not_multipart',
            'operations.closed',
            'evidence.missing_file',
            'evidence.one_file',
            'evidence.bad_type',
            'evidence.too_large',
            'evidence.empty_file',
            'evidence.content_mismatch',
            'findings.platform_mismatch',
            'findings.bad_link',
          ),
        },
        tags: ['evidence'],
      },
      config: {
        openapi: {
          requestBody: {
            description: `The text fields first, then one \`file\` part (at most ${EVIDENCE_MAX_BYTES / 1024 / 1024} MB, of the types ${evidenceMimeTypes.join(', ')}; its content must match its declared type).`,
            content: { 'multipart/form-data': evidenceFieldsSchema.extend({ file: binary }) },
          },
        },
      },
    },
    async (request, reply) => {
      const context = await authorize(db, requireUser(request).id, request.params.operationId, 'evidence.create');
      if (!request.isMultipart()) fail('evidence.not_multipart');
      // Every part is read before anything is checked or stored: a refused upload (a second file, too many
      // fields, a cut-off body) leaves nothing behind, so its retry cannot store anything twice.
      const upload: Upload = { fields: {}, file: null };
      let files = 0;
      try {
        for await (const part of request.parts({
          limits: { fileSize: EVIDENCE_MAX_BYTES, files: 2, fields: 10, fieldSize: 64 * 1024 },
        })) {
          if (part.type === 'field') {
            upload.fields[part.fieldname] = String(part.value);
            continue;
          }
          files += 1;
          if (files > 1 || upload.file) {
            part.file.resume();
            continue;
          }
          upload.file = await stageFile(deps.config.dataDir, {
            stream: part.file,
            fileName: part.filename,
            mimeType: part.mimetype,
            truncated: () => part.file.truncated,
          });
        }
      } catch (error) {
        await discardStaged(upload.file);
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          fail('evidence.too_large', { params: { mb: EVIDENCE_MAX_BYTES / 1024 / 1024 } });
        throw error;
      }
      if (files > 1) {
        await discardStaged(upload.file);
        fail('evidence.one_file', { params: { count: files } });
      }
      const saved = await saveEvidence(
        { db, now: deps.now, dataDir: deps.config.dataDir },
        actorOf(request),
        context,
        upload,
      );
      const linked = saved.findingId
        ? ((await linkedFindings(db, [{ findingId: saved.findingId }])).get(saved.findingId) ?? null)
        : null;
      deps.bus.publish('evidence.uploaded', {
        operationId: saved.operationId,
        evidenceId: saved.id,
        platformId: saved.platformId,
        country: saved.country,
        handling: saved.handling,
        capturedBy: saved.capturedBy,
        linked,
      });
      return reply.code(201).send(saved);
    },
  );

  app.get(
    '/api/operations/:operationId/evidence',
    {
      schema: {
        operationId: 'listEvidence',
        summary: 'The evidence the caller may see, newest first, optionally of one platform',
        params: operationParamsSchema,
        querystring: z.object({ platformId: z.uuid().optional() }),
        response: { 200: z.array(evidenceSchema), ...errorResponses(...authorizeErrors) },
        tags: ['evidence'],
      },
    },
    async (request) => {
      const { viewer, operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'evidence.read',
      );
      const list = await listEvidence(db, viewer, operation.id, request.query.platformId);
      await recordAudit(db, actorOf(request), {
        operationId: operation.id,
        action: 'evidence.list_read',
        details: { platformId: request.query.platformId ?? null, count: list.length },
      });
      return list;
    },
  );

  app.get(
    '/api/evidence/:evidenceId/file',
    {
      schema: {
        operationId: 'downloadEvidence',
        summary: 'The captured file, after its SHA-256 was checked again (the download is audited)',
        params: evidenceParamsSchema,
        response: errorResponses('evidence.not_found', ...authorizeErrors, 'evidence.integrity_failed'),
        tags: ['evidence'],
      },
      config: {
        openapi: {
          responses: {
            200: {
              description: 'The file as captured, with the media type recorded at upload, as an attachment',
              headers: {
                'x-evidence-sha256': 'The SHA-256 recorded at upload, which the file was checked against',
                'content-disposition': 'attachment; filename="…"',
              },
              content: capturedFile,
            },
          },
        },
      },
    },
    async (request, reply) => {
      const row = await getEvidenceRow(db, request.params.evidenceId);
      // a file the caller may not know of answers as one that does not exist, before any permission is checked
      const { viewer, membership } = await authorize(db, requireUser(request).id, row.operationId, 'operation.read');
      if (row.deletedAt || (await visibleEvidence(db, [row], viewer)).length === 0) fail('evidence.not_found');
      if (!can(membership.role, 'evidence.read')) fail('auth.forbidden', { params: { role: membership.role } });
      let path: string;
      try {
        path = await verifiedEvidencePath(deps.config.dataDir, row);
      } catch (error) {
        // flagged in lists and in the audit trail (once), then answered 409
        await recordCheck(db, row, false, deps.now(), actorOf(request));
        throw error;
      }
      await recordCheck(db, row, true, deps.now(), actorOf(request));
      await recordAudit(db, actorOf(request), {
        operationId: row.operationId,
        action: 'evidence.downloaded',
        targetType: 'evidence',
        targetId: row.id,
      });
      // the bytes bypass the route's (error-only) response schemas
      return (reply as FastifyReply)
        .header('content-type', row.mimeType)
        .header('content-disposition', `attachment; filename="${row.fileName.replace(/[^\w.-]+/g, '_')}"`)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "sandbox; default-src 'none'")
        .header('x-evidence-sha256', row.sha256)
        .send(createReadStream(path));
    },
  );
};
