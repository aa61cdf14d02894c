/**
 * `pnpm bench [-- --only claims,findings --db postgres|pglite|both --quick]`:
 * the suite that proves throughput (issue 20). Each benchmark starts the real
 * production server as a child process on a fresh PostgreSQL database and on
 * a fresh embedded one, drives it from separate load processes through HTTP
 * and socket.io, measures a bare baseline in the same run, and ends with one
 * table (benchmark, database, app, baseline, ratio, goal, met) and
 * bench-results.json. A missed goal is printed as MISSED and exits 1.
 */
import { loadavg } from 'node:os';
import { type BenchName, type DbKind, UsageError, readOptions } from './lib/args.js';
import { ensureClientBuilt } from './lib/client-build.js';
import { type Failure, type Row, formatEvidence, formatTable, writeResults } from './lib/results.js';
import { bundleSuite } from './suites/bundle.js';
import { claimsSuite } from './suites/claims.js';
import type { SuiteContext } from './suites/context.js';
import { findingsSuite } from './suites/findings.js';
import { matchesSuite } from './suites/matches.js';
import { notesSuite } from './suites/notes.js';
import { reportSuite } from './suites/report.js';
import { screensSuite } from './suites/screens.js';

const log = (line: string) => process.stdout.write(`${line}\n`);

/** A suite: the benchmarks it answers for, and how to run it on one database (or on none). */
interface SuiteEntry {
  names: BenchName[];
  perDatabase: boolean;
  run: (ctx: SuiteContext, wanted: Set<BenchName>) => Promise<Row[]>;
}

const suites: SuiteEntry[] = [
  { names: ['bundle'], perDatabase: false, run: (ctx) => bundleSuite(ctx) },
  { names: ['memory', 'fanout', 'reconnect', 'stop'], perDatabase: true, run: screensSuite },
  { names: ['claims'], perDatabase: true, run: (ctx) => claimsSuite(ctx) },
  { names: ['findings'], perDatabase: true, run: (ctx) => findingsSuite(ctx) },
  { names: ['notes'], perDatabase: true, run: (ctx) => notesSuite(ctx) },
  { names: ['report'], perDatabase: true, run: (ctx) => reportSuite(ctx) },
  { names: ['matches'], perDatabase: true, run: (ctx) => matchesSuite(ctx) },
];

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadAtStart = loadavg();
  const rows: Row[] = [];
  const failures: Failure[] = [];
  log(
    `Actionday bench${options.quick ? ' (--quick: small sizes, not the issue’s)' : ''}: ${[...options.only].join(', ')} on ${options.databases.join(' and ')}; load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')}`,
  );
  ensureClientBuilt(log);
  for (const suite of suites) {
    const wanted = new Set(suite.names.filter((name) => options.only.has(name)));
    if (wanted.size === 0) continue;
    const databases: (DbKind | null)[] = suite.perDatabase ? options.databases : [null];
    for (const db of databases) {
      const label = `${[...wanted].join(', ')}${db ? ` on ${db}` : ''}`;
      log(`\n▶ ${label}`);
      const started = performance.now();
      try {
        const got = await suite.run({ options, db: db ?? 'pglite', log }, wanted);
        rows.push(...got);
      } catch (error) {
        const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
        failures.push({ bench: [...wanted].join(', '), database: db ?? '—', error: message });
        log(`  FAILED: ${message}`);
      }
      log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    }
  }
  log(`\n${formatTable(rows)}`);
  const evidence = formatEvidence(rows);
  if (evidence) log(`\nWhere the time went (measured during the load):\n${evidence}`);
  for (const failure of failures) log(`\nFAILED to run: ${failure.bench} (${failure.database})`);
  const path = await writeResults(options, rows, failures, startedAt, loadAtStart);
  log(`\nResults: ${path}\nTaken on a machine shared with other work: compare ratios, not absolute times.`);
  if (failures.length > 0 || rows.some((row) => row.met === false)) process.exitCode = 1;
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
