import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationStatus, ping } from '../../db/database.js';
import type { Deps } from '../../deps.js';
import { fail } from '../../http/errors.js';
import { errorResponses } from '../../http/openapi.js';

const checkSchema = z.object({ ok: z.boolean(), problem: z.string().optional() });
const readySchema = z.object({
  ok: z.literal(true),
  checks: z.object({ database: checkSchema, migrations: checkSchema, evidence: checkSchema }),
});
type Check = z.infer<typeof checkSchema>;

/** Runs one readiness check: a thrown error is its problem, in words. */
async function check(work: () => Promise<string | null>): Promise<Check> {
  try {
    const problem = await work();
    return problem ? { ok: false, problem } : { ok: true };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Liveness (`/api/health`) and readiness (`/api/ready`: database, migrations, evidence folder). */
export const healthRoutes: FastifyPluginAsyncZod<Deps> = async (app, { db, config }) => {
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

  app.get(
    '/api/ready',
    {
      schema: {
        operationId: 'getReadiness',
        summary: 'Whether the server can serve: database reachable, every migration applied, evidence folder writable',
        description:
          'For load balancers and orchestrators. 503 `server.not_ready` names each failing check in `details.params.problems`.',
        security: [],
        response: { 200: readySchema, ...errorResponses('server.not_ready') },
        tags: ['health'],
      },
    },
    async () => {
      const database = await check(async () => {
        await ping(db);
        return null;
      });
      const migrations = database.ok
        ? await check(async () => {
            const status = await migrationStatus(db);
            if (status.newer) return 'the database was migrated by a newer version';
            return status.pending > 0 ? `${status.pending} migrations not applied` : null;
          })
        : { ok: false, problem: 'database unreachable' };
      const evidence = await check(async () => {
        // the folder uploads are written to: a file must be creatable there
        const dir = join(config.dataDir, 'evidence', 'tmp');
        await mkdir(dir, { recursive: true });
        const probe = join(dir, `ready-${randomUUID()}`);
        await writeFile(probe, '');
        await rm(probe, { force: true });
        return null;
      });
      const checks = { database, migrations, evidence };
      const failing = Object.entries(checks).filter(([, c]) => !c.ok);
      if (failing.length === 0) return { ok: true as const, checks };
      const problems = failing.map(([name, c]) => `${name}: ${c.problem ?? 'failed'}`).join('; ');
      fail('server.not_ready', { params: { problems } });
    },
  );
};
