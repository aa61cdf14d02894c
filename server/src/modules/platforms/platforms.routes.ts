import {
  assignBodySchema,
  createPlatformsBodySchema,
  importQuerySchema,
  importResultSchema,
  operationParamsSchema,
  platformParamsSchema,
  platformSchema,
  platformSummarySchema,
  verdictBodySchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { binary, errorResponses } from '../../http/openapi.js';
import { assertNotClosed, authorize, authorizeErrors, authorizeRecord, participantOf } from '../operations/index.js';
import {
  assignPlatform,
  claimPlatform,
  heartbeat,
  recordVerdict,
  releasePlatform,
  reopenPlatform,
} from './platforms.claims.js';
import { importPlatforms, readImportFile } from './platforms.import.js';
import { countByCategory } from './platforms.stats.js';
import { createPlatforms, getPlatformRow, listPlatforms, platformRecord } from './platforms.service.js';

/** What `platformContext` answers: the platform, the operation's door, the frozen board. */
const platformErrors = ['platforms.not_found', ...authorizeErrors, 'operations.closed'] as const;

/** A change of one platform's place on the board, answering the platform. */
const platformChange = (operationId: string, summary: string, ...codes: Parameters<typeof errorResponses>) => ({
  operationId,
  summary,
  params: platformParamsSchema,
  response: { 200: platformSchema, ...errorResponses(...platformErrors, ...codes) },
  tags: ['platforms'],
});

/** The platform board's HTTP routes. */
export const platformRoutes: FastifyPluginAsyncZod<Deps> = async (app, deps) => {
  const { db } = deps;

  /** Loads the platform and the caller's membership in its operation, checked against the table. */
  async function platformContext(userId: string, platformId: string, action: Parameters<typeof authorize>[3]) {
    const platform = await getPlatformRow(db, platformId);
    const context = await authorize(db, userId, platform.operationId, action);
    // the board is frozen with the figures once the day is closed
    assertNotClosed(context.operation);
    return { platform, ...context };
  }

  /** Access for a claim or a verdict in one query, without loading the platform (their one statement reads and changes it). */
  async function claimContext(userId: string, platformId: string) {
    const context = await authorizeRecord(
      db,
      userId,
      platformRecord,
      platformId,
      'platform.claim',
      'platforms.not_found',
    );
    assertNotClosed(context.operation);
    return context;
  }

  app.post(
    '/api/operations/:operationId/platforms',
    {
      schema: {
        operationId: 'createPlatforms',
        summary: 'Add one platform, or several at once (all or none); investigators add only discovered ones',
        params: operationParamsSchema,
        body: createPlatformsBodySchema,
        response: {
          201: z.union([platformSchema, z.array(platformSchema)]),
          ...errorResponses(
            ...authorizeErrors,
            'operations.closed',
            'platforms.discovered_only',
            'operations.unknown_tag',
            'platforms.duplicate',
          ),
        },
        tags: ['platforms'],
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const context = await authorize(db, user.id, request.params.operationId, 'platform.create_discovered');
      const body = request.body;
      const created = await createPlatforms(deps, actorOf(request), context, Array.isArray(body) ? body : [body]);
      return reply.code(201).send(Array.isArray(body) ? created : (created[0] as (typeof created)[number]));
    },
  );

  app.post(
    '/api/operations/:operationId/platforms/import',
    {
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        operationId: 'importPlatforms',
        summary: 'Import a target list (CSV or JSON): every row checked, valid rows written together unless a dry run',
        params: operationParamsSchema,
        querystring: importQuerySchema,
        response: {
          200: importResultSchema,
          ...errorResponses(
            ...authorizeErrors,
            'operations.closed',
            'platforms.import_format',
            'platforms.import_header',
            'platforms.import_too_large',
          ),
        },
        tags: ['platforms'],
      },
      config: {
        openapi: {
          requestBody: {
            description:
              'A CSV file with a header row (name, url; optional category, tags, languages, countryFocus, priority; lists separated by ; | or ,), or a JSON array of platforms (or `{ platforms: [...] }`). At most 5,000 rows, 5 MB.',
            content: {
              'text/csv': binary,
              'text/plain': binary,
              'application/json': z.union([
                z.array(z.record(z.string(), z.unknown())),
                z.object({ platforms: z.array(z.record(z.string(), z.unknown())) }),
              ]),
            },
          },
        },
      },
    },
    async (request) => {
      const user = requireUser(request);
      const context = await authorize(db, user.id, request.params.operationId, 'platform.import');
      const rows = readImportFile(request.body, request.headers['content-type']);
      return importPlatforms(deps, actorOf(request), context, rows, request.query.dryRun);
    },
  );

  app.get(
    '/api/operations/:operationId/platforms',
    {
      schema: {
        operationId: 'listPlatforms',
        summary: "The operation's platforms in the order of next best (not for observers: they get the summary)",
        params: operationParamsSchema,
        response: { 200: z.array(platformSchema), ...errorResponses(...authorizeErrors) },
        tags: ['platforms'],
      },
    },
    async (request) => {
      const user = requireUser(request);
      await authorize(db, user.id, request.params.operationId, 'platform.read');
      return listPlatforms(db, request.params.operationId);
    },
  );

  app.get(
    '/api/operations/:operationId/platforms/summary',
    {
      schema: {
        operationId: 'summarizePlatforms',
        summary: 'The board as counts by category and verdict, no platform named (what observers see of it)',
        params: operationParamsSchema,
        response: { 200: platformSummarySchema, ...errorResponses(...authorizeErrors) },
        tags: ['platforms'],
      },
    },
    async (request) => {
      const { operation } = await authorize(db, requireUser(request).id, request.params.operationId, 'operation.read');
      return { categories: await countByCategory(db, operation.id) };
    },
  );

  const claim = platformChange(
    'claimPlatform',
    'Claim an unchecked platform so nobody else checks it (exactly one of concurrent claimants wins)',
    'platforms.claim_limit',
    'platforms.already_claimed',
  );
  app.post('/api/platforms/:platformId/claim', { schema: claim }, async (request) => {
    const user = requireUser(request);
    const { membership, operation } = await claimContext(user.id, request.params.platformId);
    const claimant = participantOf(membership, user.name);
    return claimPlatform(deps, actorOf(request), membership, claimant, operation.claimLimit, request.params.platformId);
  });

  const release = platformChange(
    'releasePlatform',
    'Give a claim back to the pool (its holder, or a coordinator)',
    'platforms.not_claimed',
    'platforms.not_holder',
  );
  app.post('/api/platforms/:platformId/release', { schema: release }, async (request) => {
    const { platform, membership } = await platformContext(
      requireUser(request).id,
      request.params.platformId,
      'platform.claim',
    );
    return releasePlatform(deps, actorOf(request), membership, platform.id);
  });

  app.post(
    '/api/platforms/:platformId/heartbeat',
    {
      schema: {
        operationId: 'sendClaimHeartbeat',
        summary: "The holder's sign of life that keeps a claim from expiring",
        params: platformParamsSchema,
        response: {
          200: z.object({ lastActivityAt: z.string() }),
          ...errorResponses(...platformErrors, 'platforms.not_holder'),
        },
        tags: ['platforms'],
      },
    },
    async (request) => {
      const { platform, membership } = await platformContext(
        requireUser(request).id,
        request.params.platformId,
        'platform.claim',
      );
      return heartbeat(deps, membership, platform.id);
    },
  );

  app.post(
    '/api/platforms/:platformId/verdict',
    {
      schema: {
        ...platformChange(
          'recordVerdict',
          'Record the verdict on a claimed platform: it is checked',
          'platforms.not_claimed',
          'platforms.not_holder',
        ),
        body: verdictBodySchema,
      },
    },
    async (request) => {
      const { membership } = await claimContext(requireUser(request).id, request.params.platformId);
      return recordVerdict(deps, actorOf(request), membership, request.params.platformId, request.body);
    },
  );

  const reopen = platformChange(
    'reopenPlatform',
    'Send a checked platform back to the pool, clearing its verdict (coordinators)',
    'platforms.not_checked',
  );
  app.post('/api/platforms/:platformId/reopen', { schema: reopen }, async (request) => {
    const { platform } = await platformContext(requireUser(request).id, request.params.platformId, 'platform.reopen');
    return reopenPlatform(deps, actorOf(request), platform.id);
  });

  app.post(
    '/api/platforms/:platformId/assign',
    {
      schema: {
        ...platformChange(
          'assignPlatform',
          'Give an unchecked or claimed platform to a participant (coordinators)',
          'operations.member_not_found',
          'platforms.cannot_hold',
          'platforms.claim_limit',
          'platforms.already_checked',
        ),
        body: assignBodySchema,
      },
    },
    async (request) => {
      const { platform, operation } = await platformContext(
        requireUser(request).id,
        request.params.platformId,
        'platform.manage_claims',
      );
      return assignPlatform(deps, actorOf(request), platform, request.body.participantId, operation.claimLimit);
    },
  );
};
