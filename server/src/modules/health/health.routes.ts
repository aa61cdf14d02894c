import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { errorResponses } from '../../http/openapi.js';

/** Liveness and database reachability. */
export const healthRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/health',
    {
      schema: {
        operationId: 'getHealth',
        summary: 'Whether the server and its database answer',
        security: [],
        response: { 200: z.object({ ok: z.literal(true) }), ...errorResponses() },
        tags: ['health'],
      },
    },
    async () => {
      await ping(db);
      return { ok: true as const };
    },
  );
};
