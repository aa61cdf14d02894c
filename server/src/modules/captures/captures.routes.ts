import {
  captureListQuerySchema,
  captureParamsSchema,
  captureSchema,
  createCaptureSchema,
  operationParamsSchema,
} from '@actionday/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chromiumPath } from '../../browser/chromium.js';
import type { Deps } from '../../deps.js';
import { actorOf, requireUser } from '../../http/context.js';
import { fail } from '../../http/errors.js';
import { errorResponses } from '../../http/openapi.js';
import { recordAudit } from '../audit/index.js';
import { authorize, authorizeErrors } from '../operations/index.js';
import type { FetchPolicy } from './captures.guard.js';
import type { CaptureQueue } from './captures.queue.js';
import { getCaptureRow, listCaptures, requestCapture, toCapture, visibleCaptures } from './captures.service.js';

/** What the capture routes get besides the usual dependencies. */
export interface CaptureRouteDeps extends Deps {
  captureQueue: CaptureQueue;
  capturePolicy: FetchPolicy;
}

/** Ask for a server-side capture (queued, answered at once), list captures, read one. */
export const captureRoutes: FastifyPluginAsyncZod<CaptureRouteDeps> = async (app, deps) => {
  const { db } = deps;

  app.post(
    '/api/operations/:operationId/captures',
    {
      schema: {
        operationId: 'requestCapture',
        summary:
          'Capture a page on the server (screenshot, WACZ archive, text, manifest with SHA-256s): queued, answered at once',
        params: operationParamsSchema,
        body: createCaptureSchema,
        response: {
          202: z.object({ id: z.uuid(), status: z.literal('queued') }),
          ...errorResponses(
            ...authorizeErrors,
            'operations.closed',
            'captures.unavailable',
            'captures.bad_url',
            'captures.address_refused',
            'captures.needs_proxy',
            'findings.platform_mismatch',
            'findings.bad_link',
          ),
        },
        tags: ['captures'],
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const access = await authorize(db, user.id, request.params.operationId, 'capture.create');
      if (!chromiumPath()) fail('captures.unavailable');
      const row = await requestCapture(
        { db, now: deps.now, policy: deps.capturePolicy },
        { ...actorOf(request), userId: user.id },
        access,
        request.body,
      );
      await deps.captureQueue.publish('capture.queued', row);
      deps.captureQueue.kick();
      return reply.code(202).send({ id: row.id, status: 'queued' as const });
    },
  );

  app.get(
    '/api/operations/:operationId/captures',
    {
      schema: {
        operationId: 'listCaptures',
        summary: 'The captures the caller may see, newest first, optionally of one platform',
        params: operationParamsSchema,
        querystring: captureListQuerySchema,
        response: { 200: z.array(captureSchema), ...errorResponses(...authorizeErrors) },
        tags: ['captures'],
      },
    },
    async (request) => {
      const { viewer, operation } = await authorize(
        db,
        requireUser(request).id,
        request.params.operationId,
        'evidence.read',
      );
      const list = await listCaptures(db, viewer, operation.id, request.query.platformId);
      await recordAudit(db, actorOf(request), {
        operationId: operation.id,
        action: 'capture.list_read',
        details: { platformId: request.query.platformId ?? null, count: list.length },
      });
      return list;
    },
  );

  app.get(
    '/api/captures/:captureId',
    {
      schema: {
        operationId: 'getCapture',
        summary: 'One capture: its status, files with their SHA-256, final URL, HTTP status, capture time, failure',
        params: captureParamsSchema,
        response: { 200: captureSchema, ...errorResponses('captures.not_found', ...authorizeErrors) },
        tags: ['captures'],
      },
    },
    async (request) => {
      const row = await getCaptureRow(db, request.params.captureId);
      const { viewer } = await authorize(db, requireUser(request).id, row.operationId, 'evidence.read');
      if ((await visibleCaptures(db, [row], viewer)).length === 0) fail('captures.not_found');
      return toCapture(row);
    },
  );
};
