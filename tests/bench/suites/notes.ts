import { createOperation, inviteParticipants, setPhase, signIn, spread } from '../clients/accounts.js';
import { freshTarget } from '../lib/databases.js';
import { mergeHistograms, summarize } from '../lib/histogram.js';
import type { ProbeReply } from '../lib/probe-protocol.js';
import { type Row, count, judge, ms, ratioOf } from '../lib/results.js';
import { type ServerProcess, benchAdmin, freePort, startAppServer, startNodeServer } from '../lib/server-process.js';
import { epochMs } from '../lib/time.js';
import { WorkerPool, slices } from '../lib/workers.js';
import { type SuiteContext, sizesFor } from './context.js';

interface EditorsResult {
  p50: number;
  p99: number;
  edits: number;
  received: number;
  expected: number;
  unsaved: number;
  openFailed: number;
  server: ProbeReply;
  generators: { eventLoopDelayP99Ms: number; cpuPercent: number };
}

/** Opens the editors on the operation's situation log, lets them type, and times edit → peer. */
async function typeTogether(
  ctx: SuiteContext,
  pool: WorkerPool,
  server: ServerProcess,
  cookies: (string | null)[],
  operationId: string,
): Promise<EditorsResult> {
  const sizes = sizesFor(ctx.options.quick).notes;
  const parts = slices(cookies, pool.size);
  const ref = { operationId, platformId: null };
  const opened = await pool.all('editors.open', (i) => ({ url: server.url, cookies: parts[i] ?? [], ref }));
  const openFailed = opened.reduce((sum, o) => sum + o.failed, 0);
  if (openFailed > 0)
    ctx.log(`    ${openFailed} editors could not open the note: ${opened.flatMap((o) => o.errors).join('; ')}`);
  await server.probe({ reset: true });
  await pool.resetStats();
  const startAt = epochMs() + 1000;
  const runs = await pool.all('editors.run', () => ({
    startAt,
    durationMs: sizes.durationMs,
    editsPerSecond: sizes.editsPerSecond,
    peers: cookies.length,
  }));
  const serverDuring = await server.probe();
  const generators = await pool.generatorStats();
  await pool.all('editors.close', () => ({}));
  const latency = summarize(mergeHistograms(runs.map((r) => r.histogram)));
  const edits = runs.reduce((sum, r) => sum + r.edits, 0);
  const result = {
    p50: latency.p50,
    p99: latency.p99,
    edits,
    received: runs.reduce((sum, r) => sum + r.received, 0),
    expected: edits * (cookies.length - openFailed - 1),
    unsaved: runs.reduce((sum, r) => sum + r.unsaved, 0),
    openFailed,
    server: serverDuring,
    generators,
  };
  ctx.log(`    ${count(result.received)}/${count(result.expected)} edits seen by peers, p99 ${ms(result.p99)}`);
  return result;
}

/**
 * Collaborative notes: N editors (50 in a full run) type in the operation's
 * situation log at one edit a second each; each edit is timed until every
 * peer has it. Beside it: a bare y-protocols relay over socket.io with the
 * same editors (the client's own provider, NoteSync, in both).
 */
export async function notesSuite(ctx: SuiteContext): Promise<Row[]> {
  const sizes = sizesFor(ctx.options.quick).notes;
  const target = await freshTarget(ctx.db, ctx.options.postgresUrl);
  const pool = WorkerPool.start(sizesFor(ctx.options.quick).workers);
  const servers: ServerProcess[] = [];
  try {
    const server = await startAppServer(target);
    servers.push(server);
    const admin = await signIn(server.url, benchAdmin.email, benchAdmin.password);
    const operation = await createOperation(admin);
    await setPhase(admin, operation.id, 'live');
    const people = await inviteParticipants(admin, operation.id, spread('investigator', sizes.accounts));
    admin.close();
    ctx.log(`  app (${ctx.db}): ${count(sizes.editors)} editors on the situation log`);
    const cookies = Array.from({ length: sizes.editors }, (_, i) => people[i % people.length]?.cookie ?? null);
    const app = await typeTogether(ctx, pool, server, cookies, operation.id);
    await server.stop();

    const port = await freePort();
    const relay = await startNodeServer({
      name: 'bare y-protocols relay',
      script: 'tests/bench/baselines/bare-relay.ts',
      env: { PORT: String(port) },
      port,
      readyPath: '/health',
    });
    servers.push(relay);
    ctx.log('  bare y-protocols relay: the same editors');
    const bare = await typeTogether(
      ctx,
      pool,
      relay,
      cookies.map(() => null),
      operation.id,
    );
    const ratio = ratioOf(app.p99, bare.p99);
    return [
      {
        bench: `notes: ${count(sizes.editors)} editors, edit → peer`,
        database: ctx.db,
        app: `p99 ${ms(app.p99)}${app.received < app.expected ? `, ${count(app.expected - app.received)} not delivered` : ''}`,
        baseline: `p99 ${ms(bare.p99)}`,
        ratio,
        goal: 'none set (issue gives none); every edit reaches every peer',
        ...judge([
          [
            `${count(app.expected - app.received)} of ${count(app.expected)} peer deliveries missing`,
            app.received >= app.expected,
          ],
          [`${app.openFailed} editors could not open the note`, app.openFailed === 0],
        ]),
        details: { app, bare },
      },
    ];
  } finally {
    pool.close();
    for (const server of servers) if (server.running) await server.stop();
    await target.dispose();
  }
}
