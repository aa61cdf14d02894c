import { addPlatforms, countries2022, createOperation, setPhase, signIn } from '../clients/accounts.js';
import { freshTarget } from '../lib/databases.js';
import { bareTargetOf, connectDirect } from '../lib/direct-db.js';
import { latencyHistogram, mergeHistograms, recordMs, summarize } from '../lib/histogram.js';
import { seedDay } from '../lib/report-seed.js';
import { type Row, count, judge, ms, ratioOf } from '../lib/results.js';
import { type ServerProcess, benchAdmin, startAppServer } from '../lib/server-process.js';
import { epochMs } from '../lib/time.js';
import { WorkerPool } from '../lib/workers.js';
import { writeToFigureMs } from '../lib/write-to-figure.js';
import { type SuiteContext, sizesFor } from './context.js';

/**
 * The after-action JSON report of a day with 100,000 findings (full run),
 * fetched as the coordinator's browser does (gzip), one after another; beside
 * it a bare `count(*)` over the same findings. The operation is created
 * through the API; its records are bulk-seeded with SQL while the server is
 * stopped (see lib/report-seed.ts).
 */
export async function reportSuite(ctx: SuiteContext): Promise<Row[]> {
  const sizes = sizesFor(ctx.options.quick).report;
  const target = await freshTarget(ctx.db, ctx.options.postgresUrl);
  const pool = WorkerPool.start(1);
  let server: ServerProcess | null = null;
  try {
    server = await startAppServer(target);
    let admin = await signIn(server.url, benchAdmin.email, benchAdmin.password);
    const operation = await createOperation(admin);
    await setPhase(admin, operation.id, 'live');
    const [probePlatform] = await addPlatforms(admin, operation.id, 1, 'figure-probe');
    if (!probePlatform) throw new Error('no platform');
    // what a write costs the figures while the day is still empty
    const emptyDay = await writeToFigureMs(admin, operation.id, probePlatform.id, sizes.figureSamples);
    admin.close();
    await server.stop();

    ctx.log(`  seeding ${count(sizes.findings)} findings with bulk SQL (server stopped)`);
    const seedStarted = epochMs();
    const direct = await connectDirect(bareTargetOf(target));
    await seedDay(direct.query, {
      operationId: operation.id,
      startsAt: operation.startsAt,
      countries: countries2022,
      perCountry: 5,
      platforms: sizes.platforms,
      findings: sizes.findings,
    });
    await direct.close();
    const seedMs = epochMs() - seedStarted;

    server = await startAppServer(target);
    admin = await signIn(server.url, benchAdmin.email, benchAdmin.password);
    const path = `/api/operations/${operation.id}/report?format=json&audience=full&lang=en`;
    const fetchReport = () =>
      admin.send<Buffer>('GET', path, undefined, {
        raw: true,
        timeoutMs: 120_000,
        headers: { 'accept-encoding': 'gzip' },
      });
    const first = await fetchReport(); // warm-up: plans and caches, as the bare count gets one
    if (first.status !== 200) throw new Error(`the report answered ${first.status} ${first.errorCode ?? ''}`);
    ctx.log(`  app (${ctx.db}): ${sizes.runs} JSON reports, one after another`);
    const histogram = latencyHistogram();
    await server.probe({ reset: true });
    let failures = 0;
    for (let i = 0; i < sizes.runs; i++) {
      const answer = await fetchReport();
      if (answer.status !== 200) failures += 1;
      recordMs(histogram, answer.ms);
    }
    const serverDuring = await server.probe();
    const app = { ...summarize(histogram), failures, bytes: first.bytes, seedMs };
    ctx.log(`    p95 ${ms(app.p95)} (${(first.bytes / 1000).toFixed(0)} KB gzipped)`);
    const fullDay = await writeToFigureMs(admin, operation.id, probePlatform.id, sizes.figureSamples);
    ctx.log(
      `  a write → its figure: median ${ms(median(emptyDay))} on an empty day, ${ms(median(fullDay))} at ${count(sizes.findings)} findings`,
    );
    admin.close();
    await server.stop();
    server = null;

    ctx.log(`  bare count(*) over the same findings, ${sizes.runs} runs`);
    const counted = await pool.first.call('bare.count', {
      target: bareTargetOf(target),
      operationId: operation.id,
      runs: sizes.runs,
    });
    const bare = { ...summarize(mergeHistograms([counted.histogram])), findings: counted.findings };
    ctx.log(`    p95 ${ms(bare.p95)} over ${count(bare.findings)} findings`);
    // the seeded day plus one identifier per write-to-figure sample
    const seededAndProbes = sizes.findings + emptyDay.length + fullDay.length;
    return [
      {
        bench: `after-action JSON report, ${count(sizes.findings)} findings`,
        database: ctx.db,
        app: `p95 ${ms(app.p95)}`,
        baseline: `count(*) p95 ${ms(bare.p95)}`,
        ratio: ratioOf(app.p95, bare.p95),
        goal: 'p95 < 500 ms',
        ...judge([
          [`p95 ${ms(app.p95)} ≥ 500 ms`, app.p95 < 500],
          [`${failures} reports failed`, failures === 0],
          [
            `${count(bare.findings)} findings in the database, ${count(seededAndProbes)} expected`,
            bare.findings === seededAndProbes,
          ],
        ]),
        details: { app: { ...app, server: serverDuring }, bare, seededWithBulkSql: true },
      },
      figureRow(ctx, sizes.findings, emptyDay, fullDay),
    ];
  } finally {
    pool.close();
    if (server?.running) await server.stop();
    await target.dispose();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

/** "A write's effect on the figures costs the same at 100 and at 100,000 records": the median, full day over empty day. */
function figureRow(ctx: SuiteContext, findings: number, emptyDay: number[], fullDay: number[]): Row {
  const ratio = ratioOf(median(fullDay), median(emptyDay));
  const lost = fullDay.filter((value) => Number.isNaN(value)).length;
  return {
    bench: `key figures: a write until its figure is pushed, at ${count(findings)} findings`,
    database: ctx.db,
    app: `median ${ms(median(fullDay))}`,
    baseline: `median ${ms(median(emptyDay))} on an empty day`,
    ratio,
    goal: '≤ 1.5 × the empty day (costs the same)',
    ...judge([
      [`${ratio?.toFixed(2)}× the empty day > 1.5×`, ratio !== null && ratio <= 1.5],
      [`${lost} writes never reached the figures in 30 s`, lost === 0],
    ]),
    details: { emptyDayMs: emptyDay, fullDayMs: fullDay },
  };
}
