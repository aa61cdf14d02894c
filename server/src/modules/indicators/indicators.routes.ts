import { extractFromText, extractionSchema, findIndicators, operationParamsSchema } from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { errorResponses } from '../../http/openapi.js';
import { assertNotClosed, authorize, authorizeErrors } from '../operations/index.js';
import { platformInOperation } from '../platforms/index.js';
import { listIndicators, replaceIndicators } from './indicators.service.js';

const indicatorSchema = z.object({
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/),
  phrase: z.string().trim().min(2).max(200),
});

/** Indicator lists and the extraction of identifiers from pasted text. */
export const indicatorRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/operations/:operationId/indicators',
    {
      schema: {
        operationId: 'listIndicators',
        summary: "The operation's indicator phrases (such as “available 24/7”), per language",
        params: operationParamsSchema,
        response: { 200: z.array(indicatorSchema), ...errorResponses(...authorizeErrors) },
        tags: ['findings'],
      },
    },
    async (request) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'finding.read');
      return listIndicators(db, operation.id);
    },
  );

  app.put(
    '/api/operations/:operationId/indicators',
    {
      schema: {
        operationId: 'replaceIndicators',
        summary: "Replace the operation's indicator phrases (coordinators)",
        params: operationParamsSchema,
        body: z.array(indicatorSchema).max(1000),
        response: { 200: z.array(indicatorSchema), ...errorResponses(...authorizeErrors, 'operations.closed') },
        tags: ['findings'],
      },
    },
    async (request) => {
      const { operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'operation.manage',
      );
      assertNotClosed(operation);
      return replaceIndicators(db, actorOf(request), operation.id, request.body);
    },
  );

  app.post(
    '/api/operations/:operationId/extract',
    {
      schema: {
        operationId: 'extractIdentifiers',
        summary: 'Find identifiers (normalised) and indicator phrases in pasted text; nothing is stored',
        params: operationParamsSchema,
        body: z.object({ text: z.string().max(100_000), platformId: z.uuid().optional() }),
        response: {
          ...errorResponses(...authorizeErrors, 'findings.platform_mismatch'),
          200: extractionSchema.extend({
            indicators: z.array(z.object({ phrase: z.string(), language: z.string(), start: z.int(), end: z.int() })),
          }),
        },
        tags: ['findings'],
      },
    },
    async (request) => {
      const { membership, operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'finding.create',
      );
      const platform = request.body.platformId
        ? await platformInOperation(db, operation.id, request.body.platformId)
        : null;
      // read as findings are: the platform's country focus, the ad's language or script, the investigator's own country
      const found = extractFromText(request.body.text, {
        platformRegion: platform?.countryFocus ?? null,
        language: platform?.languages ?? null,
        ownRegion: membership.country,
        platformHost: platform?.url ?? null,
      });
      return { ...found, indicators: findIndicators(request.body.text, await listIndicators(db, operation.id)) };
    },
  );
};
