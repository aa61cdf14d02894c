import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ping } from '../../db/database.js';
import type { Deps } from '../../deps.js';

/** Liveness and database reachability. */
export const healthRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/health',
    { schema: { response: { 200: z.object({ ok: z.literal(true) }) }, tags: ['health'] } },
    async () => {
      await ping(db);
      return { ok: true as const };
    },
  );
};
