import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (fast: ingest, site logic, no browser, no build) and `browser` (builds the
 * site under a base prefix, serves dist/, drives Debian chromium). `npm test` runs both.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/browser/**', 'tests/.artifacts/**', '**/node_modules/**'],
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
