import type { Tally } from '@actionday/shared';
import { addPlatforms, createOperation, inviteParticipants, setPhase, signIn, spread } from '../clients/accounts.js';
import type { ApiClient } from '../clients/http.js';
import { freshTarget } from '../lib/databases.js';
import { bareTargetOf, connectDirect } from '../lib/direct-db.js';
import { type LatencySummary, mergeHistograms, summarize } from '../lib/histogram.js';
import { type WaitProfile, busyConnections, databaseOf, sampleWaits } from '../lib/pg-waits.js';
import type { ProbeReply } from '../lib/probe-protocol.js';
import { differences, recountDefaults, tallyFigures } from '../lib/recount.js';
import { type Row, count, judge, ms, ratioOf } from '../lib/results.js';
import { type ServerProcess, benchAdmin, startAppServer } from '../lib/server-process.js';
import { epochMs, pause } from '../lib/time.js';
import { type LoadWorker, WorkerPool, slices } from '../lib/workers.js';
import type { Actor, LoadResult } from '../workers/protocol.js';
import { type SuiteContext, sizesFor } from './context.js';

const timeoutMs = 10_000;
const bareMaxMs = 20_000;

interface PhaseResult {
  rate: number;
  durationMs: number;
  latency: LatencySummary;
  sent: number;
  ok: number;
  timeouts: number;
  errors: Record<string, number>;
  maxSendLagMs: number;
  /** Answered per second over the phase. */
  answeredPerSecond: number;
  server?: ProbeReply;
  generators?: { eventLoopDelayP99Ms: number; cpuPercent: number };
  postgresWaits?: WaitProfile | null;
}

function combine(rate: number, durationMs: number, parts: LoadResult[]): PhaseResult {
  const errors: Record<string, number> = {};
  for (const part of parts) for (const [code, n] of Object.entries(part.errors)) errors[code] = (errors[code] ?? 0) + n;
  const ok = parts.reduce((sum, p) => sum + p.ok, 0);
  return {
    rate,
    durationMs,
    latency: summarize(mergeHistograms(parts.map((p) => p.histogram))),
    sent: parts.reduce((sum, p) => sum + p.sent, 0),
    ok,
    timeouts: parts.reduce((sum, p) => sum + p.timeouts, 0),
    errors,
    maxSendLagMs: Math.max(...parts.map((p) => p.maxSendLagMs)),
    answeredPerSecond: ok / (durationMs / 1000),
  };
}

/** Open-loop findings from every worker, interleaved so the total arrives at `rate`. */
async function loadPhase(
  workers: LoadWorker[],
  run: (
    worker: LoadWorker,
    schedule: { ratePerSecond: number; durationMs: number; startAt: number; offsetMs: number },
  ) => Promise<LoadResult>,
  rate: number,
  durationMs: number,
): Promise<LoadResult[]> {
  const startAt = epochMs() + 1000;
  const perWorker = rate / workers.length;
  return Promise.all(
    workers.map((worker, i) =>
      run(worker, { ratePerSecond: perWorker, durationMs, startAt, offsetMs: (i * 1000) / rate }),
    ),
  );
}

/**
 * Waits until the server has worked through everything it accepted: requests
 * the load gave up on (timeouts) are still processed by the server. Quiet =
 * the same figures in three reads 2 s apart while the server process used
 * under 5 % of a core (and, on PostgreSQL, no connection of its database was
 * active or inside a transaction). Gives up after 3 minutes (`settled: false`).
 */
async function settledTally(
  admin: ApiClient,
  server: ServerProcess,
  operationId: string,
  databaseBusy: () => Promise<boolean>,
): Promise<{ tally: Tally; settled: boolean; waitedMs: number }> {
  const started = epochMs();
  const seen: string[] = [];
  await server.probe({ reset: true });
  for (;;) {
    const tally = await admin.call<Tally>('GET', `/api/operations/${operationId}/tallies`, undefined, {
      timeoutMs: 60_000,
    });
    const busy = (await server.probe({ reset: true })).cpuPercent >= 5 || (await databaseBusy());
    seen.push(busy ? `busy ${seen.length}` : JSON.stringify(tally.figures));
    const last = seen.slice(-3);
    if (last.length === 3 && last.every((key) => key === last[0]))
      return { tally, settled: true, waitedMs: epochMs() - started };
    if (epochMs() - started > 180_000) return { tally, settled: false, waitedMs: epochMs() - started };
    await pause(2000);
  }
}

/**
 * Findings logged open loop at 40/s and at 500/s (60 s) by investigators of
 * twenty countries; afterwards the server's figures are compared with a
 * recount from the database, and the same rates are replayed as bare INSERTs
 * into the same table.
 */
export async function findingsSuite(ctx: SuiteContext): Promise<Row[]> {
  const sizes = sizesFor(ctx.options.quick).findings;
  const target = await freshTarget(ctx.db, ctx.options.postgresUrl);
  const pool = WorkerPool.start(sizesFor(ctx.options.quick).workers);
  let server: ServerProcess | null = await startAppServer(target);
  try {
    const url = server.url;
    const admin = await signIn(url, benchAdmin.email, benchAdmin.password);
    const operation = await createOperation(admin);
    await setPhase(admin, operation.id, 'live');
    const platformIds = (await addPlatforms(admin, operation.id, sizes.platforms)).map((p) => p.id);
    const people = await inviteParticipants(admin, operation.id, spread('investigator', sizes.investigators));
    const actors: Actor[][] = slices(
      people.map((p) => ({ cookie: p.cookie, memberId: p.memberId, country: p.country })),
      pool.size,
    );
    const phases: PhaseResult[] = [];
    for (const [index, phase] of [sizes.low, sizes.high].entries()) {
      ctx.log(`  app (${ctx.db}): ${phase.rate} findings/s for ${phase.ms / 1000} s`);
      const running = server;
      await running.probe({ reset: true });
      await pool.resetStats();
      const waits = target.databaseUrl ? sampleWaits(ctx.options.postgresUrl, databaseOf(target.databaseUrl)) : null;
      const parts = await loadPhase(
        pool.workers,
        (worker, schedule) =>
          worker.call('findings.load', {
            url,
            operationId: operation.id,
            actors: actors[worker.index] ?? [],
            platformIds,
            schedule,
            timeoutMs,
            seed: 100 * (index + 1) + worker.index,
          }),
        phase.rate,
        phase.ms,
      );
      const result = combine(phase.rate, phase.ms, parts);
      result.server = await running.probe();
      result.generators = await pool.generatorStats();
      result.postgresWaits = waits ? await waits.stop() : null;
      phases.push(result);
      ctx.log(
        `    ${count(result.ok)}/${count(result.sent)} answered, ${count(result.timeouts)} timeouts, p99 ${ms(result.latency.p99)}`,
      );
    }
    ctx.log('  waiting until the server has worked through what it accepted');
    const databaseBusy = target.databaseUrl
      ? busyConnections(ctx.options.postgresUrl, databaseOf(target.databaseUrl))
      : null;
    const { tally, settled, waitedMs } = await settledTally(admin, server, operation.id, async () =>
      databaseBusy ? (await databaseBusy.count()) > 0 : false,
    );
    await databaseBusy?.close();
    ctx.log(`    ${settled ? 'quiet' : 'still busy'} after ${ms(waitedMs)}`);
    admin.close();
    await server.stop();
    server = null;

    const direct = await connectDirect(bareTargetOf(target));
    const recount = await recountDefaults(direct.query, operation.id);
    const stored = Number(
      (await direct.query('select count(*) as n from findings where operation_id = $1', [operation.id]))[0]?.n ?? 0,
    );
    await direct.close();
    const drift = differences(tallyFigures(tally), recount);
    const acknowledged = phases.reduce((sum, p) => sum + p.ok, 0);

    const bare: PhaseResult[] = [];
    for (const [index, phase] of [sizes.low, sizes.high].entries()) {
      // the same rate; a bare INSERT reaches its steady state in seconds, so 20 s at most keeps the run short
      const bareMs = Math.min(phase.ms, bareMaxMs);
      ctx.log(`  bare INSERT: ${phase.rate}/s for ${bareMs / 1000} s`);
      await pool.resetStats();
      // one process: the embedded database can be opened by one process only
      const parts = await loadPhase(
        [pool.first],
        (worker, schedule) =>
          worker.call('bare.inserts', {
            target: bareTargetOf(target),
            operationId: operation.id,
            platformIds,
            actors: actors.flat(),
            schedule,
            timeoutMs,
            seed: 100 * (index + 1),
          }),
        phase.rate,
        bareMs,
      );
      const result = combine(phase.rate, bareMs, parts);
      result.generators = await pool.generatorStats();
      bare.push(result);
      ctx.log(`    ${count(result.ok)}/${count(result.sent)} answered, p99 ${ms(result.latency.p99)}`);
    }
    return phases.map((app, i) =>
      rowOf(ctx, app, bare[i] as PhaseResult, i === 1 ? { drift, stored, acknowledged, settled, waitedMs } : null),
    );
  } finally {
    pool.close();
    if (server?.running) await server.stop();
    await target.dispose();
  }
}

function rowOf(
  ctx: SuiteContext,
  app: PhaseResult,
  bare: PhaseResult,
  figures: { drift: string[]; stored: number; acknowledged: number; settled: boolean; waitedMs: number } | null,
): Row {
  // a p99 at the timeout is censored (the tail was cut off): no ratio can be read from it
  const censored = app.latency.p99 >= timeoutMs || bare.latency.p99 >= timeoutMs;
  const ratio = censored ? null : ratioOf(app.latency.p99, bare.latency.p99);
  const errorCount = Object.values(app.errors).reduce((sum, n) => sum + n, 0);
  const checks: [string, boolean][] = [
    [
      censored
        ? `${app.latency.p99 >= timeoutMs ? 'app' : 'bare'} p99 beyond the ${timeoutMs / 1000} s timeout`
        : `p99 ${ratio?.toFixed(2)}× bare > 3×`,
      ratio !== null && ratio <= 3,
    ],
  ];
  if (figures) {
    checks.unshift([
      `${count(app.sent - app.ok)} of ${count(app.sent)} not answered in ${timeoutMs / 1000} s`,
      app.ok === app.sent,
    ]);
    checks.push([`${count(errorCount)} errors ${JSON.stringify(app.errors)}`, errorCount === 0]);
    checks.push([`server still busy ${ms(figures.waitedMs)} after the load: figures not comparable`, figures.settled]);
    checks.push([
      `figures ≠ recount: ${figures.drift.slice(0, 3).join('; ')}`,
      figures.settled && figures.drift.length === 0,
    ]);
    checks.push([
      `${count(figures.acknowledged - figures.stored)} acknowledged findings missing`,
      figures.stored >= figures.acknowledged,
    ]);
  }
  return {
    bench: `findings at ${app.rate}/s for ${app.durationMs / 1000} s`,
    database: ctx.db,
    app: `${app.answeredPerSecond.toFixed(0)}/s answered, p99 ${app.latency.p99 >= timeoutMs ? `≥ ${ms(timeoutMs)} (timeouts)` : ms(app.latency.p99)}`,
    baseline: `${bare.answeredPerSecond.toFixed(0)}/s, p99 ${bare.latency.p99 >= timeoutMs ? `≥ ${ms(timeoutMs)} (timeouts)` : ms(bare.latency.p99)}`,
    ratio,
    goal: figures ? `${app.rate}/s all answered, p99 ≤ 3 × bare, 0 errors, figures = recount` : 'p99 ≤ 3 × bare',
    ...judge(checks),
    details: { app, bare, figures, timeoutMs },
  };
}
