import {
  IdentifierError,
  defaultIndicators,
  extractIdentifiers,
  findIndicators,
  normalizeIdentifier,
  operationParamsSchema,
  platformHostOf,
} from '@actionday/shared';
import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { authorize } from '../operations/memberships.js';
import { platforms } from '../platforms/platforms.table.js';
import { indicators } from './indicators.table.js';

const indicatorSchema = z.object({
  language: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z]{2,3}$/),
  phrase: z.string().trim().min(2).max(200),
});

/** The operation's indicator phrases. */
export async function listIndicators(db: Db, operationId: string) {
  return db
    .select({ language: indicators.language, phrase: indicators.phrase })
    .from(indicators)
    .where(eq(indicators.operationId, operationId))
    .orderBy(indicators.language, indicators.phrase);
}

/** Gives a new operation the default indicator list. */
export async function seedIndicators(db: Db, operationId: string): Promise<void> {
  await db
    .insert(indicators)
    .values(defaultIndicators.map((i) => ({ ...i, operationId })))
    .onConflictDoNothing();
}

/** Indicator lists and the extraction of identifiers from pasted text. */
export const indicatorRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/operations/:operationId/indicators',
    { schema: { params: operationParamsSchema, response: { 200: z.array(indicatorSchema) }, tags: ['findings'] } },
    async (request) => {
      await authorize(db, requireUser(request).id, request.params.operationId, 'finding.read');
      return listIndicators(db, request.params.operationId);
    },
  );

  app.put(
    '/api/operations/:operationId/indicators',
    {
      schema: {
        params: operationParamsSchema,
        body: z.array(indicatorSchema).max(1000),
        response: { 200: z.array(indicatorSchema) },
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
      await db.transaction(async (tx) => {
        await tx.delete(indicators).where(eq(indicators.operationId, operation.id));
        if (request.body.length > 0)
          await tx
            .insert(indicators)
            .values(request.body.map((i) => ({ ...i, operationId: operation.id })))
            .onConflictDoNothing();
        await recordAudit(tx, actorOf(request), {
          operationId: operation.id,
          action: 'indicators.replaced',
          details: { count: request.body.length },
        });
      });
      return listIndicators(db, operation.id);
    },
  );

  app.post(
    '/api/operations/:operationId/extract',
    {
      schema: {
        params: operationParamsSchema,
        body: z.object({ text: z.string().max(100_000), platformId: z.uuid().optional() }),
        response: {
          200: z.object({
            identifiers: z.array(
              z.object({
                identifierKind: z.string(),
                value: z.string(),
                normalizedValue: z.string().nullable(),
                problem: z.string().nullable(),
              }),
            ),
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
      let region = membership.country;
      let platformHost: string | undefined;
      if (request.body.platformId) {
        const [platform] = await db.select().from(platforms).where(eq(platforms.id, request.body.platformId));
        if (!platform || platform.operationId !== operation.id)
          fail('findings.platform_mismatch', 'That platform is not part of this operation');
        region = platform.countryFocus ?? region;
        platformHost = platformHostOf(platform.url);
      }
      const found = extractIdentifiers(request.body.text, region).map((item) => {
        try {
          return {
            ...item,
            normalizedValue: normalizeIdentifier(item.identifierKind, item.value, { region, platformHost }),
            problem: null,
          };
        } catch (error) {
          if (!(error instanceof IdentifierError)) throw error;
          return { ...item, normalizedValue: null, problem: error.message };
        }
      });
      return {
        identifiers: found,
        indicators: findIndicators(request.body.text, await listIndicators(db, operation.id)),
      };
    },
  );
};
