import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the usual output, to print one closing count.
const report = process.env.ACTIONDAY_TEST_REPORT;
// CI runs the files in a random order (ACTIONDAY_TEST_SHUFFLE=1 does the same locally); the seed is printed so an
// order can be repeated with ACTIONDAY_TEST_SEED. Each file has a database of its own, so file order must never
// matter; within a file, suites that arrange a world per test opt in with `describe.shuffle` (see docs/architecture.md).
const shuffle = Boolean(process.env.CI || process.env.ACTIONDAY_TEST_SHUFFLE);
const seed = Number(process.env.ACTIONDAY_TEST_SEED) || Math.floor(Math.random() * 1e9);
if (shuffle) console.log(`test order shuffled with ACTIONDAY_TEST_SEED=${seed}`);
const sequence = { shuffle: shuffle ? { files: true, tests: false } : false, seed };

export default defineConfig({
  test: {
    reporters: report ? ['default', 'json'] : ['default'],
    outputFile: report ? { json: report } : undefined,
    projects: [
      {
        test: {
          name: 'server',
          sequence,
          include: [
            'server/src/**/*.test.ts',
            'shared/src/**/*.test.ts',
            'client/src/**/*.test.ts',
            'tests/integration/**/*.test.ts',
          ],
          globalSetup: ['server/src/test/global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          sequence,
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['server/src/test/global-setup.ts', 'tests/browser/support/build-client.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
