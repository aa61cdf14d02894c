/**
 * `pnpm bench`: how long the after-action report takes for an operation with
 * 100,000 findings, next to a bare baseline over the same table (a plain
 * `select count(*)`). The records are seeded with bulk INSERTs … SELECT
 * generate_series in an in-memory PGlite (not through the API), so the
 * whole run takes well under two minutes on two cores. Beside it: one recount
 * of the live key figures, and claims through the claim service next to the
 * bare conditional UPDATE that decides them.
 */
import { openDatabase } from '@actionday/server/db/database';
import {
  claimBare,
  claimThroughService,
  countFindings,
  countHits,
  releaseAll,
  seedBenchOperation,
} from '@actionday/server/modules/reports/reports.bench';
import { recount } from '@actionday/server/modules/tallies/tallies.service';
import { cliViewer } from '@actionday/server/modules/reports/reports.model';
import { generateReport } from '@actionday/server/modules/reports/reports.service';

const FINDINGS = Number(process.env.BENCH_FINDINGS ?? 100_000);
const PLATFORMS = 2_000;
const COUNTRIES = [
  'NL',
  'BE',
  'DE',
  'FR',
  'ES',
  'IT',
  'PT',
  'AT',
  'PL',
  'CZ',
  'RO',
  'BG',
  'HU',
  'SK',
  'SI',
  'HR',
  'LT',
  'LV',
  'FI',
  'UA',
];
const PER_COUNTRY = 5;
const RUNS = 5;
/** What "stays interactive" means here: the JSON report of the whole day within this many milliseconds. */
const BUDGET_MS = 2_000;

const log = (line: string) => process.stdout.write(`${line}\n`);

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

async function measure(label: string, work: () => Promise<unknown>): Promise<number> {
  await work(); // warm-up: plans and caches
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await timed(work)).ms);
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)] ?? 0;
  log(
    `  ${label.padEnd(44)} median ${median.toFixed(1).padStart(8)} ms   (min ${(times[0] ?? 0).toFixed(1)}, max ${(times.at(-1) ?? 0).toFixed(1)}, ${RUNS} runs)`,
  );
  return median;
}

async function main() {
  log(
    `Report benchmark: ${FINDINGS.toLocaleString('en')} findings, ${PLATFORMS.toLocaleString('en')} platforms, ${COUNTRIES.length * PER_COUNTRY} participants (in-memory PGlite)`,
  );
  const total = performance.now();
  const database = await openDatabase({ memory: true });
  try {
    await database.migrate();
    const { db } = database;
    const seeded = await timed(() =>
      seedBenchOperation(db, {
        findings: FINDINGS,
        platforms: PLATFORMS,
        countries: COUNTRIES,
        perCountry: PER_COUNTRY,
      }),
    );
    const operation = seeded.value;
    log(
      `  seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${(await countFindings(db, operation.id)).toLocaleString('en')} findings, ${(await countHits(db, operation.id)).toLocaleString('en')} hits\n`,
    );

    const baseline = await measure('baseline: select count(*) from findings', () => countFindings(db, operation.id));
    const options = { audience: 'full' as const, lang: 'en' as const, viewer: cliViewer, now: new Date() };
    const json = await measure('report, format=json (full)', () =>
      generateReport(db, operation, { ...options, format: 'json' }),
    );
    await measure('report, format=json (public)', () =>
      generateReport(db, operation, { ...options, audience: 'public', format: 'json' }),
    );
    await measure('report, format=csv (zip of all tables)', () =>
      generateReport(db, operation, { ...options, format: 'csv' }),
    );
    await measure('report, format=html', () => generateReport(db, operation, { ...options, format: 'html' }));

    // the live key figures: one recount is what every coalesced push costs
    const tally = await measure('tallies: recount of every figure + breakdown', () =>
      recount(db, operation, new Date()),
    );
    // claims: the service (limit check under a row lock, conditional UPDATE, audit chain row) against the bare UPDATE
    const CLAIMS = 200;
    const service = await measure(`claims: ${CLAIMS} through the claim service`, async () => {
      await releaseAll(db, operation.id);
      await claimThroughService(db, operation.id, CLAIMS);
    });
    const bare = await measure(`claims: ${CLAIMS} bare conditional UPDATEs`, async () => {
      await releaseAll(db, operation.id);
      await claimBare(db, operation.id, CLAIMS);
    });

    log(
      `\n  tally recount / baseline: ${(tally / Math.max(baseline, 0.001)).toFixed(1)}×; one claim: ${(service / CLAIMS).toFixed(2)} ms through the service, ${(bare / CLAIMS).toFixed(2)} ms bare`,
    );
    log(
      `  JSON report / baseline: ${(json / Math.max(baseline, 0.001)).toFixed(1)}×; budget ${BUDGET_MS} ms: ${json <= BUDGET_MS ? 'OK (interactive)' : 'OVER BUDGET'}`,
    );
    log(`  total run ${((performance.now() - total) / 1000).toFixed(1)} s`);
    if (json > BUDGET_MS) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
