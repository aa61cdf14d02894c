import { addPlatforms, createOperation, inviteParticipants, setPhase, signIn, spread } from '../clients/accounts.js';
import { freshTarget } from '../lib/databases.js';
import { bareTargetOf, connectDirect } from '../lib/direct-db.js';
import { mergeHistograms, summarize } from '../lib/histogram.js';
import { type WaitProfile, databaseOf, sampleWaits } from '../lib/pg-waits.js';
import { type Row, count, judge, ms, ratioOf } from '../lib/results.js';
import { benchAdmin, startAppServer } from '../lib/server-process.js';
import { epochMs } from '../lib/time.js';
import { WorkerPool, slices } from '../lib/workers.js';
import type { RaceResult } from '../workers/protocol.js';
import { type SuiteContext, sizesFor } from './context.js';

/** Platforms won more than once among the answers, and wins the database does not show. */
async function doubleClaims(
  won: [string, string][],
  rows: Record<string, unknown>[],
): Promise<{ doubles: number; mismatched: number; unanswered: number }> {
  const winners = new Map<string, string[]>();
  for (const [platformId, memberId] of won) winners.set(platformId, [...(winners.get(platformId) ?? []), memberId]);
  const holder = new Map(rows.map((row) => [String(row.id), String(row.claimed_by ?? row.checked_by ?? '')]));
  let doubles = 0;
  let mismatched = 0;
  for (const [platformId, members] of winners) {
    // the holder's own repeated claim answers 200 with the claim it holds (a retry): a double is two people
    if (new Set(members).size > 1) doubles += 1;
    if (holder.get(platformId) !== members[0]) mismatched += 1;
  }
  // taken in the database but never answered to anyone (a timed-out request that went through): not a double
  const unanswered = rows.filter((row) => !winners.has(String(row.id))).length;
  return { doubles, mismatched, unanswered };
}

function combine(parts: RaceResult[]) {
  const latency = summarize(mergeHistograms(parts.map((p) => p.histogram)));
  const durationMs = Math.max(...parts.map((p) => p.durationMs));
  const answered = parts.reduce((sum, p) => sum + p.ok, 0);
  const errors: Record<string, number> = {};
  for (const part of parts) for (const [code, n] of Object.entries(part.errors)) errors[code] = (errors[code] ?? 0) + n;
  return {
    latency,
    durationMs,
    answered,
    perSecond: answered / (durationMs / 1000),
    won: parts.flatMap((p) => p.won),
    lost: parts.reduce((sum, p) => sum + p.lost, 0),
    limited: parts.reduce((sum, p) => sum + p.limited, 0),
    verdicts: parts.reduce((sum, p) => sum + p.verdicts, 0),
    timeouts: parts.reduce((sum, p) => sum + p.timeouts, 0),
    errors,
  };
}

/**
 * N investigators race for claims over M platforms (200 over 10,000 in a full
 * run), each one request at a time as a person clicks; beside it the bare
 * conditional UPDATE … RETURNING at the same concurrency on the same table
 * (postgres.js with the server's pool size, or one bare PGlite). Double claims
 * are checked from the database afterwards.
 */
export async function claimsSuite(ctx: SuiteContext): Promise<Row[]> {
  const sizes = sizesFor(ctx.options.quick).claims;
  const target = await freshTarget(ctx.db, ctx.options.postgresUrl);
  const pool = WorkerPool.start(sizesFor(ctx.options.quick).workers);
  const server = await startAppServer(target);
  try {
    const admin = await signIn(server.url, benchAdmin.email, benchAdmin.password);
    const operation = await createOperation(admin, { claimLimit: 20 });
    await setPhase(admin, operation.id, 'live');
    const platforms = await addPlatforms(admin, operation.id, sizes.platforms);
    const people = await inviteParticipants(admin, operation.id, spread('investigator', sizes.investigators));
    admin.close();
    const platformIds = platforms.map((p) => p.id);
    const actors = slices(people, pool.size);
    ctx.log(`  app (${ctx.db}): ${count(people.length)} investigators over ${count(platformIds.length)} platforms`);

    const startAt = epochMs() + 1000;
    await server.probe({ reset: true });
    await pool.resetStats();
    const waits = target.databaseUrl ? sampleWaits(ctx.options.postgresUrl, databaseOf(target.databaseUrl)) : null;
    const appParts = await pool.all('claims.race', (i) => ({
      url: server.url,
      actors: actors[i] ?? [],
      platformIds,
      startAt,
      durationMs: sizes.durationMs,
      timeoutMs: 30_000,
      seed: 1000 + i,
    }));
    const serverDuring = await server.probe();
    const generators = await pool.generatorStats();
    const waitProfile: WaitProfile | null = waits ? await waits.stop() : null;
    const app = combine(appParts);
    ctx.log(`    ${app.perSecond.toFixed(0)} claims/s, p99 ${ms(app.latency.p99)}, ${count(app.won.length)} won`);
    await server.stop();

    // verify from the database, then run the bare race on the same table
    const direct = await connectDirect(bareTargetOf(target));
    const taken = await direct.query(
      `select id, claimed_by, checked_by from platforms where operation_id = $1 and status <> 'unchecked'`,
      [operation.id],
    );
    const check = await doubleClaims(app.won, taken);
    await direct.query(
      `update platforms set status = 'unchecked', claimed_by = null, claimed_at = null, last_activity_at = null,
         verdict = null, checked_by = null, checked_at = null where operation_id = $1`,
      [operation.id],
    );
    await direct.close();

    ctx.log(`  bare conditional UPDATE … RETURNING, concurrency ${count(people.length)}`);
    await pool.resetStats();
    const bareWaits = target.databaseUrl ? sampleWaits(ctx.options.postgresUrl, databaseOf(target.databaseUrl)) : null;
    const bareParts = [
      await pool.first.call('bare.claims', {
        target: bareTargetOf(target),
        concurrency: people.length,
        platformIds,
        memberIds: people.map((p) => p.memberId),
        startAt: epochMs() + 500,
        durationMs: sizes.durationMs,
        seed: 1000,
      }),
    ];
    const bareWaitProfile = bareWaits ? await bareWaits.stop() : null;
    const bareGenerators = await pool.generatorStats();
    const bare = combine(bareParts);
    const bareDirect = await connectDirect(bareTargetOf(target));
    const bareCheck = await doubleClaims(
      bare.won,
      await bareDirect.query(
        `select id, claimed_by, checked_by from platforms where operation_id = $1 and status <> 'unchecked'`,
        [operation.id],
      ),
    );
    await bareDirect.close();
    ctx.log(`    ${bare.perSecond.toFixed(0)} claims/s, p99 ${ms(bare.latency.p99)}`);

    const rateRatio = ratioOf(app.perSecond, bare.perSecond);
    const p99Ratio = ratioOf(app.latency.p99, bare.latency.p99);
    const doubles = check.doubles + check.mismatched;
    return [
      {
        bench: `claims race: ${count(people.length)} investigators over ${count(platformIds.length)} platforms`,
        database: ctx.db,
        app: `${app.perSecond.toFixed(0)} claims/s, p99 ${ms(app.latency.p99)}, ${doubles} double`,
        baseline: `${bare.perSecond.toFixed(0)}/s, p99 ${ms(bare.latency.p99)}`,
        ratio: rateRatio,
        goal: '≥ 0.5 × bare rate, p99 ≤ 2 × bare, 0 double claims',
        ...judge([
          [`rate ${rateRatio?.toFixed(2)}× bare < 0.5×`, rateRatio !== null && rateRatio >= 0.5],
          [`p99 ${p99Ratio?.toFixed(2)}× bare > 2×`, p99Ratio !== null && p99Ratio <= 2],
          [`${doubles} double claims`, doubles === 0],
          [
            `${count(app.timeouts)} timeouts, errors ${JSON.stringify(app.errors)}`,
            app.timeouts === 0 && Object.keys(app.errors).length === 0,
          ],
        ]),
        details: {
          app: { ...app, won: app.won.length, check, server: serverDuring, postgresWaits: waitProfile, generators },
          bare: {
            ...bare,
            won: bare.won.length,
            check: bareCheck,
            generators: bareGenerators,
            postgresWaits: bareWaitProfile,
            poolSize: ctx.db === 'postgres' ? 10 : 1,
          },
          p99Ratio,
        },
      },
    ];
  } finally {
    pool.close();
    if (server.running) await server.stop();
    await target.dispose();
  }
}
