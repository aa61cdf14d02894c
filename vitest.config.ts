import { defineConfig } from 'vitest/config';

// CI asks for a JSON report beside the usual output, to print one closing count.
const report = process.env.ACTIONDAY_TEST_REPORT;

export default defineConfig({
  test: {
    reporters: report ? ['default', 'json'] : ['default'],
    outputFile: report ? { json: report } : undefined,
    projects: [
      {
        test: {
          name: 'server',
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
