import type { Platform } from '@actionday/shared';
import { addPlatforms, createOperation, inviteParticipants, setPhase, signIn, spread } from '../clients/accounts.js';
import { ApiClient } from '../clients/http.js';
import type { BenchName } from '../lib/args.js';
import { type DataTarget, freshTarget } from '../lib/databases.js';
import { databaseOf } from '../lib/pg-waits.js';
import { type Row, count, ms } from '../lib/results.js';
import { type ServerProcess, benchAdmin, freePort, startAppServer, startNodeServer } from '../lib/server-process.js';
import { epochMs } from '../lib/time.js';
import { WorkerPool } from '../lib/workers.js';
import { type SuiteContext, sizesFor } from './context.js';
import { type SideResult, driveSide } from './screens-drive.js';
import { screensRows } from './screens-rows.js';

/** The app side: an operation with platforms and participants; screens are participants' boards. */
async function appSide(
  ctx: SuiteContext,
  wanted: Set<BenchName>,
  pool: WorkerPool,
  target: DataTarget,
): Promise<{
  side: SideResult;
  stop: { ms: number; code: number | null } | null;
  sample: unknown;
  server: ServerProcess;
}> {
  const sizes = sizesFor(ctx.options.quick).screens;
  const server = await startAppServer(target);
  const admin = await signIn(server.url, benchAdmin.email, benchAdmin.password);
  const operation = await createOperation(admin);
  await setPhase(admin, operation.id, 'live');
  const platforms = await addPlatforms(admin, operation.id, sizes.platforms);
  const accounts = await inviteParticipants(admin, operation.id, spread('investigator', sizes.accounts));
  const claimers = accounts.map((a) => new ApiClient(server.url, a.cookie));
  let sample: unknown = null;
  let nextPlatform = 0;
  const claimNext = async (by: number) => {
    const platform = platforms[nextPlatform++] as Platform;
    const claimer = claimers[by % claimers.length] as ApiClient;
    const answer = await claimer.send<Platform>('POST', `/api/platforms/${platform.id}/claim`, undefined, {
      timeoutMs: 30_000,
    });
    if (answer.status !== 200) throw new Error(`claim answered ${answer.status} ${answer.errorCode ?? ''}`);
    sample ??= {
      platform: answer.body,
      claimant: {
        id: accounts[0]?.memberId,
        name: 'Investigator NL 0',
        role: 'investigator',
        country: 'NL',
        agency: 'NL Police',
      },
    };
    return { id: platform.id, ms: answer.ms };
  };
  const cookies = Array.from({ length: sizes.screens }, (_, i) => accounts[i % accounts.length]?.cookie ?? null);
  const side = await driveSide(
    ctx,
    wanted,
    pool,
    server,
    { cookies, operationId: operation.id },
    {
      change: (index) => claimNext(index),
      missedChange: () => {
        const platform = platforms[nextPlatform] as Platform;
        return {
          expect: { platformId: platform.id, version: null },
          make: async () => void (await claimNext(nextPlatform)),
        };
      },
    },
    target.databaseUrl ? databaseOf(target.databaseUrl) : null,
  );
  let stop: { ms: number; code: number | null } | null = null;
  if (wanted.has('stop')) {
    const stopped = await server.stop();
    stop = { ms: stopped.ms, code: stopped.code };
    ctx.log(`    graceful stop with ${count(sizes.screens)} clients: ${ms(stopped.ms)} (exit ${stopped.code})`);
  }
  for (const claimer of claimers) claimer.close();
  admin.close();
  return { side, stop, sample, server };
}

/** The bare side: the same screens on a bare socket.io server, changes sent with one `io.emit`. */
async function bareSide(
  ctx: SuiteContext,
  wanted: Set<BenchName>,
  pool: WorkerPool,
  sample: unknown,
): Promise<SideResult> {
  const sizes = sizesFor(ctx.options.quick).screens;
  const port = await freePort();
  const server = await startNodeServer({
    name: 'bare socket.io',
    script: 'tests/bench/baselines/bare-socketio.ts',
    env: { PORT: String(port) },
    port,
    readyPath: '/health',
  });
  const post = async (path: string, body: unknown) => {
    const started = epochMs();
    const answer = await fetch(`${server.url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    const json = (await answer.json()) as { version?: number };
    return { ms: epochMs() - started, version: json.version ?? 0 };
  };
  let version = 0;
  try {
    return await driveSide(
      ctx,
      wanted,
      pool,
      server,
      { cookies: Array.from({ length: sizes.screens }, () => null), operationId: null },
      {
        async change(index) {
          const id = `bare-${index}`;
          const payload = {
            ...(sample as { platform: Record<string, unknown> }),
            platform: { ...(sample as { platform: Record<string, unknown> } | null)?.platform, id },
          };
          const answer = await post('/emit', payload);
          return { id, ms: answer.ms };
        },
        missedChange: () => ({
          expect: { platformId: null, version: version + 1 },
          make: async () => {
            version = (await post('/bump', {})).version;
          },
        }),
      },
    );
  } finally {
    await pool.all('screens.close', () => ({}));
    await server.stop();
  }
}

/** A server with no clients at all, stopped: the floor under graceful stop. */
async function bareStop(target: DataTarget): Promise<number> {
  const server = await startAppServer(target);
  const stopped = await server.stop();
  return stopped.ms;
}

/**
 * Memory per client, fan-out of a claim, reconnect storm and graceful stop
 * with N screens (1,000 in a full run), each beside a bare socket.io server
 * with the same screens (and a server with no clients, for the stop).
 */
export async function screensSuite(ctx: SuiteContext, wanted: Set<BenchName>): Promise<Row[]> {
  const sizes = sizesFor(ctx.options.quick).screens;
  const target = await freshTarget(ctx.db, ctx.options.postgresUrl);
  const pool = WorkerPool.start(sizesFor(ctx.options.quick).workers);
  let app: Awaited<ReturnType<typeof appSide>> | null = null;
  try {
    const stopFloor = wanted.has('stop') ? await bareStop(target) : null;
    ctx.log(`  app (${ctx.db}): ${count(sizes.screens)} screens`);
    app = await appSide(ctx, wanted, pool, target);
    await pool.all('screens.close', () => ({}));
    ctx.log('  bare socket.io: the same screens');
    const bare = await bareSide(ctx, wanted, pool, app.sample);
    return screensRows(ctx, wanted, app.side, bare, app.stop, stopFloor);
  } finally {
    pool.close();
    if (app?.server.running) await app.server.stop();
    await target.dispose();
  }
}
