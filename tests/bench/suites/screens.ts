import type { Platform } from '@actionday/shared';
import { addPlatforms, createOperation, inviteParticipants, setPhase, signIn, spread } from '../clients/accounts.js';
import { ApiClient } from '../clients/http.js';
import type { BenchName } from '../lib/args.js';
import { type DataTarget, freshTarget } from '../lib/databases.js';
import { mergeHistograms, summarize } from '../lib/histogram.js';
import { runOpenLoop } from '../lib/open-loop.js';
import { type WaitProfile, databaseOf, sampleWaits } from '../lib/pg-waits.js';
import type { ProbeReply } from '../lib/probe-protocol.js';
import { type Row, count, judge, kb, ms, ratioOf } from '../lib/results.js';
import { type ServerProcess, benchAdmin, freePort, startAppServer, startNodeServer } from '../lib/server-process.js';
import { epochMs, pause, until } from '../lib/time.js';
import { WorkerPool, slices } from '../lib/workers.js';
import { type SuiteContext, sizesFor } from './context.js';

/** What one side (the app or the bare socket.io server) showed with N screens connected. */
interface SideResult {
  memory: { before: number; after: number; perClient: number; heapPerClient: number } | null;
  fanout: {
    p99: number;
    p50: number;
    delivered: number;
    expected: number;
    payloadBytes: number;
    claimMs: number[];
    server: ProbeReply;
  } | null;
  reconnect: {
    slowestMs: number;
    p50: number;
    back: number;
    total: number;
    refetchErrors: number;
    server: ProbeReply;
    postgresWaits: WaitProfile | null;
  } | null;
  openMs: number;
  openFailed: number;
  openErrors: string[];
}

/** How one side is driven: what a claim (or its bare stand-in) and the missed change are. */
interface Driver {
  /** Sends change `index` and answers its id (the platform the screens will hear about). */
  change(index: number): Promise<{ id: string; ms: number }>;
  /** The change to make while the screens are away: what they must learn, and how to make it. */
  missedChange(): { expect: { platformId: string | null; version: number | null }; make: () => Promise<void> };
}

const settleMs = 2000;

/** Connects the screens, then measures memory, fan-out and a reconnect storm on one side. */
async function driveSide(
  ctx: SuiteContext,
  wanted: Set<BenchName>,
  pool: WorkerPool,
  server: ServerProcess,
  screens: { cookies: (string | null)[]; operationId: string | null },
  driver: Driver,
  postgresDatabase: string | null = null,
): Promise<SideResult> {
  const sizes = sizesFor(ctx.options.quick).screens;
  const before = await server.probe({ gc: true, reset: true });
  const parts = slices(screens.cookies, pool.size);
  const opened = await pool.all('screens.open', (i) => ({
    url: server.url,
    operationId: screens.operationId,
    cookies: parts[i] ?? [],
    concurrency: 20,
  }));
  const openFailed = opened.reduce((sum, o) => sum + o.failed, 0);
  const result: SideResult = {
    memory: null,
    fanout: null,
    reconnect: null,
    openMs: Math.max(...opened.map((o) => o.ms)),
    openFailed,
    openErrors: opened.flatMap((o) => o.errors),
  };
  ctx.log(`    ${count(screens.cookies.length - openFailed)} screens connected in ${ms(result.openMs)}`);
  await pause(settleMs); // presence pushes and handshakes die down before memory is read
  if (wanted.has('memory')) {
    const after = await server.probe({ gc: true });
    const n = Math.max(1, screens.cookies.length - openFailed);
    result.memory = {
      before: before.rss,
      after: after.rss,
      perClient: (after.rss - before.rss) / n,
      heapPerClient: (after.heapUsed - before.heapUsed) / n,
    };
  }
  if (wanted.has('fanout')) {
    const sent: Record<string, number> = {};
    const claimMs: number[] = [];
    await server.probe({ reset: true });
    await runOpenLoop(
      {
        ratePerSecond: sizes.fanoutPerSecond,
        durationMs: (sizes.fanoutClaims * 1000) / sizes.fanoutPerSecond,
        startAt: epochMs() + 200,
      },
      async (index) => {
        const t0 = epochMs();
        const change = await driver.change(index);
        sent[change.id] = t0;
        claimMs.push(change.ms);
      },
    );
    const expected = Object.keys(sent).length * (screens.cookies.length - openFailed);
    const collected = await until(
      async () => {
        const parts = await pool.all('screens.fanout', () => ({ sent }));
        return parts.reduce((sum, p) => sum + p.delivered, 0) >= expected ? parts : null;
      },
      15_000,
      250,
    );
    const parts = collected ?? (await pool.all('screens.fanout', () => ({ sent })));
    const latency = summarize(mergeHistograms(parts.map((p) => p.histogram)));
    result.fanout = {
      p99: latency.p99,
      p50: latency.p50,
      delivered: parts.reduce((sum, p) => sum + p.delivered, 0),
      expected: parts.reduce((sum, p) => sum + p.expected, 0),
      payloadBytes: Math.max(...parts.map((p) => p.payloadBytes)),
      claimMs,
      server: await server.probe(),
    };
    ctx.log(`    fan-out: p99 ${ms(latency.p99)} over ${count(result.fanout.delivered)} deliveries`);
  }
  if (wanted.has('reconnect')) {
    const missed = driver.missedChange();
    const at = epochMs() + 300;
    await pool.all('screens.drop', () => ({
      at,
      expectPlatformId: missed.expect.platformId,
      expectVersion: missed.expect.version,
    }));
    // made once every screen is away (socket.io's first reconnect waits at least 500 ms)
    await pause(at + 150 - epochMs());
    await server.probe({ reset: true });
    const waits = postgresDatabase ? sampleWaits(ctx.options.postgresUrl, postgresDatabase) : null;
    await missed.make();
    const parts = await pool.all('screens.back', () => ({ timeoutMs: 60_000 }));
    const postgresWaits = waits ? await waits.stop() : null;
    const latency = summarize(mergeHistograms(parts.map((p) => p.histogram)));
    result.reconnect = {
      slowestMs: Math.max(...parts.map((p) => p.slowestMs)),
      p50: latency.p50,
      back: parts.reduce((sum, p) => sum + p.back, 0),
      total: parts.reduce((sum, p) => sum + p.total, 0),
      refetchErrors: parts.reduce((sum, p) => sum + p.refetchErrors, 0),
      server: await server.probe(),
      postgresWaits,
    };
    ctx.log(
      `    reconnect storm: ${count(result.reconnect.back)}/${count(result.reconnect.total)} back, the last after ${ms(result.reconnect.slowestMs)}`,
    );
  }
  return result;
}

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
    return rowsOf(ctx, wanted, app.side, bare, app.stop, stopFloor);
  } finally {
    pool.close();
    if (app?.server.running) await app.server.stop();
    await target.dispose();
  }
}

function rowsOf(
  ctx: SuiteContext,
  wanted: Set<BenchName>,
  app: SideResult,
  bare: SideResult,
  stop: { ms: number; code: number | null } | null,
  stopFloor: number | null,
): Row[] {
  const n = sizesFor(ctx.options.quick).screens.screens;
  const rows: Row[] = [];
  const connected = (side: SideResult) =>
    [`${count(n - side.openFailed)}/${count(n)} screens connected`, side.openFailed === 0] as [string, boolean];
  if (wanted.has('memory') && app.memory && bare.memory) {
    const ratio = ratioOf(app.memory.perClient, bare.memory.perClient);
    rows.push({
      bench: `memory per connected client (${count(n)} clients)`,
      database: ctx.db,
      app: `${kb(app.memory.perClient)} RSS, ${kb(app.memory.heapPerClient)} heap`,
      baseline: `${kb(bare.memory.perClient)} RSS, ${kb(bare.memory.heapPerClient)} heap`,
      ratio,
      goal: 'none set (issue gives none)',
      met: null,
      missed: [],
      details: {
        app: app.memory,
        bare: bare.memory,
        openMs: { app: app.openMs, bare: bare.openMs },
        openErrors: app.openErrors,
      },
    });
  }
  if (wanted.has('fanout') && app.fanout && bare.fanout) {
    const ratio = ratioOf(app.fanout.p99, bare.fanout.p99);
    rows.push({
      bench: `fan-out of a claim to ${count(n)} screens`,
      database: ctx.db,
      app: `p99 ${ms(app.fanout.p99)}`,
      baseline: `p99 ${ms(bare.fanout.p99)}`,
      ratio,
      goal: 'p99 ≤ 1.5 × bare, every screen gets it',
      ...judge([
        connected(app),
        [`p99 ${ratio?.toFixed(2)}× bare > 1.5×`, ratio !== null && ratio <= 1.5],
        [
          `${count(app.fanout.delivered)}/${count(app.fanout.expected)} delivered`,
          app.fanout.delivered === app.fanout.expected,
        ],
      ]),
      details: { app: app.fanout, bare: bare.fanout },
    });
  }
  if (wanted.has('reconnect') && app.reconnect && bare.reconnect) {
    const ratio = ratioOf(app.reconnect.slowestMs, bare.reconnect.slowestMs);
    const allBack = app.reconnect.back === app.reconnect.total;
    rows.push({
      bench: `reconnect storm: ${count(n)} clients dropped at once, until all back and consistent`,
      database: ctx.db,
      app: allBack
        ? ms(app.reconnect.slowestMs)
        : `${count(app.reconnect.back)}/${count(app.reconnect.total)} back in 60 s`,
      baseline: ms(bare.reconnect.slowestMs),
      ratio: allBack ? ratio : null,
      goal: '≤ 2 × bare and < 5 s',
      ...judge([
        connected(app),
        [`${count(app.reconnect.total - app.reconnect.back)} never came back`, allBack],
        [`${ratio?.toFixed(2)}× bare > 2×`, allBack && ratio !== null && ratio <= 2],
        [`${ms(app.reconnect.slowestMs)} ≥ 5 s`, allBack && app.reconnect.slowestMs < 5000],
      ]),
      details: { app: app.reconnect, bare: bare.reconnect },
    });
  }
  if (wanted.has('stop') && stop && stopFloor !== null) {
    rows.push({
      bench: `graceful stop with ${count(n)} clients connected`,
      database: ctx.db,
      app: ms(stop.ms),
      baseline: `${ms(stopFloor)} with none`,
      ratio: ratioOf(stop.ms, stopFloor),
      goal: '< 2 s, exit 0',
      ...judge([
        [`${ms(stop.ms)} ≥ 2 s`, stop.ms < 2000],
        [`exit code ${stop.code}`, stop.code === 0],
      ]),
      details: { appMs: stop.ms, exitCode: stop.code, noClientsMs: stopFloor },
    });
  }
  return rows;
}
