import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Deps } from '../../deps.js';

/** Liveness and database reachability. */
export const healthRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db }) => {
  app.get(
    '/api/health',
    { schema: { response: { 200: z.object({ ok: z.literal(true) }) }, tags: ['health'] } },
    async () => {
      await db.execute(sql`select 1`);
      return { ok: true as const };
    },
  );
};
