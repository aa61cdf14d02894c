import type { BenchOptions, DbKind } from '../lib/args.js';

/** What every suite gets: the options, the database it runs on, and the console. */
export interface SuiteContext {
  options: BenchOptions;
  db: DbKind;
  log: (line: string) => void;
}

/** Sizes of the full run (the issue's) and of `--quick` (seconds per benchmark, for development). */
export function sizesFor(quick: boolean) {
  return quick
    ? {
        workers: 2,
        screens: { screens: 100, accounts: 10, platforms: 50, fanoutClaims: 5, fanoutPerSecond: 2 },
        claims: { investigators: 20, platforms: 1000, durationMs: 4000 },
        findings: { investigators: 20, platforms: 50, high: { rate: 50, ms: 5000 }, low: { rate: 10, ms: 3000 } },
        notes: { editors: 6, accounts: 3, editsPerSecond: 1, durationMs: 4000 },
        report: { findings: 5000, platforms: 200, runs: 3, figureSamples: 3 },
        matches: { findings: 200, values: 60, investigators: 6, platforms: 20, runs: 10 },
      }
    : {
        workers: 2,
        screens: { screens: 1000, accounts: 40, platforms: 200, fanoutClaims: 30, fanoutPerSecond: 2 },
        claims: { investigators: 200, platforms: 10_000, durationMs: 15_000 },
        findings: {
          investigators: 100,
          platforms: 200,
          high: { rate: 500, ms: 60_000 },
          low: { rate: 40, ms: 15_000 },
        },
        notes: { editors: 50, accounts: 10, editsPerSecond: 1, durationMs: 15_000 },
        report: { findings: 100_000, platforms: 2000, runs: 10, figureSamples: 7 },
        matches: { findings: 1000, values: 300, investigators: 12, platforms: 100, runs: 50 },
      };
}
