import { operationParamsSchema, packageParamsSchema, reportQuerySchema, reportSchema } from '@actionday/shared';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { binary, errorResponses } from '../../http/openapi.js';
import { recordAudit } from '../audit/index.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import { buildCountryPackage, packageCountries } from './reports.packages.js';
import { generateReport, slug } from './reports.service.js';

/** Reports carry personal data (full versions) or numbers under embargo: never cached, never framed. */
function downloadHeaders(reply: FastifyReply, contentType: string, fileName: string, inline: boolean): void {
  reply
    .header('content-type', contentType)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${fileName}"`)
    .header('cache-control', 'no-store')
    .header('x-content-type-options', 'nosniff');
}

/** The after-action report in four formats, and the per-country follow-up packages. */
export const reportRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  app.get(
    '/api/operations/:operationId/report',
    {
      schema: {
        operationId: 'getReport',
        params: operationParamsSchema,
        querystring: reportQuerySchema,
        response: {
          200: reportSchema,
          ...errorResponses(...authorizeErrors, 'reports.unknown_table', 'reports.pdf_unavailable'),
        },
        tags: ['reports'],
        summary: 'The after-action report as JSON, CSV, HTML or PDF',
        description: [
          'The report of an operation: frozen figures once it is closed, otherwise a recount marked `provisional`.',
          '`format=json` answers the schema below. `format=csv` answers a zip with one CSV file per table (RFC 4180, UTF-8 with BOM) and the statement;',
          'add `table=<name>` for one table as `text/csv`. `format=html` is a printable, self-contained page; `format=pdf` is that page printed by',
          'headless Chromium (503 `reports.pdf_unavailable` where the server has none). `lang` picks the language of HTML, PDF and CSV names;',
          'the JSON holds the statement in every language. Observers always get the public version (aggregates only, small counts suppressed);',
          'others may ask for it with `audience=public`. Every generation is audited (`report.generated`).',
        ].join(' '),
      },
      config: {
        openapi: {
          responses: {
            200: {
              description: 'The report in the asked format (JSON below; the others as attachments, HTML inline)',
              content: {
                'application/zip': binary,
                'text/csv': binary,
                'text/html': binary,
                'application/pdf': binary,
              },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { operation, membership, viewer } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'report.read',
      );
      const query = request.query;
      const audience = membership.role === 'observer' ? 'public' : (query.audience ?? 'full');
      const output = await generateReport(db, operation, {
        format: query.format,
        audience,
        lang: query.lang,
        table: query.table,
        viewer,
        now: deps.now(),
      });
      await recordAudit(db, actorOf(request), {
        operationId: operation.id,
        action: 'report.generated',
        targetType: 'operation',
        targetId: operation.id,
        details: {
          format: query.format,
          audience,
          lang: query.lang,
          ...(query.format === 'csv' ? { table: query.table ?? 'all' } : {}),
          provisional: output.report.provisional,
        },
      });
      if (query.format === 'json') {
        reply.header('cache-control', 'no-store');
        return output.report;
      }
      downloadHeaders(reply, output.contentType, output.fileName, query.format === 'html');
      if (query.format === 'html')
        reply.header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        );
      // the other formats bypass the JSON schema: bytes or text with their own content type
      return (reply as FastifyReply).send(output.body);
    },
  );

  app.get(
    '/api/operations/:operationId/packages/:country',
    {
      schema: {
        operationId: 'getCountryPackage',
        params: packageParamsSchema,
        response: errorResponses(...authorizeErrors, 'reports.unknown_country'),
        tags: ['reports'],
        summary: "A country's follow-up package (zip)",
        description:
          "Coordinators only. A zip with the leads of one participating country and every finding it may see under the handling codes (victims pseudonymised), and `manifest.json` listing each file's SHA-256 (schema `PackageManifest`). Audited as `package.generated`.",
      },
      config: {
        openapi: {
          responses: {
            200: {
              description: "The country's package, as an attachment",
              content: { 'application/zip': binary },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'report.packages');
      const country = request.params.country.toUpperCase();
      if (!(await packageCountries(db, operation.id)).includes(country))
        fail('reports.unknown_country', { params: { country } });
      const built = await buildCountryPackage(db, operation, country, deps.now(), deps.config.dataDir);
      await recordAudit(db, actorOf(request), {
        operationId: operation.id,
        action: 'package.generated',
        targetType: 'operation',
        targetId: operation.id,
        details: {
          country,
          format: 'zip',
          audience: `investigator:${country}`,
          files: built.manifest.files.length,
          ...built.counts,
        },
      });
      downloadHeaders(reply, 'application/zip', `${slug(operation.name)}-package-${country}.zip`, false);
      // the zip bypasses the route's (error-only) response schemas
      return (reply as FastifyReply).send(built.zip);
    },
  );
};
