import type { BenchName } from '../lib/args.js';
import { mergeHistograms, summarize } from '../lib/histogram.js';
import { runOpenLoop } from '../lib/open-loop.js';
import { type WaitProfile, sampleWaits } from '../lib/pg-waits.js';
import type { ProbeReply } from '../lib/probe-protocol.js';
import { count, ms } from '../lib/results.js';
import type { ServerProcess } from '../lib/server-process.js';
import { epochMs, pause, until } from '../lib/time.js';
import { type WorkerPool, slices } from '../lib/workers.js';
import { type SuiteContext, sizesFor } from './context.js';

/** What one side (the app or the bare socket.io server) showed with N screens connected. */
export interface SideResult {
  memory: { before: number; after: number; perClient: number; heapPerClient: number } | null;
  fanout: {
    p99: number;
    p50: number;
    delivered: number;
    expected: number;
    payloadBytes: number;
    claimMs: number[];
    server: ProbeReply;
    generators: { eventLoopDelayP99Ms: number; cpuPercent: number };
  } | null;
  reconnect: {
    slowestMs: number;
    p50: number;
    back: number;
    total: number;
    refetchErrors: number;
    server: ProbeReply;
    generators: { eventLoopDelayP99Ms: number; cpuPercent: number };
    postgresWaits: WaitProfile | null;
  } | null;
  openMs: number;
  openFailed: number;
  openErrors: string[];
}

/** How one side is driven: what a claim (or its bare stand-in) and the missed change are. */
export interface Driver {
  /** Sends change `index` and answers its id (the platform the screens will hear about). */
  change(index: number): Promise<{ id: string; ms: number }>;
  /** The change to make while the screens are away: what they must learn, and how to make it. */
  missedChange(): { expect: { platformId: string | null; version: number | null }; make: () => Promise<void> };
}

const settleMs = 2000;

/** Connects the screens, then measures memory, fan-out and a reconnect storm on one side. */
export async function driveSide(
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
    await pool.resetStats();
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
      generators: await pool.generatorStats(),
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
    await pool.resetStats();
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
      generators: await pool.generatorStats(),
      postgresWaits,
    };
    ctx.log(
      `    reconnect storm: ${count(result.reconnect.back)}/${count(result.reconnect.total)} back, the last after ${ms(result.reconnect.slowestMs)}`,
    );
  }
  return result;
}
